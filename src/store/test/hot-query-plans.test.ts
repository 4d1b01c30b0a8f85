import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import { RECORD_T0 as T0 } from '../../../test/helpers/records.ts';
import { createKyselyStore } from '../kysely-store.ts';
import type { Database as Tables } from '../schema.ts';
import { HOT_TABLES, type Recorded, runHotPath, statementRecorder } from './hot-path.ts';

/** What the plans of one step say, one line per plan node, each step's statements in order. */
type Plans = Map<string, string[]>;

/**
 * Every statement of a create, a check and a delivery finds its rows through an index, and
 * the ones whose index a migration changed use the one meant for them, bounded as meant:
 * a scan of verifications or of a queue grows with every request ever served.
 */
function describePlans(name: string, plan: () => Promise<Plans>, noScan: RegExp) {
  describe(`hot query plans: ${name}`, () => {
    let plans: Plans;
    beforeAll(async () => {
      plans = await plan();
    });
    const of = (step: string) => {
      const lines = plans.get(step);
      if (!lines) throw new Error(`no statement recorded for ${step}`);
      return lines.join('\n');
    };

    it('reads no hot table in full', () => {
      expect(plans.size).toBeGreaterThan(10);
      for (const [step, lines] of plans) {
        expect(
          lines.filter((line) => noScan.test(line)),
          step,
        ).toEqual([]);
      }
    });

    it('supersedes through the destination index, bounded by the longest code lifetime', () => {
      expect(of('supersede')).toMatch(/verifications_by_destination\b.*created_at/);
    });

    it('finds a message id through its partial index', () => {
      expect(of('by message id')).toMatch(/verifications_by_message_id\b/);
    });

    it("claims from the queues' pending-row indexes and finds a verification's jobs by its id", () => {
      // Claims step from app to app through each app's pending rows (migration 0021).
      expect(of('claim jobs')).toMatch(/outbox_jobs_pending_by_app\b/);
      expect(of('claim webhooks')).toMatch(/webhook_deliveries_pending_by_app\b/);
      // A verification's pending jobs: through its id, or on PostgreSQL, where the planner may
      // prefer it, through the index of pending rows alone, which no finished job enlarges.
      const jobsOf =
        name === 'PostgreSQL'
          ? /outbox_jobs_(by_verification|pending_by_app)\b/
          : /outbox_jobs_by_verification\b/;
      expect(of('supersede')).toMatch(jobsOf);
      expect(of('failover')).toMatch(jobsOf);
    });
  });
}

async function group(
  recorded: Recorded[],
  explain: (r: Recorded) => string[] | Promise<string[]>,
): Promise<Plans> {
  const plans: Plans = new Map();
  for (const r of recorded)
    plans.set(r.step, [...(plans.get(r.step) ?? []), ...(await explain(r))]);
  return plans;
}

describePlans(
  'SQLite',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otpd-plans-'));
    const database = new Database(join(dir, 'otpd.db'));
    const recorder = statementRecorder();
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }), log: recorder.log });
    const store = createKyselyStore(db, 'sqlite');
    try {
      await store.migrate();
      await runHotPath(store, recorder.step);
      return await group(recorder.recorded, ({ query }) => {
        const statement = database.prepare(`explain query plan ${query.sql}`);
        const rows = statement.all(...query.parameters) as { detail: string }[];
        return rows.map((row) => row.detail);
      });
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
  // `SCAN t` reads the table, `SCAN t USING [COVERING] INDEX i` the whole of an index.
  new RegExp(`^SCAN (${HOT_TABLES.join('|')})\\b`),
);

/**
 * A day of an app's verifications before T0, one every 10 s to 4,000 destinations: pending
 * while their ten minutes last, expired after.
 */
const HISTORY = `insert into verifications (id, app_id, destination, channel, status, reason,
    code_hash, code_key_id, code_length, attempts, max_attempts, sends, max_sends,
    resend_cooldown_ms, created_at, updated_at, expires_at, last_sent_at,
    delivery_status, delivery_updated_at)
  select 'ver_h' || i, 'app_1', '+90533' || lpad((i % 4000)::text, 7, '0'), 'sms',
    case when t + 600000 > $1 then 'pending' else 'expired' end,
    case when t + 600000 > $1 then null else 'ttl_elapsed' end,
    'hash', 'key', 6, 0, 5, 1, 5, 30000, t, t, t + 600000, t, 'sent', t
  from generate_series(1, 8640) i, lateral (select $1::bigint - i * 10000 as t) at`;

let postgres: TestDatabase | undefined;
afterAll(() => postgres?.drop());

/** Each node of an EXPLAIN (FORMAT JSON) plan as `Node Type on relation using index: conditions`. */
function nodes(plan: Record<string, unknown>): string[] {
  const on = plan['Relation Name'] ? ` on ${plan['Relation Name']}` : '';
  const using = plan['Index Name'] ? ` using ${plan['Index Name']}` : '';
  const cond = plan['Index Cond'] ?? plan['Recheck Cond'] ?? plan.Filter;
  const line = `${plan['Node Type']}${on}${using}${cond ? `: ${cond}` : ''}`;
  const children = (plan.Plans ?? []) as Record<string, unknown>[];
  return [line, ...children.flatMap(nodes)];
}

describePlans(
  'PostgreSQL',
  async () => {
    postgres = await createTestDatabase();
    const schema = await postgres.createSchema();
    const pool = new pg.Pool({ connectionString: schema.url, max: 2 });
    const recorder = statementRecorder();
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), log: recorder.log });
    const store = createKyselyStore(db, 'postgres');
    const probe = new pg.Client({ connectionString: schema.url });
    try {
      await store.migrate();
      await runHotPath(store, recorder.step);
      await probe.connect();
      // Statistics of a busy app: a day of verifications to many destinations. On an empty,
      // unanalysed table every index looks alike to the planner.
      await probe.query(HISTORY, [T0]);
      await probe.query('analyze verifications');
      // A table this small is cheaper to read whole: with sequential scans priced out, the
      // planner still scans only where no index can serve the statement.
      await probe.query('set enable_seqscan = off');
      return await group(recorder.recorded, async ({ query }) => {
        const { rows } = await probe.query<{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }>(
          `explain (format json) ${query.sql}`,
          [...query.parameters],
        );
        return nodes(rows[0]?.['QUERY PLAN'][0].Plan ?? {});
      });
    } finally {
      await probe.end();
      await store.close();
    }
  },
  new RegExp(`^Seq Scan on (${HOT_TABLES.join('|')})\\b`),
);
