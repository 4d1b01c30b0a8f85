import type { Kysely, Migration } from 'kysely';
import { runMigrations } from '../../../database/migration-runner.ts';
import { migration as messageLog } from './0001_message_log.ts';
import { migration as messageLogSearch } from './0002_message_log_search.ts';
import { migration as messageCost } from './0003_message_cost.ts';

/**
 * The message log's migration history, apart from the Store's: its bookkeeping tables have
 * their own names, so the log may share a PostgreSQL schema with the Store (clustered mode
 * without OTPD_MESSAGE_LOG_URL) and each history still moves on its own. Each key is the name
 * recorded in `message_log_migration` and the name of the migration's file: never rename,
 * reorder or edit a released migration; add the next file and list it here (a test checks
 * that files and list agree).
 */
export const MESSAGE_LOG_MIGRATIONS: Record<string, Migration> = {
  '0001_message_log': messageLog,
  '0002_message_log_search': messageLogSearch,
  '0003_message_cost': messageCost,
};

/** Brings the log's schema up to date, with a history and lock of its own. */
export function migrateMessageLog(
  db: Kysely<unknown>,
  dialect: 'sqlite' | 'postgres',
): Promise<void> {
  return runMigrations(db, dialect, MESSAGE_LOG_MIGRATIONS, {
    migrationTableName: 'message_log_migration',
    migrationLockTableName: 'message_log_migration_lock',
  });
}
