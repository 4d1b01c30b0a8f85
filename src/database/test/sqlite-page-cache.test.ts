import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openMessageLog, openStore } from '../../deps/open-databases.ts';
import { loadConfig } from '../../kernel/config/config.ts';
import { openSqliteKysely, PAGE_CACHE_KIB } from '../sqlite-open.ts';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'otpd-page-cache-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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
    const pragma = vi.spyOn(SqliteDatabase.prototype, 'pragma');
    const config = loadConfig({ OTPD_DATA_DIR: dataDir() });
    const store = openStore(config);
    const log = openMessageLog(config);
    try {
      await store.ping();
      await log.migrate();
      const calls = pragma.mock.calls.map(([source]) => source);
      expect(calls.filter((source) => source === 'cache_size = -2000')).toHaveLength(2);
    } finally {
      await store.close();
      await log.close();
    }
  });
});
