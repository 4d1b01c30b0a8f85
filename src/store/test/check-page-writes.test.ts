import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxJob, RECORD_T0 as T0, verificationRecord } from '../../../test/helpers/records.ts';
import { createKyselyStore, type KyselyStore } from '../kysely-store.ts';
import type { Database as Tables } from '../schema.ts';

/** SQLite's WAL: a 32-byte header, then a 24-byte header and a page per frame written. */
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/**
 * What a check writes, counted in pages on SQLite: every page a commit changes is a write
 * system call and a WAL frame, the largest cost of the hot path (docs/performance.md).
 */
describe('page writes of a check (SQLite)', () => {
  let dir: string;
  let database: Database.Database;
  let store: KyselyStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otpd-pages-'));
    database = new Database(join(dir, 'otpd.db'));
    database.pragma('journal_mode = WAL');
    store = createKyselyStore(
      new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }),
      'sqlite',
    );
    await store.migrate();
    await store.createApp({ id: 'app_1', name: 'Acme', createdAt: T0 });
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Pages `run` commits, read from the WAL it writes after a truncating checkpoint. */
  async function pagesWritten(run: () => Promise<unknown>): Promise<number> {
    database.pragma('wal_checkpoint(TRUNCATE)');
    await run();
    const pageSize = database.pragma('page_size', { simple: true }) as number;
    const wal = statSync(join(dir, 'otpd.db-wal')).size;
    return (wal - WAL_HEADER) / (FRAME_HEADER + pageSize);
  }

  async function started(id: string) {
    const v = verificationRecord({ id, maxAttempts: 2 });
    await store.createVerification(v, outboxJob(v), undefined);
    return v;
  }

  it("rewrites only the verification's row for a wrong code that leaves it pending", async () => {
    const v = await started('ver_pages_1');
    const check = { appId: v.appId, id: v.id, expectedSends: v.sends, valid: false, now: T0 + 1 };
    expect(await pagesWritten(() => store.recordCheck(check))).toBe(1);
    // The last attempt ends it: its entry leaves the index of pending verifications too.
    const last = await pagesWritten(() => store.recordCheck({ ...check, now: T0 + 2 }));
    expect(last).toBeGreaterThan(1);
    expect((await store.getVerification(v.appId, v.id))?.status).toBe('max_attempts_reached');
  });
});
