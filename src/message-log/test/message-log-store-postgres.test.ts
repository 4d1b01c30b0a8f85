import { describe, expect, it } from 'vitest';
import { useSharedSchema } from '../../../test/helpers/postgres.ts';
import { createPostgresStore } from '../../store/postgres/postgres-store.ts';
import { createPostgresMessageLog } from '../adapters/postgres-message-log.ts';
import { describeMessageLogBatchContract } from './message-log-batch-contract.ts';
import { describeMessageLogContract } from './message-log-contract.ts';

// One throw-away database for this file, and one migrated schema its suites take turns on;
// the tests of schemas and migrations below make schemas of their own.
const schemas = useSharedSchema(async (url) => {
  const log = createPostgresMessageLog(url, { poolSize: 1 });
  await log.migrate().finally(() => log.close());
});

describeMessageLogContract('PostgreSQL', async () => {
  await schemas.shared.reset();
  const log = createPostgresMessageLog(schemas.shared.url, { poolSize: 5 });
  await log.migrate();
  return {
    log,
    cleanup: () => log.close(),
  };
});

describeMessageLogBatchContract('PostgreSQL', async () => {
  await schemas.shared.reset();
  const log = createPostgresMessageLog(schemas.shared.url, { poolSize: 5 });
  await log.migrate();
  return {
    log,
    reopen: async () => createPostgresMessageLog(schemas.shared.url, { poolSize: 2 }),
    cleanup: () => log.close(),
  };
});

describe('PostgreSQL message log beside the store', () => {
  it('migrates a fresh schema from several processes at once', async () => {
    const schema = await schemas.database.createSchema();
    const logs = Array.from({ length: 4 }, () =>
      createPostgresMessageLog(schema.url, { poolSize: 2 }),
    );
    try {
      await Promise.all(logs.map((l) => l.migrate()));
      const { rows } = await schemas.database.client.query<{ name: string }>(
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
    const schema = await schemas.database.createSchema();
    const store = createPostgresStore(schema.url, { poolSize: 2 });
    const log = createPostgresMessageLog(schema.url, { poolSize: 2 });
    try {
      await Promise.all([store.migrate(), log.migrate()]);
      await Promise.all([store.migrate(), log.migrate()]);
      const names = async (table: string) =>
        (
          await schemas.database.client.query<{ name: string }>(
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
