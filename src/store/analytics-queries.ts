import { type Kysely, sql } from 'kysely';
import type { AnalyticsGroupBy, VerificationStats } from '../analytics/analytics-ports.ts';
import type { Database } from './schema.ts';

const GROUP_COLUMNS: Record<AnalyticsGroupBy, string> = {
  app: 'app_id',
  channel: 'channel',
  provider: 'delivery_provider',
  country: 'country',
};

const count = (condition: ReturnType<typeof sql>) =>
  sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/** Verification counts per bucket, for the analytics; the same SQL on SQLite and PostgreSQL. */
export function createAnalyticsQueries(db: Kysely<Database>): VerificationStats {
  return {
    async verificationStats(q, now) {
      if (q.appIds.length === 0) return [];
      // Integer division floors a non-negative time to its UTC bucket in both dialects; the
      // width is a validated number, inlined so the grouped expression matches the selected.
      const width = sql.lit(Math.trunc(q.intervalMs));
      const group = q.groupBy ? sql.ref(GROUP_COLUMNS[q.groupBy]) : sql`null`;
      const rows = await db
        .selectFrom('verifications')
        .select([
          sql<number>`(created_at / ${width}) * ${width}`.as('bucket'),
          sql<string | null>`${group}`.as('grp'),
          sql<number>`count(*)`.as('started'),
          count(sql`status = 'approved'`).as('approved'),
          count(sql`status = 'expired' or (status = 'pending' and expires_at <= ${now})`).as(
            'expired',
          ),
          count(sql`status in ('failed', 'max_attempts_reached')`).as('failed'),
          count(sql`status = 'canceled'`).as('canceled'),
        ])
        .where('app_id', 'in', [...q.appIds])
        .where('created_at', '>=', q.from)
        .where('created_at', '<', q.to)
        .where('test', '=', 0)
        .groupBy([sql`1`, sql`2`])
        .execute();
      return rows.map((r) => ({
        bucket: Number(r.bucket),
        group: r.grp === null ? null : String(r.grp),
        started: Number(r.started),
        approved: Number(r.approved),
        expired: Number(r.expired),
        failed: Number(r.failed),
        canceled: Number(r.canceled),
      }));
    },
  };
}
