import { afterAll, beforeAll } from 'vitest';
import { createPostgresMessageLog } from '../../src/message-log/postgres-message-log.ts';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { describeAnalyticsContract } from './analytics-contract.ts';

// One throw-away database for this file, a fresh schema per test; the log shares it.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describeAnalyticsContract('PostgreSQL', async () => {
  const schema = await database.createSchema();
  const store = createPostgresStore(schema.url, { poolSize: 3 });
  const log = createPostgresMessageLog(schema.url, { poolSize: 3 });
  await store.migrate();
  await log.migrate();
  return {
    store,
    log,
    async cleanup() {
      await log.close();
      await store.close();
      await schema.drop();
    },
  };
});
