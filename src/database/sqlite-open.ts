import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely } from 'kysely';
import { GroupCommitDialect, GroupCommitDriver } from './group-commit-driver.ts';
import { createPrivateFile, preparePrivateDir, tightenFiles } from './private-files.ts';
import { type CheckpointWatch, sharedWalCheckpointer } from './wal-checkpointer.ts';

/** How long a writer waits for another process (the CLI, the server) to commit. */
const BUSY_TIMEOUT_MS = 5000;

/** Distinct SQL texts kept prepared; the store issues a few dozen, so this never evicts. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * SQLite's page cache per connection, KiB: SQLite's own default. better-sqlite3 builds SQLite
 * with 16 MiB, which a store of a million verifications fills, for each of the server's two
 * connections (the store, the message log): 32 MiB of its resident memory, about an eighth.
 * The operating system's page cache keeps the files' hot pages all the same, so a page that
 * falls out of SQLite's costs one read from memory, not from the disk.
 */
export const PAGE_CACHE_KIB = 2000;

/**
 * better-sqlite3 behind Kysely, with each SQL text prepared once. Kysely prepares on every
 * query, which costs as much as running a simple one; statements run synchronously, so
 * reusing one across queries is safe.
 */
function cachingDatabase(database: SqliteDatabase.Database, watch?: CheckpointWatch) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    async close() {
      database.close();
      await watch?.release();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * How hard a commit waits for the disk (PRAGMA synchronous). In WAL mode `normal` survives a
 * process crash and only an OS crash or power loss may lose the last commits; `full` syncs
 * the WAL on every commit, so not even those are lost, at the cost of one fsync per commit.
 */
export type SqliteSynchronous = 'normal' | 'full';

/** SQLite's own interval of automatic checkpoints, in pages written to the WAL. */
const AUTO_CHECKPOINT_PAGES = 1000;

export interface SqliteOpenOptions {
  synchronous?: SqliteSynchronous;
  /**
   * Who copies the WAL back into the database: SQLite after the commit that fills 1,000
   * pages (`inline`, the default), or the process's checkpointer thread (`thread`, the
   * server's choice: wal-checkpointer.ts), so that no commit waits for a checkpoint's fsyncs.
   */
  checkpoints?: 'inline' | 'thread';
}

/**
 * A private SQLite file in WAL mode behind Kysely, so the CLI and the server can use it at
 * once (readers never block the writer; writers wait up to 5 s for each other).
 */
export function openSqliteKysely<DB>(file: string, options: SqliteOpenOptions = {}): Kysely<DB> {
  const onDisk = file !== ':memory:';
  // Hashes, destinations: private to the service's user. The file is made 0600 before SQLite
  // opens it, and SQLite gives its -wal and -shm files the database's mode; files left by an
  // older otpd are tightened.
  if (onDisk) {
    preparePrivateDir(dirname(file));
    createPrivateFile(file);
    tightenFiles(file, `${file}-wal`, `${file}-shm`);
  }
  let database: SqliteDatabase.Database;
  try {
    database = new SqliteDatabase(file);
    database.pragma('journal_mode = WAL');
  } catch (error) {
    throw unreadableDatabase(file, error);
  }
  database.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  // SQLite's own busy wait would block the event loop; the group-commit driver waits for
  // another process's write lock instead, letting the server's other work go on.
  database.pragma('busy_timeout = 0');
  database.pragma('foreign_keys = ON');
  database.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  let watch: CheckpointWatch | undefined;
  if (onDisk && options.checkpoints === 'thread') {
    database.pragma('wal_autocheckpoint = 0');
    watch = sharedWalCheckpointer().watch(file, () => {
      if (database.open) database.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    });
  }
  const statements = cachingDatabase(database, watch);
  const driver = new GroupCommitDriver(database, statements, BUSY_TIMEOUT_MS);
  return new Kysely<DB>({ dialect: new GroupCommitDialect(driver) });
}

/** What to tell the operator when SQLite cannot read the file at all (random bytes, a truncated copy). */
function unreadableDatabase(file: string, error: unknown): Error {
  const code = (error as { code?: string }).code;
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new Error(
      `${file} is not a readable SQLite database (${reason}). Restore it from a backup, or ` +
        'move it away to start with an empty database',
    );
  }
  return new Error(`${file} cannot be opened: ${reason}`);
}
