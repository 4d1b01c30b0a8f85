import { sql } from 'kysely';

/**
 * The verifications of a turn's many requests, locked in the order of their ids. Statements
 * that each lock many rows of one table wait on each other in a cycle when they take them in
 * different orders, and PostgreSQL then ends one of them after a second's wait; taken in one
 * order, they only wait in line. A batch names it as a materialized `with` query and reads it
 * in a one-time filter, `(select count(*) from …) >= 0`, which PostgreSQL evaluates once,
 * before the statement reads any row: every lock is taken, in order, before the first update.
 */
export const verificationsLockedInOrder = (ids: unknown, appIds: unknown) =>
  sql`select v.id from verifications as v
    join unnest(cast(${ids} as text[]), cast(${appIds} as text[])) as k(id, app_id)
      on v.id = k.id and v.app_id = k.app_id
    order by v.id for update of v`;
