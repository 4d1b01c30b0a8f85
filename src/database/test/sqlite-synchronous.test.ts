import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { openStore } from '../../deps/open-databases.ts';
import { ConfigError, loadConfig } from '../../kernel/config/config.ts';
import { openSqliteKysely } from '../sqlite-open.ts';
import { useDataDirs } from './sqlite-files.ts';

// SQLite's numbers for PRAGMA synchronous.
const NORMAL = 1;
const FULL = 2;

const dataDir = useDataDirs('synchronous');

async function synchronousOf(synchronous?: 'normal' | 'full'): Promise<number> {
  const db = openSqliteKysely(join(dataDir(), 'otpd.db'), { synchronous });
  try {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    return rows[0]?.synchronous ?? -1;
  } finally {
    await db.destroy();
  }
}

describe('OTPD_SQLITE_SYNCHRONOUS', () => {
  it('is normal unless set, and takes full', () => {
    expect(loadConfig({}).OTPD_SQLITE_SYNCHRONOUS).toBe('normal');
    expect(loadConfig({ OTPD_SQLITE_SYNCHRONOUS: 'full' }).OTPD_SQLITE_SYNCHRONOUS).toBe('full');
  });

  it('refuses any other value, naming the setting', () => {
    expect(() => loadConfig({ OTPD_SQLITE_SYNCHRONOUS: 'off' })).toThrow(ConfigError);
    expect(() => loadConfig({ OTPD_SQLITE_SYNCHRONOUS: 'off' })).toThrow(/OTPD_SQLITE_SYNCHRONOUS/);
  });

  it('opens the SQLite connection with that synchronous level', async () => {
    expect(await synchronousOf()).toBe(NORMAL);
    expect(await synchronousOf('normal')).toBe(NORMAL);
    expect(await synchronousOf('full')).toBe(FULL);
  });

  it('reaches the embedded store that the configuration opens', async () => {
    const pragma = vi.spyOn(SqliteDatabase.prototype, 'pragma');
    for (const [value, expected] of [
      ['full', 'synchronous = FULL'],
      ['normal', 'synchronous = NORMAL'],
    ] as const) {
      pragma.mockClear();
      const store = openStore(
        loadConfig({ OTPD_DATA_DIR: dataDir(), OTPD_SQLITE_SYNCHRONOUS: value }),
      );
      try {
        await store.ping();
        expect(pragma.mock.calls.map(([source]) => source)).toContain(expected);
      } finally {
        await store.close();
      }
    }
  });
});
