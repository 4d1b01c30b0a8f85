import { afterAll, beforeAll } from 'vitest';
import {
  createTestDatabase,
  type MigratedSchema,
  type TestDatabase,
} from '../../../test/helpers/postgres.ts';
import { createPostgresStore } from '../../store/postgres/postgres-store.ts';
import { describeConsoleStoreContract } from './console-store-contract.ts';

// One database for this file; the tests take turns on one migrated schema, emptied before
// each of them (what a fresh migration leaves, without migrating again).
let database: TestDatabase;
let shared: MigratedSchema;
beforeAll(async () => {
  database = await createTestDatabase();
  shared = await database.createMigratedSchema(async (url) => {
    const store = createPostgresStore(url, { poolSize: 1 });
    await store.migrate().finally(() => store.close());
  });
});
afterAll(() => database?.drop());

describeConsoleStoreContract('PostgreSQL', async () => {
  await shared.reset();
  const store = createPostgresStore(shared.url, { poolSize: 10 });
  await store.migrate();
  return {
    store,
    cleanup: () => store.close(),
  };
});
