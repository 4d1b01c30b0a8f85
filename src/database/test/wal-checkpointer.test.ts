import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { openSqliteKysely } from '../sqlite-open.ts';
import { createWalCheckpointer, sharedWalCheckpointer } from '../wal-checkpointer.ts';
import { embeddedPragmas, useDataDirs } from './sqlite-files.ts';

const dataDir = useDataDirs('checkpoints');

async function autoCheckpointPages(db: Kysely<unknown>): Promise<number | undefined> {
  const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
  return rows[0]?.wal_autocheckpoint;
}

/** Writes about 2 MB in 200 commits: far more than SQLite's 1,000-page checkpoint interval. */
async function writeMuch(db: Kysely<unknown>): Promise<void> {
  await sql`create table filler (id integer primary key, body blob)`.execute(db);
  for (let i = 0; i < 200; i++) {
    await sql`insert into filler (body) values (randomblob(10000))`.execute(db);
  }
}

async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('WAL checkpoints on their own thread', () => {
  it('copy the WAL into the database while the connection itself never checkpoints', async () => {
    const file = join(dataDir(), 'otpd.db');
    const db = openSqliteKysely<unknown>(file, { checkpoints: 'thread' });
    try {
      expect(await autoCheckpointPages(db)).toBe(0);
      await writeMuch(db);
      // Only a checkpoint writes pages into the database file: the commits went to the WAL.
      await eventually(() => statSync(file).size > 2_000_000);
    } finally {
      await db.destroy();
    }
    // The thread's connection closed last: it checkpointed what was left and removed the WAL.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('are left to SQLite after each commit unless asked for', async () => {
    const db = openSqliteKysely<unknown>(join(dataDir(), 'otpd.db'));
    try {
      expect(await autoCheckpointPages(db)).toBe(1000);
    } finally {
      await db.destroy();
    }
  });

  it('go back to the connection when the thread is lost', async () => {
    const db = openSqliteKysely<unknown>(join(dataDir(), 'otpd.db'), { checkpoints: 'thread' });
    try {
      expect(await autoCheckpointPages(db)).toBe(0);
      await sharedWalCheckpointer().terminate();
      await eventually(async () => (await autoCheckpointPages(db)) === 1000);
    } finally {
      await db.destroy();
    }
  });

  it('go back to the connection when the thread cannot open its file', async () => {
    const checkpointer = createWalCheckpointer();
    const lost = vi.fn();
    const watch = checkpointer.watch(join(dataDir(), 'missing.db'), lost);
    await eventually(() => lost.mock.calls.length > 0);
    await watch.release();
  });

  it('are what the embedded store and message log open with', async () => {
    const pragmas = await embeddedPragmas(dataDir());
    expect(pragmas.filter((source) => source === 'wal_autocheckpoint = 0')).toHaveLength(2);
  });
});
