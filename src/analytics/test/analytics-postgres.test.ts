import { useSharedSchema } from '../../../test/helpers/postgres.ts';
import { createPostgresMessageLog } from '../../message-log/adapters/postgres-message-log.ts';
import { createPostgresStore } from '../../store/postgres/postgres-store.ts';
import type { AnalyticsUnderTest } from './analytics-fixture.ts';
import { describeAnalyticsGroupingContract } from './analytics-grouping-contract.ts';
import { describeAnalyticsPerBucketContract } from './analytics-per-bucket-contract.ts';

// One throw-away database for this file, and one migrated schema its suites take turns on.
const schemas = useSharedSchema(async (url) => {
  const store = createPostgresStore(url, { poolSize: 1 });
  const log = createPostgresMessageLog(url, { poolSize: 1 });
  await Promise.all([store.migrate(), log.migrate()]).finally(() =>
    Promise.all([store.close(), log.close()]),
  );
});

async function openPostgres(): Promise<AnalyticsUnderTest> {
  await schemas.shared.reset();
  const store = createPostgresStore(schemas.shared.url, { poolSize: 3 });
  const log = createPostgresMessageLog(schemas.shared.url, { poolSize: 3 });
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
