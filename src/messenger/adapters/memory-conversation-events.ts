import type { ConversationEvents, ConversationNotice } from '../conversation-events.ts';

type AppListener = (notice: ConversationNotice | null) => void;

/** Adds `listener` to the set under `key`, and returns its removal (the last one drops the set). */
function addTo<T>(map: Map<string, Set<T>>, key: string, listener: T): () => void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) map.delete(key);
  };
}

/**
 * The listeners of one process, by app and conversation, and by app alone: the local half of
 * every adapter.
 */
export function createLocalListeners() {
  const listeners = new Map<string, Set<() => void>>();
  const appListeners = new Map<string, Set<AppListener>>();
  const keyOf = (appId: string, conversationId: string) => `${appId}\u0000${conversationId}`;
  return {
    wake(notice: ConversationNotice): void {
      for (const listener of listeners.get(keyOf(notice.appId, notice.conversationId)) ?? []) {
        listener();
      }
      for (const listener of appListeners.get(notice.appId) ?? []) listener(notice);
    },
    wakeAll(): void {
      for (const set of listeners.values()) for (const listener of set) listener();
      for (const set of appListeners.values()) for (const listener of set) listener(null);
    },
    add(appId: string, conversationId: string, listener: () => void): () => void {
      return addTo(listeners, keyOf(appId, conversationId), listener);
    },
    addApp(appId: string, listener: AppListener): () => void {
      return addTo(appListeners, appId, listener);
    },
  };
}

/** Fan-out within this process: enough for one instance, not for a cluster. */
export function createMemoryConversationEvents(): ConversationEvents {
  const local = createLocalListeners();
  return {
    publish: (notice) => local.wake(notice),
    subscribe: (appId, conversationId, listener) => local.add(appId, conversationId, listener),
    subscribeApp: (appId, listener) => local.addApp(appId, listener),
    close: async () => {},
  };
}
