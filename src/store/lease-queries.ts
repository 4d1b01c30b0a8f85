import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ClaimShare } from '../workers/job-queue-ports.ts';
import { prepare } from './prepared.ts';
import type { Database } from './schema.ts';

/** The leased queues: send jobs and webhook deliveries share the claim columns. */
export type LeasedTable = 'outbox_jobs' | 'webhook_deliveries';

/** Due: pending, its next attempt reached, and no live lease. */
function due(now: number): RawBuilder<unknown> {
  return sql`status = 'pending' and next_attempt_at <= ${now}
    and (lease_until is null or lease_until <= ${now})`;
}

/** How many more items each app may take: `perApp` less what it holds, per row's app_id. */
function allowance(share: Required<ClaimShare>): RawBuilder<unknown> {
  const busy = [...share.held].filter(([, n]) => n > 0);
  if (busy.length === 0) return sql`${share.perApp}`;
  const cases = busy.map(
    ([app, n]) => sql`when ${app} then cast(${Math.max(0, share.perApp - n)} as integer)`,
  );
  return sql`case app_id ${sql.join(cases, sql` `)} else cast(${share.perApp} as integer) end`;
}

/** The time and size of a claim: leases until `now + leaseMs`, at most `limit` rows. */
type ClaimAt = { now: number; leaseMs: number; limit: number };

/**
 * The claim of `table`'s queue: leases up to `limit` due rows until `now + leaseMs`, counting
 * an attempt on each, in one UPDATE, and returns them as stored. Rows are ranked per app by
 * age and taken turn by turn (every app's oldest, then every app's second, …) within each
 * app's allowance, so no app fills a claim while others wait. SQLite runs one writer at a
 * time, so ranking and update cannot interleave with another claim; PostgreSQL locks the rows
 * it takes and skips those another claim holds, re-checking that each is still due once
 * locked.
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
  if (dialect === 'sqlite') return (at, share) => claimDueSqlite(db, table, at, whole(at, share));
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

/**
 * SQLite's claim, like PostgreSQL's, reads only what it may take: the apps with due rows are
 * found by skipping from one app to the next through the pending index (migration 0021), and
 * of each app only its `perApp` oldest due rows are ranked, so a long queue (a backlog of
 * webhook deliveries) costs a claim no more than a short one. SQLite runs one writer at a
 * time, so ranking and update cannot interleave with another claim.
 */
async function claimDueSqlite(
  db: Kysely<Database>,
  table: LeasedTable,
  at: ClaimAt,
  full: Required<ClaimShare>,
): Promise<Record<string, unknown>[]> {
  const { now, leaseMs, limit } = at;
  const t = sql.table(table);
  const pending = sql`status = 'pending' and next_attempt_at <= ${now}`;
  // The first app is sought like the next ones (after ''), so every step is an index seek.
  const chosen = sql`with recursive apps(app_id) as (
        select (select app_id from ${t} where ${pending} and app_id > '' order by app_id limit 1)
        union all
        select (select app_id from ${t} where ${pending} and app_id > apps.app_id
            order by app_id limit 1)
        from apps where apps.app_id is not null
      ), candidates as (
        select mine.id, mine.app_id, mine.next_attempt_at from apps join ${t} mine
          on mine.id in (select id from ${t}
            where app_id = apps.app_id and ${due(now)}
            order by next_attempt_at, id limit ${full.perApp})
        where apps.app_id is not null
      ), ranked as (
        select id, app_id, next_attempt_at, row_number() over (
            partition by app_id order by next_attempt_at, id) as turn
        from candidates
      )
      select id from ranked where turn <= ${allowance(full)}
      order by turn, next_attempt_at, id limit ${limit}`;
  const result = await sql<Record<string, unknown>>`update ${t}
      set lease_until = ${now + leaseMs}, attempts = attempts + 1, updated_at = ${now}
      where id in (${chosen}) returning *`.execute(db);
  return result.rows;
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
