import { type Kysely, sql } from 'kysely';
import type { ClaimShare } from '../workers/job-queue-ports.ts';
import { prepare } from './prepared.ts';
import type { Database } from './schema.ts';

/** The leased queues: send jobs and webhook deliveries share the claim columns. */
export type LeasedTable = 'outbox_jobs' | 'webhook_deliveries';

/** The time and size of a claim: leases until `now + leaseMs`, at most `limit` rows. */
export type ClaimAt = { now: number; leaseMs: number; limit: number };

type Candidate = { id: string; next_attempt_at: number };

/**
 * SQLite's claim, like PostgreSQL's, reads only what it may take: the apps with due rows are
 * found by skipping from one app to the next through the pending index (migration 0021), and
 * of each app only as many of its oldest due rows as it may take are read, in index order, so
 * a long queue (a backlog of webhook deliveries) costs a claim no more than a short one.
 *
 * It runs as three statements of fixed text, compiled once, in one transaction: the same
 * choice made in one UPDATE (a correlated subquery per app, materialised and ranked by a
 * window, the ids sorted again) cost SQLite three to four times the index reads and row
 * writes it comes to. The rows are taken turn by turn here (every app's oldest, then every
 * app's second, …); the transaction keeps another claim, of this process or another, from
 * reading between the choice and the update.
 */
export function sqliteClaim(db: Kysely<Database>, table: LeasedTable) {
  const t = sql.table(table);
  const apps = prepare((p: { now: number }) => {
    const pending = sql`status = 'pending' and next_attempt_at <= ${p.now}`;
    // The first app is sought like the next ones (after ''), so every step is an index seek.
    const query = sql<{ app_id: string }>`with recursive apps(app_id) as (
        select (select app_id from ${t} where ${pending} and app_id > '' order by app_id limit 1)
        union all
        select (select app_id from ${t} where ${pending} and app_id > apps.app_id
            order by app_id limit 1)
        from apps where apps.app_id is not null
      )
      select app_id from apps where app_id is not null`;
    return { compile: () => query.compile(db) };
  });
  // Due: pending, its next attempt reached, and no live lease.
  const oldest = prepare((p: { appId: string; now: number; n: number }) => {
    const query = sql<Candidate>`select id, next_attempt_at from ${t}
      where app_id = ${p.appId} and status = 'pending' and next_attempt_at <= ${p.now}
        and (lease_until is null or lease_until <= ${p.now})
      order by next_attempt_at, id limit ${p.n}`;
    return { compile: () => query.compile(db) };
  });
  const lease = prepare((p: { ids: string; until: number; now: number }) => {
    const query = sql<Record<string, unknown>>`update ${t}
      set lease_until = ${p.until}, attempts = attempts + 1, updated_at = ${p.now}
      where id in (select value from json_each(${p.ids})) returning *`;
    return { compile: () => query.compile(db) };
  });

  return async (at: ClaimAt, share: Required<ClaimShare>): Promise<Record<string, unknown>[]> => {
    const { now, leaseMs, limit } = at;
    return db.transaction().execute(async (trx) => {
      const ofApps: Candidate[][] = [];
      for (const { app_id } of (await apps(trx, { now })).rows) {
        const n = Math.min(limit, share.perApp - (share.held.get(app_id) ?? 0));
        if (n > 0) ofApps.push((await oldest(trx, { appId: app_id, now, n })).rows);
      }
      const chosen = takeTurns(ofApps, limit);
      if (chosen.length === 0) return [];
      const ids = JSON.stringify(chosen);
      const { rows } = await lease(trx, { ids, until: now + leaseMs, now });
      // In the order taken, so the caller starts them turn by turn too.
      const order = new Map(chosen.map((id, i) => [id, i]));
      return rows.sort(
        (a, b) => (order.get(a.id as string) ?? 0) - (order.get(b.id as string) ?? 0),
      );
    });
  };
}

/**
 * The ids of up to `limit` rows taken turn by turn from each app's oldest due rows (each
 * list in index order): first every app's oldest, then every app's second, …; within a turn
 * the oldest first, ties by id, as `order by next_attempt_at, id` orders them (ids are ASCII,
 * so JavaScript's comparison of strings is SQLite's binary one).
 */
export function takeTurns(ofApps: Candidate[][], limit: number): string[] {
  const chosen: string[] = [];
  for (let turn = 0; chosen.length < limit; turn++) {
    const rows = ofApps.flatMap((rows) => (turn < rows.length ? [rows[turn] as Candidate] : []));
    if (rows.length === 0) break;
    rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || (a.id < b.id ? -1 : 1));
    for (const row of rows.slice(0, limit - chosen.length)) chosen.push(row.id);
  }
  return chosen;
}
