import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresMessageLog } from '../../src/message-log/postgres-message-log.ts';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { describeMessageLogBatchContract } from './message-log-batch-contract.ts';
import { describeMessageLogContract } from './message-log-contract.ts';

// One throw-away database for this file, a fresh schema per test.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describeMessageLogContract('PostgreSQL', async () => {
  const schema = await database.createSchema();
  const log = createPostgresMessageLog(schema.url, { poolSize: 5 });
  await log.migrate();
  return {
    log,
    async cleanup() {
      await log.close();
      await schema.drop();
    },
  };
});

describeMessageLogBatchContract('PostgreSQL', async () => {
  const schema = await database.createSchema();
  const log = createPostgresMessageLog(schema.url, { poolSize: 5 });
  await log.migrate();
  return {
    log,
    reopen: async () => createPostgresMessageLog(schema.url, { poolSize: 2 }),
    async cleanup() {
      await log.close();
      await schema.drop();
    },
  };
});

describe('PostgreSQL message log beside the store', () => {
  it('migrates a fresh schema from several processes at once', async () => {
    const schema = await database.createSchema();
    const logs = Array.from({ length: 4 }, () =>
      createPostgresMessageLog(schema.url, { poolSize: 2 }),
    );
    try {
      await Promise.all(logs.map((l) => l.migrate()));
      const { rows } = await database.client.query<{ name: string }>(
        `select name from ${schema.name}.message_log_migration`,
      );
      expect(rows.map((r) => r.name).sort()).toEqual([
        '0001_message_log',
        '0002_message_log_search',
        '0003_message_cost',
      ]);
    } finally {
      await Promise.all(logs.map((l) => l.close()));
      await schema.drop();
    }
  });

  it('shares a schema with the store, each with its own migration history', async () => {
    const schema = await database.createSchema();
    const store = createPostgresStore(schema.url, { poolSize: 2 });
    const log = createPostgresMessageLog(schema.url, { poolSize: 2 });
    try {
      await Promise.all([store.migrate(), log.migrate()]);
      await Promise.all([store.migrate(), log.migrate()]);
      const names = async (table: string) =>
        (
          await database.client.query<{ name: string }>(
            `select name from ${schema.name}.${table} order by name`,
          )
        ).rows.map((r) => r.name);
      expect(await names('message_log_migration')).toEqual([
        '0001_message_log',
        '0002_message_log_search',
        '0003_message_cost',
      ]);
      expect(await names('kysely_migration')).not.toContain('0001_message_log');
      expect(await store.listApps()).toEqual([]);
      expect((await log.list(['app_a'], {}, null, 10)).entries).toEqual([]);
    } finally {
      await log.close();
      await store.close();
      await schema.drop();
    }
  });
});
