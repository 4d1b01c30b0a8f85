import { afterAll, beforeAll } from 'vitest';
import {
  createTestDatabase,
  type MigratedSchema,
  type TestDatabase,
} from '../../../test/helpers/postgres.ts';
import { createPostgresMessageLog } from '../../message-log/adapters/postgres-message-log.ts';
import { createPostgresStore } from '../../store/postgres/postgres-store.ts';
import type { AnalyticsUnderTest } from './analytics-fixture.ts';
import { describeAnalyticsGroupingContract } from './analytics-grouping-contract.ts';
import { describeAnalyticsPerBucketContract } from './analytics-per-bucket-contract.ts';

// One throw-away database for this file; the tests take turns on one schema that the store
// and the log migrate once, emptied before each test (what a fresh migration leaves).
let database: TestDatabase;
let shared: MigratedSchema;
beforeAll(async () => {
  database = await createTestDatabase();
  shared = await database.createMigratedSchema(async (url) => {
    const store = createPostgresStore(url, { poolSize: 1 });
    const log = createPostgresMessageLog(url, { poolSize: 1 });
    await Promise.all([store.migrate(), log.migrate()]).finally(() =>
      Promise.all([store.close(), log.close()]),
    );
  });
});
afterAll(() => database?.drop());

async function openPostgres(): Promise<AnalyticsUnderTest> {
  await shared.reset();
  const store = createPostgresStore(shared.url, { poolSize: 3 });
  const log = createPostgresMessageLog(shared.url, { poolSize: 3 });
  await store.migrate();
  await log.migrate();
  return {
    store,
    log,
    async cleanup() {
      await log.close();
      await store.close();
    },
  };
}

describeAnalyticsPerBucketContract('PostgreSQL', openPostgres);
describeAnalyticsGroupingContract('PostgreSQL', openPostgres);
