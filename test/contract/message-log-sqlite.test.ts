import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteMessageLog } from '../../src/message-log/sqlite-message-log.ts';
import { describeMessageLogContract } from './message-log-contract.ts';

describeMessageLogContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-message-log-'));
  const log = createSqliteMessageLog(join(dir, 'messages.db'));
  await log.migrate();
  return {
    log,
    async cleanup() {
      await log.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
