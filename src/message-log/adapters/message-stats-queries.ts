import { type Kysely, sql } from 'kysely';
import type { AnalyticsGroupBy, MessageStats } from '../../analytics/analytics-ports.ts';
import type { MessageLogDatabase } from './schema.ts';

const GROUP_COLUMNS: Record<AnalyticsGroupBy, string> = {
  app: 'app_id',
  channel: 'channel',
  provider: 'provider',
  country: 'country',
};

/**
 * Attempt counts and delivery latency per bucket. Percentiles are nearest-rank, computed in
 * SQL with window functions both SQLite (3.25+) and PostgreSQL have, so both dialects give
 * the same numbers: p of n sorted latencies is the one at rank ceil(p·n).
 */
export function createMessageStatsQueries(
  db: Kysely<MessageLogDatabase>,
  dialect: 'sqlite' | 'postgres',
): MessageStats {
  // The provider call's own outcome is the timeline's first event.
  const firstStatus =
    dialect === 'postgres'
      ? sql`(timeline::jsonb -> 0 ->> 'status')`
      : sql`json_extract(timeline, '$[0].status')`;
  // When the first delivered receipt arrived.
  const deliveredAt =
    dialect === 'postgres'
      ? sql`(select min((e ->> 'at')::bigint) from jsonb_array_elements(message_log.timeline::jsonb) e where e ->> 'status' = 'delivered')`
      : sql`(select min(json_extract(e.value, '$.at')) from json_each(message_log.timeline) e where json_extract(e.value, '$.status') = 'delivered')`;

  return {
    async messageStats(q) {
      if (q.appIds.length === 0) return [];
      const width = sql.lit(Math.trunc(q.intervalMs));
      const group = q.groupBy ? sql.ref(GROUP_COLUMNS[q.groupBy]) : sql`null`;
      const apps = sql.join(q.appIds.map((id) => sql`${id}`));
      const range = sql`app_id in (${apps}) and created_at >= ${q.from} and created_at < ${q.to}`;
      const bucket = sql`(created_at / ${width}) * ${width}`;

      const counts = await sql<{
        bucket: number | string;
        grp: string | null;
        sent: number | string;
        delivered: number | string;
        failed: number | string;
      }>`
        select ${bucket} as bucket, ${group} as grp,
          sum(case when ${firstStatus} = 'sent' then 1 else 0 end) as sent,
          sum(case when status = 'delivered' then 1 else 0 end) as delivered,
          sum(case when status in ('failed', 'undelivered') then 1 else 0 end) as failed
        from message_log where ${range}
        group by 1, 2
      `.execute(db);

      const latencies = await sql<{
        bucket: number | string;
        grp: string | null;
        p50: number | string | null;
        p95: number | string | null;
      }>`
        with delivered as (
          select ${bucket} as bucket, ${group} as grp, ${deliveredAt} - created_at as latency
          from message_log where ${range} and status = 'delivered'
        ), ranked as (
          select bucket, grp, latency,
            row_number() over (partition by bucket, grp order by latency) as rn,
            count(*) over (partition by bucket, grp) as n
          from delivered where latency is not null
        )
        select bucket, grp,
          min(case when rn = (n * 50 + 99) / 100 then latency end) as p50,
          min(case when rn = (n * 95 + 99) / 100 then latency end) as p95
        from ranked group by bucket, grp
      `.execute(db);

      const costs = await sql<{
        bucket: number | string;
        grp: string | null;
        currency: string;
        amount: number | string;
      }>`
        select ${bucket} as bucket, ${group} as grp, price_currency as currency,
          sum(price_amount) as amount
        from message_log where ${range} and price_amount is not null and price_currency is not null
        group by 1, 2, 3 order by 3
      `.execute(db);

      const key = (bucket: unknown, grp: unknown) => `${Number(bucket)}\u0000${grp ?? ''}`;
      const percentiles = new Map(latencies.rows.map((r) => [key(r.bucket, r.grp), r]));
      const costOf = new Map<string, { currency: string; amount: number }[]>();
      for (const r of costs.rows) {
        const list = costOf.get(key(r.bucket, r.grp)) ?? [];
        // Sums of binary fractions: rounded to the micro-unit providers price in.
        list.push({ currency: r.currency, amount: Math.round(Number(r.amount) * 1e6) / 1e6 });
        costOf.set(key(r.bucket, r.grp), list);
      }
      return counts.rows.map((r) => {
        const p = percentiles.get(key(r.bucket, r.grp));
        return {
          bucket: Number(r.bucket),
          group: r.grp === null ? null : String(r.grp),
          sent: Number(r.sent),
          delivered: Number(r.delivered),
          failed: Number(r.failed),
          latencyP50Ms: p?.p50 == null ? null : Math.max(0, Number(p.p50)),
          latencyP95Ms: p?.p95 == null ? null : Math.max(0, Number(p.p95)),
          cost: costOf.get(key(r.bucket, r.grp)) ?? [],
        };
      });
    },
  };
}
