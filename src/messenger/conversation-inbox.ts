import type { Clock } from '../kernel/clock.ts';
import type { ChatButton as DiyalogButton } from '../verification/domain/chat-message.ts';
import { createAppend } from './conversation-append.ts';
import type { ConversationEvents } from './conversation-events.ts';
import type { ConversationInbox } from './conversation-inbox-ports.ts';
import type { ChatButton, ConversationRecord, ConversationStore } from './conversation-store.ts';

const E164 = /^\+[1-9]\d{1,14}$/;
// Chat platforms often write a phone number without its `+` (Diyalog's `905551234567`).
const BARE_PHONE = /^[1-9]\d{7,14}$/;

/** The phone `to` names, if it names one; conversation ids never consist of digits. */
function phoneOf(to: string): string | undefined {
  if (E164.test(to)) return to;
  return BARE_PHONE.test(to) ? `+${to}` : undefined;
}

/** A sendmok button as the chat keeps it: a web_url's payload is its URL. */
function chatButton(b: DiyalogButton): ChatButton {
  if (b.type === 'web_url') return { type: 'web_url', title: b.title, url: b.payload };
  return {
    type: 'postback',
    title: b.title,
    payload: b.payload,
    payloadHidden: b.payloadHidden,
    payloadSeenByUser: b.payloadSeenByUser,
  };
}

/**
 * The web messenger as a destination of the `messenger` channel: a message goes to the
 * conversation named by its id, or to the app's open conversation of a verified phone, as a
 * bot message the page shows at once (with a code form when it carries a code). The bot is
 * not told: the app sent the message itself.
 */
export function createConversationInbox(deps: {
  conversations: Pick<ConversationStore, 'appendMessage' | 'getConversation' | 'listConversations'>;
  events: Pick<ConversationEvents, 'publish'>;
  clock: Clock;
}): ConversationInbox {
  const append = createAppend(deps);

  async function find(appId: string, to: string): Promise<ConversationRecord | undefined> {
    const phone = phoneOf(to);
    if (!phone) return deps.conversations.getConversation(appId, to);
    // At most one conversation of a phone is open (the store's unique index).
    const open = await deps.conversations.listConversations(appId, { phone, limit: 20 });
    return open.find((c) => c.status !== 'closed') ?? open[0];
  }

  return {
    async deliver(message) {
      const c = await find(message.appId, message.to);
      if (!c) return { delivered: false, reason: 'unknown_conversation' };
      if (c.status === 'closed') return { delivered: false, reason: 'conversation_closed' };
      const appended = await append(c, 'bot', {
        text: message.text || undefined,
        image: message.imageUrl ?? undefined,
        buttons: message.buttons.map(chatButton),
        verification: {
          verificationId: message.verificationId,
          code: message.code,
          diyalog:
            message.diyalogMessageId === null
              ? null
              : { messageId: message.diyalogMessageId, customerNo: message.to },
        },
      });
      if (!appended) return { delivered: false, reason: 'unknown_conversation' };
      return { delivered: true, messageId: appended.id };
    },
  };
}

/** For processes that run no messenger (the CLI): every conversation is unknown to them. */
export const noConversationInbox: ConversationInbox = {
  deliver: async () => ({ delivered: false, reason: 'unknown_conversation' }),
};
