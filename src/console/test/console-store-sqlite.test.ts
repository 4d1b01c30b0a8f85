import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { describeConsoleStoreContract } from './console-store-contract.ts';

describeConsoleStoreContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-console-'));
  const store = createSqliteStore(join(dir, 'otpd.db'));
  await store.migrate();
  return {
    store,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
