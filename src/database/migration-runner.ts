import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

/**
 * Runs a migration history (the Store's, the message log's) and refuses a database this otpd
 * must not migrate. The histories themselves are one file per migration, each folder's
 * index.ts listing them in order.
 */

/** Kysely's default name for a migration history's table. */
const DEFAULT_MIGRATION_TABLE = 'kysely_migration';

/**
 * Refuses a SQLite file this otpd must not migrate, before anything is written to it: one
 * that holds another program's tables and no history of ours (a wrong OTPD_DATA_DIR), or
 * one whose history names migrations this version does not have (written by a newer otpd;
 * running on it could corrupt what the newer one wrote). The messages say what to do.
 */
async function assertOwnSqliteHistory(
  db: Kysely<unknown>,
  history: Record<string, Migration>,
  migrationTable: string,
): Promise<void> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%'
  `.execute(db);
  const names = tables.map((t) => t.name);
  if (!names.includes(migrationTable)) {
    if (names.length === 0) return;
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
    throw new Error(
      `holds tables of another program (${shown}) and no otpd migration history; point ` +
        'OTPD_DATA_DIR at a directory of its own, or move the file away',
    );
  }
  const { rows: applied } = await sql<{ name: string }>`
    select name from ${sql.table(migrationTable)}
  `.execute(db);
  const unknown = applied.map((m) => m.name).filter((name) => !(name in history));
  if (unknown.length > 0) {
    throw new Error(
      `was migrated by a newer otpd (migration ${unknown.join(', ')} is unknown to this ` +
        'version); run that version or newer, or restore a backup made before the upgrade',
    );
  }
}

/** Where a migration history keeps its bookkeeping (defaults: Kysely's own table names). */
export interface MigrationTables {
  migrationTableName?: string;
  migrationLockTableName?: string;
}

/**
 * Applies a migration history; throws with the failing migration's error. Concurrent
 * callers are serialised by Kysely's migration lock (an advisory lock on PostgreSQL).
 */
export async function runMigrations(
  db: Kysely<unknown>,
  dialect: 'sqlite' | 'postgres',
  history: Record<string, Migration>,
  tables: MigrationTables = {},
): Promise<void> {
  // On PostgreSQL the Migrator looks for its bookkeeping tables in every schema unless told
  // one: it would take another schema's history (another otpd, a test) for ours. Ours is
  // the schema our unqualified tables land in, the first on search_path.
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  if (dialect === 'sqlite') {
    await assertOwnSqliteHistory(db, history, tables.migrationTableName ?? DEFAULT_MIGRATION_TABLE);
  }
  const provider: MigrationProvider = { getMigrations: async () => history };
  const { error } = await new Migrator({
    db,
    provider,
    migrationTableSchema,
    ...tables,
  }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

async function currentSchema(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('no schema of the search_path exists in the database');
  return schema;
}
