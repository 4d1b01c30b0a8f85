import type { ConversationEvents } from './conversation-events.ts';

/** The listeners of one process, by app and conversation: the local half of every adapter. */
export function createLocalListeners() {
  const listeners = new Map<string, Set<() => void>>();
  const keyOf = (appId: string, conversationId: string) => `${appId}\u0000${conversationId}`;
  return {
    wake(appId: string, conversationId: string): void {
      for (const listener of listeners.get(keyOf(appId, conversationId)) ?? []) listener();
    },
    wakeAll(): void {
      for (const set of listeners.values()) for (const listener of set) listener();
    },
    add(appId: string, conversationId: string, listener: () => void): () => void {
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

/** Fan-out within this process: enough for one instance, not for a cluster. */
export function createMemoryConversationEvents(): ConversationEvents {
  const local = createLocalListeners();
  return {
    publish: (notice) => local.wake(notice.appId, notice.conversationId),
    subscribe: (appId, conversationId, listener) => local.add(appId, conversationId, listener),
    close: async () => {},
  };
}
