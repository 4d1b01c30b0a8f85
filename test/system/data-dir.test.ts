import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeps } from '../../src/deps.ts';
import { loadConfig } from '../../src/kernel/config/config.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { cleanupProcesses, runServerToExit, tempDir } from '../helpers/process.ts';

afterEach(() => cleanupProcesses());

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Opens everything the server opens on `dataDir`, migrates, and closes it again. */
async function openAndClose(dataDir: string) {
  const deps = createDeps(loadConfig({ OTPD_DATA_DIR: dataDir, OTPD_LOG_LEVEL: 'silent' }));
  await deps.store.migrate();
  await deps.messageLog.migrate();
  return deps;
}

describe('the data directory at rest', () => {
  it('tightens a readable data dir to 0700 and its database, WAL and key files to 0600', async () => {
    const dataDir = join(tempDir(), 'data');
    const first = await openAndClose(dataDir);
    // Loosened as a restore from a backup or a careless copy would leave them.
    chmodSync(dataDir, 0o755);
    const files = ['otpd.db', 'otpd.db-wal', 'otpd.db-shm', 'messages.db', 'server.key'];
    for (const name of ['otpd.db-wal', 'otpd.db-shm']) {
      expect(statSync(join(dataDir, name)).isFile(), name).toBe(true);
    }
    await first.store.close();
    await first.messageLog.close();
    await first.limiter.close();
    for (const name of files) {
      try {
        chmodSync(join(dataDir, name), 0o644);
      } catch {}
    }

    const second = await openAndClose(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      for (const name of [...files, 'messages.db-wal', 'messages.db-shm']) {
        let mode: number | undefined;
        try {
          mode = modeOf(join(dataDir, name));
        } catch {
          continue; // a -wal or -shm SQLite has not made (yet)
        }
        expect(mode, name).toBe(0o600);
      }
    } finally {
      await second.store.close();
      await second.messageLog.close();
      await second.limiter.close();
    }
  });

  it('creates a missing data dir with 0700', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const deps = await openAndClose(dataDir);
    await deps.store.close();
    await deps.messageLog.close();
    await deps.limiter.close();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'otpd.db'))).toBe(0o600);
  });
});

describe('start-up on a database that is not otpd’s', () => {
  /** Runs the server on `dataDir` to its exit; it must fail with one readable message. */
  async function failedStart(dataDir: string) {
    const run = await runServerToExit({
      OTPD_DATA_DIR: dataDir,
      OTPD_HOST: '127.0.0.1',
      OTPD_PORT: '0',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(join(dataDir, 'otpd.db'));
    // A sentence for the operator, not a stack trace.
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    return run.stderr;
  }

  it('names a file of random bytes and says to restore or move it', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'otpd.db'), randomBytes(8192));
    const stderr = await failedStart(dataDir);
    expect(stderr).toContain('not a readable SQLite database');
    expect(stderr).toMatch(/backup|move it away/);
  });

  it("refuses another program's SQLite file instead of adding otpd's tables to it", async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'otpd.db');
    const foreign = new SqliteDatabase(file);
    foreign.exec('create table customers (id integer primary key, name text)');
    foreign.close();
    const stderr = await failedStart(dataDir);
    expect(stderr).toContain('another program (customers)');
    expect(stderr).toContain('OTPD_DATA_DIR');
    const after = new SqliteDatabase(file, { readonly: true });
    const tables = after.prepare("select name from sqlite_master where type = 'table'").all();
    after.close();
    expect(tables).toEqual([{ name: 'customers' }]);
  });

  it('refuses a database a newer otpd migrated, naming the unknown migration', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'otpd.db');
    const store = createSqliteStore(file);
    await store.migrate();
    await store.close();
    const db = new SqliteDatabase(file);
    db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(
      '9999_from_the_future',
      new Date().toISOString(),
    );
    db.close();
    const stderr = await failedStart(dataDir);
    expect(stderr).toContain('9999_from_the_future');
    expect(stderr).toContain('newer otpd');
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
