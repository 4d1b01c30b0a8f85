import { openSqliteKysely, type SqliteOpenOptions } from '../../database/sqlite-open.ts';
import type { MessageLog } from '../message-log-ports.ts';
import { createKyselyMessageLog, type MessageLogBatching } from './kysely-message-log.ts';
import type { MessageLogDatabase } from './schema.ts';

/**
 * The embedded message log: its own SQLite file (`messages.db` in the data dir), opened like
 * the main store, so it can be copied, kept or deleted on its own.
 */
export function createSqliteMessageLog(
  file: string,
  batching?: MessageLogBatching,
  options: SqliteOpenOptions = {},
): MessageLog {
  const db = openSqliteKysely<MessageLogDatabase>(file, options);
  return createKyselyMessageLog(db, 'sqlite', batching);
}
