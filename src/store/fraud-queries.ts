import { type Kysely, type Selectable, sql } from 'kysely';
import type { FraudAction, FraudDecision, FraudReasons } from '../abuse/domain/fraud.ts';
import type { FraudStore } from '../abuse/fraud-store-ports.ts';
import type { Channel } from '../kernel/recipients.ts';
import { createDecisionProbe } from './fraud-probe.ts';
import { prepare } from './prepared.ts';
import type { Database, FraudDecisionsTable } from './schema.ts';

type FraudQueries = Pick<
  FraudStore,
  'recordFraudDecision' | 'findLiveFraudDecisions' | 'listFraudDecisions' | 'liftFraudDecision'
>;

const num = (v: number | string): number => Number(v);

function toDecision(row: Selectable<FraudDecisionsTable>): FraudDecision {
  return {
    id: row.id,
    appId: row.app_id,
    prefix: row.prefix,
    country: row.country,
    channel: row.channel as Channel,
    action: row.action as FraudAction,
    reasons: JSON.parse(row.reasons) as FraudReasons,
    createdAt: num(row.created_at),
    expiresAt: num(row.expires_at),
    liftedAt: row.lifted_at === null ? null : num(row.lifted_at),
  };
}

export function createFraudQueries(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): FraudQueries {
  /** Live: not lifted and not yet expired at `now`. */
  const live = (appId: string, now: number) =>
    db
      .selectFrom('fraud_decisions')
      .selectAll()
      .where('app_id', '=', appId)
      .where('lifted_at', 'is', null)
      .where('expires_at', '>', now);
  // Asked before every send: built and compiled once (see prepare).
  const liveOfPrefix = prepare((p: { appId: string; prefix: string; now: number }) =>
    live(p.appId, p.now).where('prefix', '=', p.prefix).orderBy('created_at', 'desc'),
  );
  const decisions = createDecisionProbe(db, dialect);

  return {
    async recordFraudDecision(decision) {
      const probe = {
        appId: decision.appId,
        prefix: decision.prefix,
        action: decision.action,
        now: decision.createdAt,
      };
      // The guard asks again on every send while a prefix stays flagged, so the decision is
      // most often live already: one read answers that without a transaction or a lock, as
      // the locked check would have had it run at that moment.
      if (await decisions.liveNow(probe)) return false;
      return db.transaction().execute(async (trx) => {
        // SQLite runs one writer at a time; under PostgreSQL's READ COMMITTED two racing
        // inserts would each miss the other's row, so a lock per app and prefix puts them
        // in line until commit.
        if (dialect === 'postgres') {
          const key = `fraud\n${decision.appId}\n${decision.prefix}`;
          await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
        }
        if (await decisions.liveOf(trx, probe)) return false;
        await trx
          .insertInto('fraud_decisions')
          .values({
            id: decision.id,
            app_id: decision.appId,
            prefix: decision.prefix,
            country: decision.country,
            channel: decision.channel,
            action: decision.action,
            reasons: JSON.stringify(decision.reasons),
            created_at: decision.createdAt,
            expires_at: decision.expiresAt,
            lifted_at: decision.liftedAt,
          })
          .execute();
        return true;
      });
    },

    async findLiveFraudDecisions(appId, prefix, now) {
      const { rows } = await liveOfPrefix(db, { appId, prefix, now });
      return rows.map(toDecision);
    },

    async listFraudDecisions(appIds, { now, includeEnded, limit }) {
      if (appIds.length === 0) return [];
      let query = db
        .selectFrom('fraud_decisions')
        .selectAll()
        .where('app_id', 'in', [...appIds]);
      if (!includeEnded) {
        query = query.where('lifted_at', 'is', null).where('expires_at', '>', now);
      }
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDecision);
    },

    async liftFraudDecision(appIds, id, now) {
      if (appIds.length === 0) return undefined;
      const lifted = await db
        .updateTable('fraud_decisions')
        .set({ lifted_at: now })
        .where('app_id', 'in', [...appIds])
        .where('id', '=', id)
        .where('lifted_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (lifted) return { decision: toDecision(lifted), lifted: true };
      // Already lifted: answered as it stands, so a repeated DELETE is harmless.
      const row = await db
        .selectFrom('fraud_decisions')
        .selectAll()
        .where('app_id', 'in', [...appIds])
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { decision: toDecision(row), lifted: false };
    },
  };
}
