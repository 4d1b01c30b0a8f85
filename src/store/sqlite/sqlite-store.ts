import { openSqliteKysely, type SqliteOpenOptions } from '../../database/sqlite-open.ts';
import { createKyselyStore, type KyselyStore } from '../kysely-store.ts';
import type { Database } from '../schema.ts';

/** The embedded store: one SQLite file, `otpd.db` in the data dir. */
export function createSqliteStore(file: string, options: SqliteOpenOptions = {}): KyselyStore {
  return createKyselyStore(openSqliteKysely<Database>(file, options), 'sqlite');
}
