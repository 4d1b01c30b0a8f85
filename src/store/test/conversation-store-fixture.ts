import { afterEach, beforeEach } from 'vitest';
import { newDialectIds } from '../../dialects/domain/dialect-ids.ts';
import { newId } from '../../kernel/ids.ts';
import type {
  ConversationRecord,
  NewConversationMessage,
} from '../../messenger/conversation-store.ts';
import type { KyselyStore } from '../kysely-store.ts';

/* What the conversation-store-*-contract.ts files share: a fresh store with two apps, and records. */

export type ConversationStoreUnderTest = { store: KyselyStore; cleanup: () => Promise<void> };

export const now = Date.parse('2026-03-01T10:00:00Z');
export const appId = 'app_mine';
export const otherAppId = 'app_other';

/**
 * Sets up the calling describe block's tests: before each, a fresh migrated store from `open`
 * with the two apps, handed to `bind`; after each, its cleanup. Returns the record builders.
 */
export function withConversationStore(
  open: () => Promise<ConversationStoreUnderTest>,
  bind: (store: KyselyStore) => void,
) {
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const opened = await open();
    cleanup = opened.cleanup;
    bind(opened.store);
    for (const id of [appId, otherAppId]) {
      await opened.store.createApp({ id, name: id, createdAt: now, dialects: newDialectIds() });
    }
  });
  afterEach(() => cleanup());

  let made = 0;
  const conversation = (over: Partial<ConversationRecord> = {}): ConversationRecord => ({
    id: newId('conv', now + made++),
    appId,
    status: 'bot',
    phone: '+905551234567',
    name: 'Ada',
    email: null,
    locale: 'tr',
    agentId: null,
    lastSequence: 0,
    createdAt: now,
    updatedAt: now,
    ...over,
  });
  const message = (
    conversationId: string,
    over: Partial<NewConversationMessage> = {},
  ): NewConversationMessage => ({
    id: newId('cmsg', now),
    appId,
    conversationId,
    author: 'visitor' as const,
    text: 'hello',
    image: null,
    buttons: [],
    verification: null,
    createdAt: now + 1_000,
    ...over,
  });

  return { conversation, message };
}
