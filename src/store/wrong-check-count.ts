import { type Kysely, sql } from 'kysely';
import { verificationsLockedInOrder } from './locked-in-order.ts';
import { prepare } from './prepared.ts';
import { type Database, VERIFICATION_COLUMNS } from './schema.ts';
import { onceByKey, turnBatch } from './turn-batch.ts';

/** A wrong code for a verification, counted only while it stays pending (see recordCheck). */
export type WrongCheck = { appId: string; id: string; expectedSends: number; now: number };

type Counted = { app_id: string; id: string };

/**
 * The wrong codes that leave their verifications pending, counted on PostgreSQL by one
 * UPDATE per turn of the event loop (turn-batch.ts), the values passed as arrays so the SQL
 * never changes and is compiled once; each check gets its verification as counted, or
 * nothing when its count did not apply (the last attempt, a race lost), exactly as `one`,
 * the statement of a single check, answers.
 *
 * Every wrong code counts: one UPDATE joining two checks of the same verification would
 * count one attempt for both, so a verification's second check in a turn is counted after
 * the batch, by `one`.
 */
export function batchedWrongChecks<R extends Counted>(
  db: Kysely<Database>,
  one: (check: WrongCheck) => Promise<R | undefined>,
): (check: WrongCheck) => Promise<R | undefined> {
  const countAll = prepare((p: { [K in keyof WrongCheck]: WrongCheck[K][] }) => {
    const columns = sql.join(VERIFICATION_COLUMNS.map((column) => sql.ref(`v.${column}`)));
    const query = sql<R>`with checked as materialized (
        ${verificationsLockedInOrder(p.id, p.appId)})
      update verifications as v
      set attempts = v.attempts + 1, updated_at = x.now
      from unnest(cast(${p.id} as text[]), cast(${p.appId} as text[]),
          cast(${p.expectedSends} as integer[]), cast(${p.now} as bigint[]))
        as x(id, app_id, expected_sends, now)
      where v.id = x.id and v.app_id = x.app_id and v.status = 'pending'
        and v.expires_at > x.now and v.sends = x.expected_sends
        and v.attempts < v.max_attempts and v.attempts + 1 < v.max_attempts
        and (select count(*) from checked) >= 0
      returning ${columns}`;
    return { compile: () => query.compile(db) };
  });
  const keyOf = (appId: string, id: string) => `${appId}\n${id}`;
  const countTogether = async (checks: WrongCheck[]) => {
    const { rows } = await countAll(db, {
      id: checks.map((c) => c.id),
      appId: checks.map((c) => c.appId),
      expectedSends: checks.map((c) => c.expectedSends),
      now: checks.map((c) => c.now),
    });
    const counted = new Map(rows.map((row) => [keyOf(row.app_id, row.id), row]));
    return checks.map((c) => counted.get(keyOf(c.appId, c.id)));
  };
  return turnBatch((checks: WrongCheck[]) =>
    onceByKey(checks, (c) => keyOf(c.appId, c.id), countTogether, one),
  );
}
