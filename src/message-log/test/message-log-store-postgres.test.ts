import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  type MigratedSchema,
  type TestDatabase,
} from '../../../test/helpers/postgres.ts';
import { createPostgresStore } from '../../store/postgres/postgres-store.ts';
import { createPostgresMessageLog } from '../adapters/postgres-message-log.ts';
import { describeMessageLogBatchContract } from './message-log-batch-contract.ts';
import { describeMessageLogContract } from './message-log-contract.ts';

// One throw-away database for this file. The contract suites take turns on one migrated
// schema, emptied before each test (what a fresh migration leaves, without migrating
// again); the tests of migrations below make schemas of their own.
let database: TestDatabase;
let shared: MigratedSchema;
beforeAll(async () => {
  database = await createTestDatabase();
  shared = await database.createMigratedSchema(async (url) => {
    const log = createPostgresMessageLog(url, { poolSize: 1 });
    await log.migrate().finally(() => log.close());
  });
});
afterAll(() => database?.drop());

describeMessageLogContract('PostgreSQL', async () => {
  await shared.reset();
  const log = createPostgresMessageLog(shared.url, { poolSize: 5 });
  await log.migrate();
  return {
    log,
    cleanup: () => log.close(),
  };
});

describeMessageLogBatchContract('PostgreSQL', async () => {
  await shared.reset();
  const log = createPostgresMessageLog(shared.url, { poolSize: 5 });
  await log.migrate();
  return {
    log,
    reopen: async () => createPostgresMessageLog(shared.url, { poolSize: 2 }),
    cleanup: () => log.close(),
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
