import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useSharedSchema } from '../../../test/helpers/postgres.ts';
import type { OutboxJob } from '../../ports/store.ts';
import { createPostgresStore } from '../postgres/postgres-store.ts';
import { toJob } from '../rows.ts';
import type { OutboxJobsTable } from '../schema.ts';
import { describeApiKeyScopesBackfill } from './api-key-scopes-backfill.ts';
import { describeAppStoreContract } from './app-store-contract.ts';
import { describeConversationAgentsMigration } from './conversation-agents-migration.ts';
import { describeConversationStoreContract } from './conversation-store-contract.ts';
import { describeConversationInboxContract } from './conversation-store-inbox-contract.ts';
import { describeDialectIdBackfill } from './dialect-ids-backfill.ts';
import { describeFraudStoreContract } from './fraud-store-contract.ts';
import { describeIdempotencyStoreContract } from './idempotency-store-contract.ts';
import { describeJobQueueContract } from './job-queue-contract.ts';
import { describeJobQueueOutcomesContract } from './job-queue-outcomes-contract.ts';
import { describeSandboxStoreContract } from './sandbox-store-contract.ts';
import { describeSettingsStoreContract } from './settings-store-contract.ts';
import { describeStoreContract } from './store-contract.ts';
import type { StoreUnderTest } from './store-fixture.ts';
import { expectEachJobClaimedOnce } from './two-claimers.ts';
import { describeVerificationCheckContract } from './verification-check-contract.ts';
import { describeVerificationResendContract } from './verification-resend-contract.ts';
import { describeVerificationStoreContract } from './verification-store-contract.ts';
import { describeWebhookStoreContract } from './webhook-store-contract.ts';
import { describeWebhookEventsContract } from './webhook-store-events-contract.ts';
import { describeWebhookRequeueListContract } from './webhook-store-requeue-list-contract.ts';

// One throw-away database for this file, and one migrated schema its suites take turns on;
// the tests of schemas and migrations below make schemas of their own.
const schemas = useSharedSchema(async (url) => {
  const store = createPostgresStore(url, { poolSize: 1 });
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
});

/** A store on `schema`, migrated (a no-op on the shared schema, whose history is kept). */
async function openStore(
  schema: { name: string; url: string },
  cleanup: () => Promise<void>,
): Promise<StoreUnderTest & { url: string }> {
  const store = createPostgresStore(schema.url, { poolSize: 10 });
  await store.migrate();
  return {
    url: schema.url,
    store,
    async readJob(id: string): Promise<OutboxJob | undefined> {
      const { rows } = await schemas.database.client.query<OutboxJobsTable>(
        `select * from ${schema.name}.outbox_jobs where id = $1`,
        [id],
      );
      return rows[0] && toJob(rows[0]);
    },
    async cleanup() {
      await store.close();
      await cleanup();
    },
  };
}

/** A store on a schema of its own, migrated from nothing. */
async function openPostgres(): Promise<StoreUnderTest & { url: string }> {
  const schema = await schemas.database.createSchema();
  return openStore(schema, schema.drop);
}

/** A store on the shared schema, emptied first. */
async function openShared(): Promise<StoreUnderTest> {
  await schemas.shared.reset();
  return openStore(schemas.shared, async () => {});
}

describeStoreContract('PostgreSQL', openShared);
describeAppStoreContract('PostgreSQL', openShared);
describeSettingsStoreContract('PostgreSQL', openShared);
describeVerificationStoreContract('PostgreSQL', openShared);
describeVerificationCheckContract('PostgreSQL', openShared);
describeVerificationResendContract('PostgreSQL', openShared);
describeIdempotencyStoreContract('PostgreSQL', openShared);
describeJobQueueContract('PostgreSQL', openShared);
describeJobQueueOutcomesContract('PostgreSQL', openShared);
describeSandboxStoreContract('PostgreSQL', openShared);
describeFraudStoreContract('PostgreSQL', openShared);
describeWebhookEventsContract('PostgreSQL', openShared);
describeWebhookStoreContract('PostgreSQL', openShared);
describeWebhookRequeueListContract('PostgreSQL', openShared);
describeConversationStoreContract('PostgreSQL', openShared);
describeConversationInboxContract('PostgreSQL', openShared);

/** A store of its own for a migration's suite: the raw database beside it, to set the scene. */
async function openMigrationBed() {
  const schema = await schemas.database.createSchema();
  return {
    db: new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: schema.url }) }),
    }),
    dialect: 'postgres' as const,
    openStore: () => createPostgresStore(schema.url, { poolSize: 2 }),
    cleanup: () => schema.drop(),
  };
}

describeDialectIdBackfill('PostgreSQL', openMigrationBed);
describeApiKeyScopesBackfill('PostgreSQL', openMigrationBed);
describeConversationAgentsMigration('PostgreSQL', openMigrationBed);

describe('PostgreSQL store: two pools on one database', () => {
  it('never hands one job to both, as with two instances of a cluster', async () => {
    const first = await openPostgres();
    const second = createPostgresStore(first.url, { poolSize: 10 });
    try {
      // The second instance migrates too, at the same time as a third: nothing to do, no harm.
      await Promise.all([second.migrate(), first.store.migrate()]);
      await expectEachJobClaimedOnce(first.store, second, { jobs: 100, claims: 30 });
    } finally {
      await second.close();
      await first.cleanup();
    }
  });

  it('keeps the schemas of one database apart, migration history included', async () => {
    const a = await openPostgres();
    const b = await openPostgres();
    try {
      await a.store.createApp({ id: 'app_a', name: 'A', createdAt: 1 });
      expect(await b.store.listApps()).toEqual([]);
      await b.store.migrate();
      expect((await a.store.listApps()).map((app) => app.id)).toEqual(['app_a']);
    } finally {
      await b.cleanup();
      await a.cleanup();
    }
  });

  it('migrates a fresh schema from several processes at once', async () => {
    const schema = await schemas.database.createSchema();
    const stores = Array.from({ length: 4 }, () =>
      createPostgresStore(schema.url, { poolSize: 2 }),
    );
    try {
      await Promise.all(stores.map((s) => s.migrate()));
      const { rows } = await schemas.database.client.query<{ name: string }>(
        `select name from ${schema.name}.kysely_migration order by name`,
      );
      expect(rows.map((r) => r.name)[0]).toBe('0001_initial');
      expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
      await expect(stores[0]?.listApps()).resolves.toEqual([]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await schema.drop();
    }
  });
});

describe('PostgreSQL store: connections', () => {
  it('survives the server closing its idle connections, and reconnects', async () => {
    const schema = await schemas.database.createSchema();
    const lost: Error[] = [];
    const store = createPostgresStore(schema.url, {
      poolSize: 3,
      onIdleError: (error) => lost.push(error),
    });
    try {
      await store.migrate();
      await Promise.all([store.ping(), store.ping(), store.ping()]);
      // As a database restart or a failover would: every connection but the probe's is cut.
      const { rowCount } = await schemas.database.client.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      expect(rowCount).toBeGreaterThan(0);
      await expect.poll(() => lost.length).toBe(rowCount);
      await expect(store.ping()).resolves.toBeUndefined();
      expect(await store.listApps()).toEqual([]);
    } finally {
      await store.close();
      await schema.drop();
    }
  });
});
