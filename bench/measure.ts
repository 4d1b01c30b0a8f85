import autocannon from 'autocannon';
import { firePaced, type PacedResult } from './paced.ts';
import { percentile } from './percentile.ts';
import type { ServerChild } from './server-child.ts';
import type { SqlStat } from './sql-stats.ts';
import { type StatusTally, unexpectedResponses, type Workload } from './workloads.ts';

/** One scenario's figures, as the table and --json show them. */
export interface ScenarioResult {
  name: string;
  description: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  requests: number;
  /** Requests answered during the warm-up, not counted in the figures. */
  warmupRequests: number;
  /** All requests; with several servers loaded at once, the worst server's percentiles. */
  latencyMs: { p50: number; p99: number; average: number; max: number };
  /** The checks alone (otpd), timed by the workload: from sending to the answer's end. */
  checkLatencyMs?: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: StatusTally;
  unexpected: number;
  /** CPU time per answered request, in µs: the server processes, and autocannon (this one). */
  cpuMicrosPerRequest: { server: number; loadGenerator: number };
  /** Share of one core each used during the measurement (1 = one core fully busy). */
  coresUsed: { server: number; loadGenerator: number };
  /** With --sql-stats: time in each SQL text during the measurement (the first server). */
  sql?: SqlStat[];
  /** With --cpu-prof: the first server's CPU profile of the measured window. */
  profileFile?: string;
  /** Clustered: CPU of every PostgreSQL process during the measurement. */
  database?: { cpuMicrosPerRequest: number; cores: number };
}

export interface Load {
  server: ServerChild;
  make: () => Workload;
}

export interface MeasureOptions {
  connections: number;
  warmup: number;
  duration: number;
  sqlStats: boolean;
  /**
   * Requests per second across all connections of one load, started at evenly spaced times
   * (bench/paced.ts); unset = as fast as answered (autocannon).
   */
  rate?: number;
  /** Per server, in the order of the loads: where to write its CPU profile of the window. */
  profileFiles?: (string | undefined)[];
  /** CPU µs of the database processes so far (clustered), read around the window. */
  databaseCpu?: () => number | undefined;
  /** Called right before and right after the measured window (not the warm-up). */
  window?: { start(): Promise<void>; end(): Promise<void> };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

interface Usage {
  user: number;
  system: number;
}

function fire(workload: Workload, options: MeasureOptions, seconds: number): Promise<PacedResult> {
  const { connections, rate } = options;
  if (rate) return firePaced(workload, { connections, rate, seconds });
  return autocannon({
    url: workload.url,
    connections,
    duration: seconds,
    requests: workload.requests,
  });
}

const cpuOf = (usage: Usage[]) => usage.reduce((sum, u) => sum + u.user + u.system, 0);

/**
 * Warms every load up at once (results discarded), then measures them at once with fresh
 * workloads; each server is CPU-profiled during the measured window only, when asked.
 */
export async function measure(loads: Load[], options: MeasureOptions): Promise<ScenarioResult> {
  const warm =
    options.warmup > 0
      ? await Promise.all(loads.map((l) => fire(l.make(), options, options.warmup)))
      : [];
  const workloads = loads.map((l) => l.make());
  const profiles = options.profileFiles ?? [];
  const first = loads[0]?.server;
  await Promise.all(
    loads.map((l, i) => profiles[i] && l.server.ask({ type: 'profile-start' }, 'profiling')),
  );
  if (options.sqlStats) await first?.ask({ type: 'sql-reset' }, 'sql-reset');
  const usage = () =>
    Promise.all(loads.map((l) => l.server.ask<Usage>({ type: 'usage' }, 'usage')));
  const serverBefore = await usage();
  const databaseBefore = options.databaseCpu?.();
  const ownBefore = process.cpuUsage();
  await options.window?.start();
  const results = await Promise.all(
    workloads.map((workload) => fire(workload, options, options.duration)),
  );
  await options.window?.end();
  const own = process.cpuUsage(ownBefore);
  const databaseAfter = options.databaseCpu?.();
  const serverAfter = await usage();
  const sql = options.sqlStats
    ? (await first?.ask<{ stats: SqlStat[] }>({ type: 'sql-stats' }, 'sql-stats'))?.stats
    : undefined;
  await Promise.all(
    loads.map(
      (l, i) =>
        profiles[i] && l.server.ask({ type: 'profile-stop', file: profiles[i] }, 'profiled'),
    ),
  );
  const seconds = Math.max(...results.map((r) => r.duration));
  const answered = Math.max(
    1,
    results.reduce((sum, r) => sum + r.requests.total, 0),
  );
  const serverCpu = cpuOf(serverAfter) - cpuOf(serverBefore);
  const ownCpu = own.user + own.system;
  const wall = seconds * 1e6;
  const checks = workloads.flatMap((w) => w.checkLatencies ?? []);
  const tally: StatusTally = {};
  for (const w of workloads) {
    for (const [kind, byStatus] of Object.entries(w.tally)) {
      const sum = tally[kind] ?? {};
      tally[kind] = sum;
      for (const [status, n] of Object.entries(byStatus)) sum[status] = (sum[status] ?? 0) + n;
    }
  }
  const worst = (get: (r: PacedResult) => number) => Math.max(...results.map(get));
  const database =
    databaseBefore !== undefined && databaseAfter !== undefined
      ? databaseAfter - databaseBefore
      : undefined;
  const workload = workloads[0] as Workload;
  return {
    name: workload.name,
    description: workload.description,
    connections: options.connections * loads.length,
    durationSeconds: seconds,
    requestsPerSecond: answered / seconds,
    requests: answered,
    warmupRequests: warm.reduce((sum, r) => sum + r.requests.total, 0),
    latencyMs: {
      p50: worst((r) => r.latency.p50),
      p99: worst((r) => r.latency.p99),
      average: worst((r) => r.latency.average),
      max: worst((r) => r.latency.max),
    },
    ...(checks.length > 0
      ? { checkLatencyMs: { p50: percentile(checks, 50), p99: percentile(checks, 99) } }
      : {}),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    statuses: tally,
    unexpected: workloads.reduce((sum, w) => sum + unexpectedResponses(w), 0),
    cpuMicrosPerRequest: {
      server: round(serverCpu / answered, 1),
      loadGenerator: round(ownCpu / answered, 1),
    },
    coresUsed: { server: round(serverCpu / wall, 2), loadGenerator: round(ownCpu / wall, 2) },
    ...(sql && sql.length > 0 ? { sql } : {}),
    ...(profiles[0] ? { profileFile: profiles[0] } : {}),
    ...(database !== undefined
      ? {
          database: {
            cpuMicrosPerRequest: round(database / answered, 1),
            cores: round(database / wall, 2),
          },
        }
      : {}),
  };
}
