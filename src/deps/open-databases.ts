import { join } from 'node:path';
import type { Config } from '../kernel/config/config.ts';
import { writeErrorSummary } from '../message-log/adapters/message-log-writes.ts';
import { createPostgresMessageLog } from '../message-log/adapters/postgres-message-log.ts';
import { createSqliteMessageLog } from '../message-log/adapters/sqlite-message-log.ts';
import type { MessageLog } from '../message-log/message-log-ports.ts';
import type { Logger } from '../observability/logger.ts';
import type { Store } from '../ports/store.ts';
import type { KyselyStore } from '../store/kysely-store.ts';
import { createPostgresStore, describeDatabaseUrl } from '../store/postgres/postgres-store.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { oneLine } from './one-line-error.ts';

/* The store and the message log of the configured mode (PostgreSQL or the data dir's SQLite
   files), and their migrations: the CLI opens them without the rest of the service. */

export const DATABASE_FILE = 'otpd.db';
/** The embedded message log's own file in the data dir, apart from the main database. */
export const MESSAGE_LOG_FILE = 'messages.db';

/**
 * Opens the store of the configured mode: PostgreSQL when OTPD_DATABASE_URL is set, else
 * the embedded SQLite file. Connects lazily; migrations are the caller's choice.
 */
export function openStore(config: Config, logger?: Logger): KyselyStore {
  if (config.OTPD_DATABASE_URL) {
    return createPostgresStore(config.OTPD_DATABASE_URL, {
      poolSize: config.OTPD_DATABASE_POOL_SIZE,
      onIdleError: (error) =>
        logger?.warn({ err: error.message }, 'database connection lost; the pool will reconnect'),
    });
  }
  return createSqliteStore(join(config.OTPD_DATA_DIR, DATABASE_FILE), {
    synchronous: config.OTPD_SQLITE_SYNCHRONOUS,
    checkpoints: 'thread',
  });
}

/**
 * Brings the store's schema up to date. A failure (most often an unreachable database) is
 * one line naming the database, never its password.
 */
export async function migrateStore(store: Store, config: Config): Promise<void> {
  try {
    await store.migrate();
  } catch (error) {
    throw new Error(`database ${describeDatabase(config)}: ${oneLine(error)}`);
  }
}

/** The configured database as people may read it: a URL never shows its password. */
export function describeDatabase(config: Config): string {
  return config.OTPD_DATABASE_URL
    ? describeDatabaseUrl(config.OTPD_DATABASE_URL)
    : join(config.OTPD_DATA_DIR, DATABASE_FILE);
}

/**
 * The message log: OTPD_MESSAGE_LOG_URL's PostgreSQL when set; else, in clustered mode, the
 * main PostgreSQL database (its own tables and migration history, so every instance shares
 * one log); else its own SQLite file beside the main one. Connects lazily.
 */
export function openMessageLog(config: Config, logger?: Logger): MessageLog {
  const url = config.OTPD_MESSAGE_LOG_URL ?? config.OTPD_DATABASE_URL;
  const onBatchFailed = (error: unknown, size: number) =>
    logger?.warn(
      { err: writeErrorSummary(error), writes: size },
      'message log batch failed; writing its entries one by one',
    );
  if (url) {
    return createPostgresMessageLog(url, {
      onBatchFailed,
      poolSize: config.OTPD_DATABASE_POOL_SIZE,
      onIdleError: (error) =>
        logger?.warn(
          { err: error.message },
          'message log connection lost; the pool will reconnect',
        ),
    });
  }
  return createSqliteMessageLog(
    join(config.OTPD_DATA_DIR, MESSAGE_LOG_FILE),
    { onBatchFailed },
    { checkpoints: 'thread' },
  );
}

/** Brings the message log's schema up to date; a failure is one line naming its database. */
export async function migrateMessageLog(log: MessageLog, config: Config): Promise<void> {
  const url = config.OTPD_MESSAGE_LOG_URL ?? config.OTPD_DATABASE_URL;
  try {
    await log.migrate();
  } catch (error) {
    const where = url ? describeDatabaseUrl(url) : join(config.OTPD_DATA_DIR, MESSAGE_LOG_FILE);
    throw new Error(`message log ${where}: ${oneLine(error)}`);
  }
}
