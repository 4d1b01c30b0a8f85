import type { ConversationEvents } from './conversation-events.ts';
import type { ConversationMessage } from './conversation-store.ts';

/** Fan-out within this process: listeners by app and conversation. */
export function createMemoryConversationEvents(): ConversationEvents {
  const listeners = new Map<string, Set<(message: ConversationMessage) => void>>();
  const keyOf = (appId: string, conversationId: string) => `${appId}\u0000${conversationId}`;
  return {
    publish(message) {
      for (const listener of listeners.get(keyOf(message.appId, message.conversationId)) ?? []) {
        listener(message);
      }
    },
    subscribe(appId, conversationId, listener) {
      const key = keyOf(appId, conversationId);
      let set = listeners.get(key);
      if (!set) {
        set = new Set();
        listeners.set(key, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
  };
}
