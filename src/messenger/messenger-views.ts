import type { ConversationMessage, ConversationRecord } from './conversation-store.ts';

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

export function messageView(m: ConversationMessage) {
  return {
    id: m.id,
    conversationId: m.conversationId,
    sequence: m.sequence,
    author: m.author,
    text: m.text,
    image: m.image,
    buttons: m.buttons,
    createdAt: iso(m.createdAt),
  };
}
