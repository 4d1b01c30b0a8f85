import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ClaimShare } from '../workers/job-queue-ports.ts';
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

/**
 * Leases up to `limit` due rows of `table` until `now + leaseMs`, counting an attempt on
 * each, in one UPDATE, and returns them as stored. Rows are ranked per app by age and taken
 * turn by turn (every app's oldest, then every app's second, …) within each app's allowance,
 * so no app fills a claim while others wait. SQLite runs one writer at a time, so ranking and
 * update cannot interleave with another claim; PostgreSQL locks the rows it takes and skips
 * those another claim holds, re-checking that each is still due once locked.
 */
export async function claimDue(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  table: LeasedTable,
  at: { now: number; leaseMs: number; limit: number },
  share: ClaimShare = { perApp: at.limit },
): Promise<Record<string, unknown>[]> {
  const { now, leaseMs, limit } = at;
  const full = { perApp: share.perApp, held: share.held ?? new Map<string, number>() };
  const capped = [...full.held].filter(([, n]) => n >= full.perApp).map(([app]) => app);
  const t = sql.table(table);
  const skipFull =
    capped.length === 0
      ? sql``
      : sql`and app_id not in (${sql.join(capped.map((a) => sql`${a}`))})`;
  const ranked = sql`select id, next_attempt_at, row_number() over (
        partition by app_id order by next_attempt_at, id) as turn, app_id
      from ${t} where ${due(now)} ${skipFull}`;
  const set = sql`lease_until = ${now + leaseMs}, attempts = attempts + 1, updated_at = ${now}`;
  if (dialect === 'sqlite') {
    const chosen = sql`select id from (${ranked}) ranked where turn <= ${allowance(full)}
        order by turn, next_attempt_at, id limit ${limit}`;
    const result = await sql<Record<string, unknown>>`update ${t} set ${set}
        where id in (${chosen}) returning *`.execute(db);
    return result.rows;
  }
  // PostgreSQL locks in turn order, skipping rows a racing claim holds, until it has `limit`,
  // and only then cuts each app down to its allowance: a claim racing another still fills
  // up with the rows the other did not take. Rows locked but cut are free again at commit.
  const result = await sql<Record<string, unknown>>`with locked as (
        select ${t}.id, ${t}.app_id, ranked.turn, ranked.next_attempt_at
        from ${t} join (${ranked}) ranked on ranked.id = ${t}.id
        where ${t}.status = 'pending' and ${t}.next_attempt_at <= ${now}
          and (${t}.lease_until is null or ${t}.lease_until <= ${now})
        order by ranked.turn, ranked.next_attempt_at, ranked.id
        limit ${limit} for update of ${t} skip locked
      ), kept as (
        select id from (select id, app_id, row_number() over (
            partition by app_id order by turn, next_attempt_at, id) as turn
          from locked) mine
        where turn <= ${allowance(full)}
      )
      update ${t} set ${set} where id in (select id from kept) returning *`.execute(db);
  return result.rows;
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
