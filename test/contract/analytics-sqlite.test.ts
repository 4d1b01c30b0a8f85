import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteMessageLog } from '../../src/message-log/adapters/sqlite-message-log.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { describeAnalyticsContract } from './analytics-contract.ts';

describeAnalyticsContract('SQLite', async () => {
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
});
