import { type Kysely, sql } from 'kysely';
import type { VerificationStats } from '../analytics/analytics-ports.ts';
import type { ConsoleStore } from '../console/console-store.ts';
import type { ConversationStore } from '../messenger/conversation-store.ts';
import type { Store } from '../ports/store.ts';
import { createAnalyticsQueries } from './analytics-queries.ts';
import { createAppQueries } from './app-queries.ts';
import { createConsoleQueries } from './console-queries.ts';
import { createConversationQueries } from './conversation-queries.ts';
import { createFraudQueries } from './fraud-queries.ts';
import { createIdempotencyQueries } from './idempotency-queries.ts';
import { migrateToLatest } from './migrations/index.ts';
import { createOutboxQueries } from './outbox-queries.ts';
import { createReceiptQueries } from './receipt-queries.ts';
import { createSandboxQueries } from './sandbox-queries.ts';
import type { Database } from './schema.ts';
import { createVerificationQueries } from './verification-queries.ts';
import { createWebhookQueries } from './webhook-queries.ts';

/** The store of every feature: the kernel's `Store`, the messenger's, analytics, the console's. */
export type KyselyStore = Store & ConversationStore & VerificationStats & ConsoleStore;

/**
 * The Store over any Kysely database. The dialect changes only how concurrent writers are
 * kept apart: how jobs are claimed and how creates for one destination are serialised.
 */
export function createKyselyStore(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): KyselyStore {
  return {
    migrate: () => migrateToLatest(db as Kysely<unknown>, dialect),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
    ...createAppQueries(db, dialect),
    ...createAnalyticsQueries(db),
    ...createVerificationQueries(db, dialect),
    ...createOutboxQueries(db, dialect),
    ...createReceiptQueries(db),
    ...createIdempotencyQueries(db),
    ...createSandboxQueries(db),
    ...createFraudQueries(db, dialect),
    ...createWebhookQueries(db, dialect),
    ...createConversationQueries(db),
    ...createConsoleQueries(db),
  };
}
