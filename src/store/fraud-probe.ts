import { type Kysely, sql } from 'kysely';
import { prepare } from './prepared.ts';
import type { Database } from './schema.ts';
import { turnBatch } from './turn-batch.ts';

/** Whether an app's prefix has a live decision of this action (not lifted, not expired). */
export type DecisionProbe = { appId: string; prefix: string; action: string; now: number };

/**
 * The probe of live pumping-guard decisions: asked again on every send while a prefix stays
 * flagged, so `liveOf` runs on the database or in the caller's transaction as given, and
 * `liveNow` asks outside any transaction.
 *
 * On PostgreSQL the probes `liveNow` is asked in one turn of the event loop are one SELECT
 * (turn-batch.ts), their values passed as arrays so the SQL never changes and is compiled
 * once; SQLite answers each with its own.
 */
export function createDecisionProbe(db: Kysely<Database>, dialect: 'sqlite' | 'postgres') {
  const probeOne = prepare((p: DecisionProbe) =>
    db
      .selectFrom('fraud_decisions')
      .select('id')
      .where('app_id', '=', p.appId)
      .where('prefix', '=', p.prefix)
      .where('action', '=', p.action)
      .where('lifted_at', 'is', null)
      .where('expires_at', '>', p.now)
      .limit(1),
  );
  const liveOf = async (runner: Kysely<Database>, probe: DecisionProbe) =>
    (await probeOne(runner, probe)).rows.length > 0;
  if (dialect === 'sqlite') return { liveOf, liveNow: (probe: DecisionProbe) => liveOf(db, probe) };

  type Probes = { [K in keyof DecisionProbe]: DecisionProbe[K][] };
  const probeMany = prepare((p: Probes) => {
    const query = sql<{ n: number }>`select p.n from unnest(cast(${p.appId} as text[]),
        cast(${p.prefix} as text[]), cast(${p.action} as text[]), cast(${p.now} as bigint[]))
        with ordinality as p(app_id, prefix, action, now, n)
      where exists (select 1 from fraud_decisions d
        where d.app_id = p.app_id and d.prefix = p.prefix and d.action = p.action
          and d.lifted_at is null and d.expires_at > p.now)`;
    return { compile: () => query.compile(db) };
  });
  const liveNow = turnBatch(async (probes: DecisionProbe[]) => {
    const { rows } = await probeMany(db, {
      appId: probes.map((p) => p.appId),
      prefix: probes.map((p) => p.prefix),
      action: probes.map((p) => p.action),
      now: probes.map((p) => p.now),
    });
    // `with ordinality` numbers the probes from 1, in the order given.
    const live = new Set(rows.map((row) => Number(row.n)));
    return probes.map((_, i) => live.has(i + 1));
  });
  return { liveOf, liveNow };
}
