import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import { outboxJob, RECORD_T0, verificationRecord } from '../../../test/helpers/records.ts';
import type { KyselyStore } from '../kysely-store.ts';
import { createPostgresStore } from '../postgres/postgres-store.ts';
import { createSqliteStore } from '../sqlite/sqlite-store.ts';

const T0 = RECORD_T0;
/** A day: the most `ttlSeconds` a request or an app's settings may give a code. */
const LONGEST_MS = 86_400_000;

/**
 * Superseding reads only the verifications created within the longest code lifetime: one
 * that lives that long is still superseded on its last millisecond, and not once it ended.
 */
function describeLongestLifetime(name: string, open: () => Promise<KyselyStore>) {
  describe(`superseding over the longest code lifetime: ${name}`, () => {
    it.each([
      [LONGEST_MS - 1, ['ver_long']],
      [LONGEST_MS, []],
    ])('a create %i ms after the longest-lived verification supersedes %j', async (after, ids) => {
      const store = await open();
      try {
        await store.createApp({ id: 'app_1', name: 'Acme', createdAt: T0 });
        const long = verificationRecord({
          id: 'ver_long',
          expiresAt: T0 + LONGEST_MS,
        });
        await store.createVerification(long, outboxJob(long));
        const next = verificationRecord({ id: 'ver_next', createdAt: T0 + after });
        expect(await store.createVerification(next, outboxJob(next))).toEqual(ids);
      } finally {
        await store.close();
      }
    });
  });
}

const dirs: string[] = [];
let postgres: TestDatabase | undefined;
afterAll(async () => {
  await postgres?.drop();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describeLongestLifetime('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-lifetime-'));
  dirs.push(dir);
  const store = createSqliteStore(join(dir, 'otpd.db'));
  await store.migrate();
  return store;
});

describeLongestLifetime('PostgreSQL', async () => {
  postgres ??= await createTestDatabase();
  const schema = await postgres.createSchema();
  const store = createPostgresStore(schema.url, { poolSize: 2 });
  await store.migrate();
  return store;
});
