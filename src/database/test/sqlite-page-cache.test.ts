import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqliteKysely, PAGE_CACHE_KIB } from '../sqlite-open.ts';
import { embeddedPragmas, useDataDirs } from './sqlite-files.ts';

const dataDir = useDataDirs('page-cache');

describe('the SQLite page cache', () => {
  it('is SQLite’s own 2,000 KiB per connection, not the 16 MiB better-sqlite3 builds in', async () => {
    expect(PAGE_CACHE_KIB).toBe(2000);
    const bare = new SqliteDatabase(':memory:');
    try {
      expect(bare.pragma('cache_size', { simple: true })).toBe(-16000);
    } finally {
      bare.close();
    }
    const db = openSqliteKysely(join(dataDir(), 'otpd.db'));
    try {
      const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
      // Negative: a size in KiB rather than a number of pages.
      expect(rows[0]?.cache_size).toBe(-2000);
    } finally {
      await db.destroy();
    }
  });

  it('is what the embedded store and message log open with', async () => {
    const pragmas = await embeddedPragmas(dataDir());
    expect(pragmas.filter((source) => source === 'cache_size = -2000')).toHaveLength(2);
  });
});
