import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import type { ConversationEvents } from './conversation-events.ts';
import type {
  ChatButton,
  ConversationMessage,
  ConversationStore,
  MessageAuthor,
  MessageVerification,
} from './conversation-store.ts';

export interface MessageContent {
  text?: string;
  image?: string;
  buttons?: ChatButton[];
  verification?: MessageVerification;
}

/**
 * Appends a message to a conversation and wakes the pages connected to it: the one way
 * messages enter a conversation. Undefined when the app has no such open conversation, or,
 * with `heldBy`, when that console agent does not hold it (the store decides both at once).
 */
export function createAppend(deps: {
  conversations: Pick<ConversationStore, 'appendMessage'>;
  events: Pick<ConversationEvents, 'publish'>;
  clock: Clock;
}) {
  return async (
    c: { appId: string; id: string },
    author: MessageAuthor,
    content: MessageContent,
    heldBy?: string,
  ): Promise<ConversationMessage | undefined> => {
    const now = deps.clock.now();
    const message = await deps.conversations.appendMessage(
      {
        id: newId('cmsg', now),
        appId: c.appId,
        conversationId: c.id,
        author,
        text: content.text ?? null,
        image: content.image ?? null,
        buttons: content.buttons ?? [],
        verification: content.verification ?? null,
        createdAt: now,
      },
      heldBy,
    );
    if (message) deps.events.publish(message);
    return message;
  };
}
