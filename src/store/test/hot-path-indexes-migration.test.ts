import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import { outboxJob, RECORD_T0, verificationRecord } from '../../../test/helpers/records.ts';
import { runMigrations } from '../../database/migration-runner.ts';
import type { EventSink } from '../../ports/store.ts';
import { deliveriesFor } from '../../webhooks/event-announcer.ts';
import { createKyselyStore } from '../kysely-store.ts';
import { STORE_MIGRATIONS } from '../migrations/index.ts';
import type { Database as Tables } from '../schema.ts';

const T0 = RECORD_T0;
const TO = '+905551234567';

/**
 * Migration 0020 rebuilds the indexes of verifications and of the job and webhook queues:
 * what a store held before it is found, claimed and superseded after it as before.
 */
function describeMigration(name: string, open: () => Promise<Kysely<Tables>>) {
  describe(`migration 0020_hot_path_indexes: ${name}`, () => {
    it('keeps earlier verifications, jobs and deliveries reachable', async () => {
      const db = await open();
      const dialect = name === 'SQLite' ? 'sqlite' : 'postgres';
      const store = createKyselyStore(db, dialect);
      try {
        const before = Object.fromEntries(
          Object.entries(STORE_MIGRATIONS).filter(([key]) => key < '0020'),
        );
        await runMigrations(db as Kysely<unknown>, dialect, before);
        await store.createApp({ id: 'app_1', name: 'Acme', createdAt: T0 });
        const tagged = verificationRecord({ id: 'ver_tagged', to: TO, messageId: 'msg-1' });
        const sent = verificationRecord({ id: 'ver_sent', to: '+905559876543' });
        const hooks = [
          {
            url: 'https://hooks.example/otp',
            events: ['verification.created' as const],
            secret: 'unused',
          },
        ];
        const events: EventSink = (event) => deliveriesFor('app_1', hooks, event, T0);
        await store.createVerification(tagged, outboxJob(tagged), events);
        await store.createVerification(sent, outboxJob(sent));
        const [first] = await store.claimDueJobs(T0, 30_000, 1);
        if (!first) throw new Error('no job to claim');
        await store.completeJob(first, { provider: 'gateway', now: T0 });

        await store.migrate();

        expect((await store.findVerificationByMessageId('app_1', 'msg-1'))?.id).toBe(tagged.id);
        expect(await store.findVerificationByMessageId('app_1', 'msg-2')).toBeUndefined();
        const left = first.verificationId === tagged.id ? sent : tagged;
        const due = await store.claimDueJobs(T0 + 30_000, 30_000, 10);
        expect(due.map((job) => job.verificationId)).toEqual([left.id]);
        const deliveries = await store.claimDueWebhookDeliveries(T0, 30_000, 10);
        expect(deliveries.map((d) => d.eventType)).toEqual(['verification.created']);
        const next = verificationRecord({ id: 'ver_next', to: TO, createdAt: T0 + 1 });
        expect(await store.createVerification(next, outboxJob(next))).toEqual([tagged.id]);
      } finally {
        await store.close();
      }
    });
  });
}

const dirs: string[] = [];
let postgres: TestDatabase | undefined;
afterAll(async () => {
  await postgres?.drop();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describeMigration('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-migration-'));
  dirs.push(dir);
  const database = new Database(join(dir, 'otpd.db'));
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
});

describeMigration('PostgreSQL', async () => {
  postgres ??= await createTestDatabase();
  const schema = await postgres.createSchema();
  const pool = new pg.Pool({ connectionString: schema.url, max: 2 });
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
});
