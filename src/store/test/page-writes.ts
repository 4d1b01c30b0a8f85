import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { RECORD_T0 } from '../../../test/helpers/records.ts';
import { createKyselyStore, type KyselyStore } from '../kysely-store.ts';
import type { Database as Tables } from '../schema.ts';

/** SQLite's WAL: a 32-byte header, then a 24-byte header and a page per frame written. */
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export interface PageWritesBed {
  store: KyselyStore;
  /** Pages `run` commits, read from the WAL it writes after a truncating checkpoint. */
  pagesWritten(run: () => Promise<unknown>): Promise<number>;
}

/**
 * Sets up the calling describe block with a migrated SQLite store in WAL mode holding app
 * `app_1`, whose writes are counted in pages: every page a commit changes is a write system
 * call and a WAL frame, the largest cost of the hot path (docs/performance.md).
 */
export function usePageWritesBed(): PageWritesBed {
  let dir: string;
  let database: Database.Database;
  const bed = { store: undefined as unknown as KyselyStore } as PageWritesBed;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otpd-pages-'));
    database = new Database(join(dir, 'otpd.db'));
    database.pragma('journal_mode = WAL');
    bed.store = createKyselyStore(
      new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }),
      'sqlite',
    );
    await bed.store.migrate();
    await bed.store.createApp({ id: 'app_1', name: 'Acme', createdAt: RECORD_T0 });
  });

  afterAll(async () => {
    await bed.store.close();
    await rm(dir, { recursive: true, force: true });
  });

  bed.pagesWritten = async (run) => {
    database.pragma('wal_checkpoint(TRUNCATE)');
    await run();
    const pageSize = database.pragma('page_size', { simple: true }) as number;
    const wal = statSync(join(dir, 'otpd.db-wal')).size;
    return (wal - WAL_HEADER) / (FRAME_HEADER + pageSize);
  };
  return bed;
}
