import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ClaimShare } from '../workers/job-queue-ports.ts';
import { prepare } from './prepared.ts';
import type { Database } from './schema.ts';
import { type ClaimAt, type LeasedTable, sqliteClaim } from './sqlite-claim.ts';

export type { LeasedTable } from './sqlite-claim.ts';

/** Due: pending, its next attempt reached, and no live lease. */
function due(now: number): RawBuilder<unknown> {
  return sql`status = 'pending' and next_attempt_at <= ${now}
    and (lease_until is null or lease_until <= ${now})`;
}

/**
 * The claim of `table`'s queue: leases up to `limit` due rows until `now + leaseMs`, counting
 * an attempt on each, and returns them as stored. Rows are ranked per app by age and taken
 * turn by turn (every app's oldest, then every app's second, …) within each app's allowance,
 * so no app fills a claim while others wait. On SQLite the choice and the update share one
 * transaction (sqlite-claim.ts); PostgreSQL's claim is one UPDATE that locks the rows it
 * takes and skips those another claim holds, re-checking that each is still due once locked.
 */
export function createClaim(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  table: LeasedTable,
): (at: ClaimAt, share?: ClaimShare) => Promise<Record<string, unknown>[]> {
  const whole = (at: ClaimAt, share: ClaimShare = { perApp: at.limit }) => ({
    perApp: share.perApp,
    held: share.held ?? new Map<string, number>(),
  });
  if (dialect === 'sqlite') {
    const claim = sqliteClaim(db, table);
    return (at, share) => claim(at, whole(at, share));
  }
  const claim = postgresClaim(db, table);
  return async (at, share) => {
    const full = whole(at, share);
    const held = [...full.held];
    const { rows } = await claim(db, {
      now: at.now,
      until: at.now + at.leaseMs,
      limit: at.limit,
      perApp: full.perApp,
      heldApps: held.map(([app]) => app),
      heldCounts: held.map(([, n]) => n),
    });
    return rows;
  };
}

type PostgresClaim = {
  now: number;
  until: number;
  limit: number;
  perApp: number;
  heldApps: string[];
  heldCounts: number[];
};

/**
 * PostgreSQL's claim reads only what it may take, so its cost follows the claim, not the
 * queue: the apps with due rows are found by skipping from one app to the next through the
 * pending index (migration 0021), and each app's oldest due rows, no more than it may take,
 * are read in order and locked, skipping those a racing claim holds (a claim racing another
 * still fills up with the rows the other did not take). Those rows are ranked per app and
 * taken turn by turn up to `limit`; rows locked but not taken are free again at commit.
 * Plain index scans also mark the entries of finished rows dead as they pass them, which the
 * bitmap scan of a whole-queue ranking never did: without a vacuum, every claim re-read every
 * row the queue had ever held. What each app holds arrives as two arrays, so the SQL is the
 * same on every call and compiled once (prepare): PostgreSQL keeps its plan.
 */
function postgresClaim(db: Kysely<Database>, table: LeasedTable) {
  const t = sql.table(table);
  return prepare((p: PostgresClaim) => {
    const pending = sql`status = 'pending' and next_attempt_at <= ${p.now}`;
    const query = sql<Record<string, unknown>>`with recursive apps as (
        (select app_id from ${t} where ${pending} order by app_id limit 1)
        union all
        select (select app_id from ${t} where ${pending} and app_id > apps.app_id
            order by app_id limit 1)
        from apps where apps.app_id is not null
      ), allowed as (
        select app_id, least(cast(${p.limit} as integer), coalesce((
            select greatest(0, cast(${p.perApp} as integer) - held.n)
            from unnest(cast(${p.heldApps} as text[]), cast(${p.heldCounts} as integer[]))
              as held(app_id, n)
            where held.app_id = apps.app_id), cast(${p.perApp} as integer))) as n
        from apps where app_id is not null
      ), ranked as (
        select mine.id, mine.next_attempt_at, row_number() over (
            partition by mine.app_id order by mine.next_attempt_at, mine.id) as turn
        from allowed cross join lateral (
          select id, app_id, next_attempt_at from ${t}
          where app_id = allowed.app_id and ${due(p.now)}
          order by next_attempt_at, id
          limit allowed.n
          for update skip locked
        ) mine
      ), taken as (
        select id from ranked order by turn, next_attempt_at, id limit ${p.limit}
      )
      update ${t} set lease_until = ${p.until}, attempts = attempts + 1, updated_at = ${p.now}
      where id in (select id from taken) returning *`;
    return { compile: () => query.compile(db) };
  });
}

/**
 * Moves the lease of a row the caller still holds — pending and not claimed again since
 * (same `attempts`) — to `until`, in one conditional UPDATE. True when it moved.
 */
export async function extendLease(
  db: Kysely<Database>,
  table: LeasedTable,
  held: { id: string; attempts: number },
  until: number,
): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ lease_until: until })
    .where('id', '=', held.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', held.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
