import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteMessageLog } from '../../message-log/adapters/sqlite-message-log.ts';
import { createSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import type { AnalyticsUnderTest } from './analytics-fixture.ts';
import { describeAnalyticsGroupingContract } from './analytics-grouping-contract.ts';
import { describeAnalyticsPerBucketContract } from './analytics-per-bucket-contract.ts';

async function openSqlite(): Promise<AnalyticsUnderTest> {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-analytics-'));
  const store = createSqliteStore(join(dir, 'otpd.db'));
  const log = createSqliteMessageLog(join(dir, 'messages.db'));
  await store.migrate();
  await log.migrate();
  return {
    store,
    log,
    async cleanup() {
      await log.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeAnalyticsPerBucketContract('SQLite', openSqlite);
describeAnalyticsGroupingContract('SQLite', openSqlite);
