import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { outboxJob, verificationRecord } from '../../../test/helpers/records.ts';
import type { OutboxJob } from '../../ports/store.ts';
import { createKyselyStore } from '../kysely-store.ts';
import { preparedName } from '../prepared.ts';
import { toJob } from '../rows.ts';
import type { OutboxJobsTable, Database as Tables } from '../schema.ts';
import { createSqliteStore } from '../sqlite/sqlite-store.ts';
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

async function openSqlite(): Promise<StoreUnderTest & { file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-store-'));
  const file = join(dir, 'otpd.db');
  const store = createSqliteStore(file);
  await store.migrate();
  const probe = new Database(file, { readonly: true });
  return {
    file,
    store,
    async readJob(id: string): Promise<OutboxJob | undefined> {
      const row = probe.prepare('select * from outbox_jobs where id = ?').get(id);
      return row === undefined ? undefined : toJob(row as OutboxJobsTable);
    },
    async cleanup() {
      probe.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeStoreContract('SQLite', openSqlite);
describeAppStoreContract('SQLite', openSqlite);
describeSettingsStoreContract('SQLite', openSqlite);
describeVerificationStoreContract('SQLite', openSqlite);
describeVerificationCheckContract('SQLite', openSqlite);
describeVerificationResendContract('SQLite', openSqlite);
describeIdempotencyStoreContract('SQLite', openSqlite);
describeJobQueueContract('SQLite', openSqlite);
describeJobQueueOutcomesContract('SQLite', openSqlite);
describeSandboxStoreContract('SQLite', openSqlite);
describeFraudStoreContract('SQLite', openSqlite);
describeWebhookEventsContract('SQLite', openSqlite);
describeWebhookStoreContract('SQLite', openSqlite);
describeWebhookRequeueListContract('SQLite', openSqlite);
describeConversationStoreContract('SQLite', openSqlite);
describeConversationInboxContract('SQLite', openSqlite);

/** A store of its own for a migration's suite: the raw database beside it, to set the scene. */
async function openMigrationBed() {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-store-'));
  const file = join(dir, 'otpd.db');
  return {
    db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) }),
    dialect: 'sqlite' as const,
    openStore: () => createSqliteStore(file),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

describeDialectIdBackfill('SQLite', openMigrationBed);
describeApiKeyScopesBackfill('SQLite', openMigrationBed);
describeConversationAgentsMigration('SQLite', openMigrationBed);

describe('SQLite store: two connections to one file', () => {
  it('never hands one job to both, as with a CLI and a server on the same file', async () => {
    const first = await openSqlite();
    const second = createSqliteStore(first.file);
    try {
      await expectEachJobClaimedOnce(first.store, second, { jobs: 40, claims: 10 });
    } finally {
      await second.close();
      await first.cleanup();
    }
  });
});

describe('SQLite store: claims', () => {
  it('run only statements compiled once, whatever each app holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otpd-store-'));
    const texts = new Set<string>();
    const db = new Kysely<Tables>({
      dialect: new SqliteDialect({ database: new Database(join(dir, 'otpd.db')) }),
      log: (event) => {
        if (/\b(outbox_jobs|webhook_deliveries)\b/.test(event.query.sql))
          texts.add(event.query.sql);
      },
    });
    const store = createKyselyStore(db, 'sqlite');
    try {
      await store.migrate();
      const now = Date.parse('2026-01-01T00:00:00Z');
      await store.createApp({ id: 'app_1', name: 'Acme', createdAt: now });
      await store.createApp({ id: 'app_2', name: 'Other', createdAt: now });
      for (const [i, appId] of ['app_1', 'app_1', 'app_2'].entries()) {
        const v = verificationRecord({
          id: `ver_${i}`,
          appId,
          to: `+9055512340${i}`,
          createdAt: now,
        });
        await store.createVerification(v, outboxJob(v, { id: `job_${i}` }));
        await store.enqueueWebhookDeliveries([
          {
            ...{ id: `whd_${i}`, appId, eventId: `evt_${i}`, eventType: 'verification.created' },
            ...{ url: 'https://hooks.example/otp', payload: '{}', status: 'pending' },
            ...{ attempts: 0, attemptLimit: 3, nextAttemptAt: now, leaseUntil: null },
            ...{ lastError: null, lastStatusCode: null, createdAt: now, updatedAt: now },
            ...{ deliveredAt: null, attemptLog: [] },
          },
        ]);
      }
      texts.clear();
      const shares = [
        undefined,
        { perApp: 2, held: new Map([['app_1', 1]]) },
        {
          perApp: 3,
          held: new Map([
            ['app_1', 1],
            ['app_2', 2],
          ]),
        },
      ];
      const claimed = [];
      for (const share of shares) {
        claimed.push(...(await store.claimDueJobs(now, 1, 1, share)));
        claimed.push(...(await store.claimDueWebhookDeliveries(now, 1, 1, share)));
      }
      expect(claimed).toHaveLength(6);
      expect(texts.size).toBeGreaterThan(0);
      expect([...texts].filter((text) => preparedName(text) === undefined)).toEqual([]);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
