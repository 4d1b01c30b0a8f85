import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, vi } from 'vitest';
import { openMessageLog, openStore } from '../../deps/open-databases.ts';
import { loadConfig } from '../../kernel/config/config.ts';

/**
 * Sets up the calling file with throw-away data dirs, removed after each test (with any spy
 * on SQLite's driver restored); returns what makes one.
 */
export function useDataDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), `otpd-${prefix}-`));
    dirs.push(dir);
    return dir;
  };
}

/** Every PRAGMA the embedded store and message log of a fresh data dir open with, in order. */
export async function embeddedPragmas(dataDir: string): Promise<string[]> {
  const pragma = vi.spyOn(SqliteDatabase.prototype, 'pragma');
  const config = loadConfig({ OTPD_DATA_DIR: dataDir });
  const store = openStore(config);
  const log = openMessageLog(config);
  try {
    await store.ping();
    await log.migrate();
    return pragma.mock.calls.map(([source]) => source);
  } finally {
    await store.close();
    await log.close();
  }
}
