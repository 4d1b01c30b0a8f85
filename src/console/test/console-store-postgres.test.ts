import { useSharedSchema } from '../../../test/helpers/postgres.ts';
import { createPostgresStore } from '../../store/postgres/postgres-store.ts';
import { describeConsoleStoreContract } from './console-store-contract.ts';

// One throw-away database for this file, and one migrated schema its suites take turns on.
const schemas = useSharedSchema(async (url) => {
  const store = createPostgresStore(url, { poolSize: 1 });
  await store.migrate().finally(() => store.close());
});

describeConsoleStoreContract('PostgreSQL', async () => {
  await schemas.shared.reset();
  const store = createPostgresStore(schemas.shared.url, { poolSize: 10 });
  await store.migrate();
  return {
    store,
    cleanup: () => store.close(),
  };
});
