import { type Kysely, sql } from 'kysely';
import { prepare } from './prepared.ts';
import { type Database, VERIFICATION_COLUMNS } from './schema.ts';
import { turnBatch } from './turn-batch.ts';

type Wanted = { appId: string; id: string };

/**
 * Reads one app's verification by id, the first statement of every check.
 *
 * On PostgreSQL the reads asked for in one turn of the event loop are one SELECT (turn-batch.ts),
 * the ids passed as arrays so the SQL never changes and is compiled once; each caller gets
 * its own row. SQLite, whose statements cost no round trip, reads each with its own.
 */
export function createVerificationRead(db: Kysely<Database>, dialect: 'sqlite' | 'postgres') {
  const selectOne = prepare((p: Wanted) =>
    db
      .selectFrom('verifications')
      .select(VERIFICATION_COLUMNS)
      .where('id', '=', p.id)
      .where('app_id', '=', p.appId),
  );
  if (dialect === 'sqlite') {
    return async (wanted: Wanted) => (await selectOne(db, wanted)).rows[0];
  }
  const selectMany = prepare((p: { appIds: string[]; ids: string[] }) =>
    db
      .selectFrom('verifications')
      .select(VERIFICATION_COLUMNS)
      .where(
        sql<boolean>`(app_id, id) in (select * from unnest(cast(${p.appIds} as text[]), cast(${p.ids} as text[])))`,
      ),
  );
  const keyOf = (appId: string, id: string) => `${appId}\n${id}`;
  return turnBatch(async (wanted: Wanted[]) => {
    const { rows } = await selectMany(db, {
      appIds: wanted.map((w) => w.appId),
      ids: wanted.map((w) => w.id),
    });
    const byKey = new Map(rows.map((row) => [keyOf(row.app_id, row.id), row]));
    return wanted.map((w) => byKey.get(keyOf(w.appId, w.id)));
  });
}
