import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { MessageLog } from '../ports/message-log.ts';
import { createKyselyMessageLog } from './kysely-message-log.ts';
import type { MessageLogDatabase } from './schema.ts';

/**
 * The embedded message log: its own SQLite file (`messages.db` in the data dir), in WAL mode
 * like the main store, so it can be copied, kept or deleted on its own.
 */
export function createSqliteMessageLog(file: string): MessageLog {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const database = new SqliteDatabase(file);
  // Destinations are personal data: the file is private to the service's user.
  if (file !== ':memory:') chmodSync(file, 0o600);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<MessageLogDatabase>({ dialect: new SqliteDialect({ database }) });
  return createKyselyMessageLog(db, 'sqlite');
}
