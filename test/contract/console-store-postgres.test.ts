import { afterAll, beforeAll } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { describeConsoleStoreContract } from './console-store-contract.ts';

// One database for this file, a fresh schema for each test.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describeConsoleStoreContract('PostgreSQL', async () => {
  const schema = await database.createSchema();
  const store = createPostgresStore(schema.url, { poolSize: 10 });
  await store.migrate();
  return {
    store,
    async cleanup() {
      await store.close();
      await schema.drop();
    },
  };
});
