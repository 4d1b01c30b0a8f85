import type { ConversationMessage, ConversationRecord } from '../conversation-store.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function conversationView(c: ConversationRecord) {
  return {
    id: c.id,
    status: c.status,
    phone: c.phone,
    name: c.name,
    email: c.email,
    locale: c.locale,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

const common = (m: ConversationMessage) => ({
  id: m.id,
  conversationId: m.conversationId,
  sequence: m.sequence,
  author: m.author,
  text: m.text,
  image: m.image,
  createdAt: iso(m.createdAt),
});

/** A message as the app reads it; the code it delivered stays out (the app has its own). */
export function messageView(m: ConversationMessage) {
  const v = m.verification;
  return {
    ...common(m),
    buttons: m.buttons,
    verification: v && {
      verificationId: v.verificationId,
      diyalogMessageId: v.diyalog?.messageId ?? null,
    },
  };
}

/**
 * A message as the chat page gets it: a hidden payload is left out (the visitor sees the
 * title and presses the button by its place), the delivered code is in, for the code form.
 */
export function visitorMessageView(m: ConversationMessage) {
  return {
    ...common(m),
    buttons: m.buttons.map((b) => {
      if (b.type !== 'postback' || !b.payloadHidden) return b;
      const { payload: _hidden, ...shown } = b;
      return shown;
    }),
    code: m.verification?.code ?? null,
  };
}
