/**
 * `npm run bench`: how close otpd's hot path comes to a bare Fastify hello world.
 * `npm run bench -- --clustered` runs the same scenario with otpd in clustered mode, on a
 * throw-away PostgreSQL database (created here, dropped at the end, even after a failure).
 *
 * Both servers run as child processes (bench/server.ts) and are loaded one after the other,
 * so on a two-core machine the server under load has one core and autocannon, here in the
 * parent, has the other. Each scenario is warmed up first and then measured with the same
 * connections and duration. Target: otpd's request rate at least 50% of hello world's.
 *
 *   npm run bench -- [--clustered] [--duration 10] [--connections 10] [--warmup 2] [--json]
 *                    [--log-level warn] [--cpu-prof] [--sql-stats]
 *
 * --cpu-prof records a CPU profile of each server during the measurement (.bench/profiles/)
 * and summarises otpd's; --sql-stats times every SQLite statement otpd runs (with
 * --clustered: counts every PostgreSQL query and its round trip).
 * With --clustered, PostgreSQL runs on the same machine: the figures add its CPU time per
 * request (every `postgres` process, read from /proc) to otpd's.
 *
 * Exits 1 when a request errored or timed out, or answered another status than expected
 * (hello world: 200; otpd: 201 for a start, 200 for a check). Missing the target is
 * reported, not an error.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createBenchDatabase, postgresCpuMicros } from './database.ts';
import { summarizeProfile } from './profile-summary.ts';
import { BENCH_REDIS_URL, createBenchRedisPrefix } from './redis.ts';
import type { ReadyMessage } from './server.ts';
import {
  formatSqlStats,
  POSTGRES_STATS_TITLE,
  SQLITE_STATS_TITLE,
  type SqlStat,
} from './sql-stats.ts';
import {
  helloWorkload,
  otpdWorkload,
  type StatusTally,
  unexpectedResponses,
  type Workload,
} from './workloads.ts';

const TARGET_RATIO = 0.5;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, '.bench'); // git-ignored: server logs and CPU profiles

interface Options {
  duration: number;
  connections: number;
  warmup: number;
  json: boolean;
  logLevel: string;
  cpuProf: boolean;
  sqlStats: boolean;
  clustered: boolean;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      json: { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
      'cpu-prof': { type: 'boolean', default: false },
      'sql-stats': { type: 'boolean', default: false },
      clustered: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'usage: npm run bench -- [--clustered] [--duration S] [--connections N] [--warmup S]\n' +
        '                        [--json] [--log-level LEVEL] [--cpu-prof] [--sql-stats]\n',
    );
    process.exit(0);
  }
  const positive = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
    return n;
  };
  return {
    duration: positive('duration', values.duration, 1),
    connections: positive('connections', values.connections, 1),
    warmup: positive('warmup', values.warmup, 0),
    json: values.json,
    logLevel: values['log-level'],
    cpuProf: values['cpu-prof'],
    sqlStats: values['sql-stats'],
    clustered: values.clustered,
  };
}

interface Target {
  ready: ReadyMessage;
  child: ChildProcess;
  /** Sends a command and waits for the child's answer of type `answer`. */
  ask<T = unknown>(command: object, answer: string): Promise<T>;
  stop(): Promise<void>;
}

/** Work to undo before the process exits, however it exits (the clustered bench database). */
const cleanups: (() => Promise<void>)[] = [];

async function exitAfterCleanup(code: number): Promise<never> {
  for (const cleanup of cleanups.splice(0)) {
    await cleanup().catch((error) => process.stderr.write(`bench: cleanup failed: ${error}\n`));
  }
  process.exit(code);
}

/**
 * Forks bench/server.ts for one target with `env` added; its stdout and stderr go to
 * .bench/<kind>-server.log.
 */
function startTarget(
  kind: 'hello' | 'otpd',
  options: Options,
  env: Record<string, string> = {},
): Promise<Target> {
  const log = openSync(join(OUT_DIR, `${kind}-server.log`), 'w');
  const child = fork(join(ROOT, 'bench', 'server.ts'), [kind], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      OTPD_LOG_LEVEL: options.logLevel,
      BENCH_SQL_STATS: options.sqlStats ? '1' : '0',
      ...env,
    },
    stdio: ['ignore', log, log, 'ipc'],
  });
  let state: 'starting' | 'running' | 'stopping' = 'starting';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${kind} server did not start in 60 s`)),
      60_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      const problem = `${kind} server exited with ${code}; see .bench/${kind}-server.log`;
      if (state === 'starting') reject(new Error(problem));
      else if (state === 'running') {
        // Mid-measurement: the figures would be meaningless.
        process.stderr.write(`bench: ${problem}\n`);
        void exitAfterCleanup(1);
      }
    });
    child.once('message', (ready: ReadyMessage) => {
      clearTimeout(timer);
      state = 'running';
      resolve({
        ready,
        child,
        ask: <T>(command: object, answer: string) =>
          new Promise<T>((done) => {
            const listen = (message: { type?: string }) => {
              if (message?.type !== answer) return;
              child.off('message', listen);
              done(message as T);
            };
            child.on('message', listen);
            child.send(command);
          }),
        async stop() {
          state = 'stopping';
          child.send({ type: 'stop' });
          const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timeout);
        },
      });
    });
  });
}

interface ScenarioResult {
  name: string;
  description: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  requests: number;
  /** Requests answered during the warm-up, not counted in the figures. */
  warmupRequests: number;
  latencyMs: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: StatusTally;
  unexpected: number;
  /** CPU time per answered request, in µs: the server process, and autocannon (this process). */
  cpuMicrosPerRequest: { server: number; loadGenerator: number };
  /** Share of one core each used during the measurement (1 = one core fully busy). */
  coresUsed: { server: number; loadGenerator: number };
  /** With --sql-stats: time in each SQL text during the measurement. */
  sql?: SqlStat[];
  /** With --clustered: CPU of every PostgreSQL process during the measurement. */
  database?: { cpuMicrosPerRequest: number; cores: number };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

interface Usage {
  user: number;
  system: number;
}

async function load(workload: Workload, options: Options, seconds: number) {
  return autocannon({
    url: workload.url,
    connections: options.connections,
    duration: seconds,
    requests: workload.requests,
  });
}

/**
 * Warms a target up (results discarded), then measures it with a fresh workload; with a
 * profile file, the target is CPU-profiled during the measurement only.
 */
async function measure(
  make: () => Workload,
  options: Options,
  target: Target,
  profileFile?: string,
  measureDatabase = false,
): Promise<ScenarioResult> {
  const warm = options.warmup > 0 ? await load(make(), options, options.warmup) : undefined;
  const workload = make();
  if (profileFile) await target.ask({ type: 'profile-start' }, 'profiling');
  if (options.sqlStats) await target.ask({ type: 'sql-reset' }, 'sql-reset');
  const serverBefore = await target.ask<Usage>({ type: 'usage' }, 'usage');
  const databaseBefore = measureDatabase ? postgresCpuMicros() : undefined;
  const ownBefore = process.cpuUsage();
  const result = await load(workload, options, options.duration);
  const own = process.cpuUsage(ownBefore);
  const databaseAfter = measureDatabase ? postgresCpuMicros() : undefined;
  const serverAfter = await target.ask<Usage>({ type: 'usage' }, 'usage');
  const sql = options.sqlStats
    ? (await target.ask<{ stats: SqlStat[] }>({ type: 'sql-stats' }, 'sql-stats')).stats
    : undefined;
  if (profileFile) await target.ask({ type: 'profile-stop', file: profileFile }, 'profiled');
  const serverCpu =
    serverAfter.user + serverAfter.system - (serverBefore.user + serverBefore.system);
  const ownCpu = own.user + own.system;
  const answered = Math.max(1, result.requests.total);
  const wall = result.duration * 1e6;
  return {
    name: workload.name,
    description: workload.description,
    connections: options.connections,
    durationSeconds: result.duration,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    warmupRequests: warm?.requests.total ?? 0,
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      average: result.latency.average,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses: workload.tally,
    unexpected: unexpectedResponses(workload),
    cpuMicrosPerRequest: {
      server: round(serverCpu / answered, 1),
      loadGenerator: round(ownCpu / answered, 1),
    },
    coresUsed: { server: round(serverCpu / wall, 2), loadGenerator: round(ownCpu / wall, 2) },
    ...(sql && sql.length > 0 ? { sql } : {}),
    ...(databaseBefore !== undefined && databaseAfter !== undefined
      ? {
          database: {
            cpuMicrosPerRequest: round((databaseAfter - databaseBefore) / answered, 1),
            cores: round((databaseAfter - databaseBefore) / wall, 2),
          },
        }
      : {}),
  };
}

function report(hello: ScenarioResult, otpd: ScenarioResult, ratio: number, options: Options) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const columns: [string, number, (r: ScenarioResult) => string][] = [
    ['scenario', -12, (r) => r.name],
    ['req/s', 9, (r) => Math.round(r.requestsPerSecond).toString()],
    ['avg ms', 8, (r) => r.latencyMs.average.toFixed(2)],
    ['p50 ms', 8, (r) => String(r.latencyMs.p50)],
    ['p99 ms', 8, (r) => String(r.latencyMs.p99)],
    ['non2xx', 8, (r) => String(r.non2xx)],
    ['errors', 8, (r) => String(r.errors + r.timeouts)],
    ['CPU µs/req', 12, (r) => r.cpuMicrosPerRequest.server.toFixed(0)],
    ['server', 8, (r) => r.coresUsed.server.toFixed(2)],
    ['autocannon', 11, (r) => r.coresUsed.loadGenerator.toFixed(2)],
  ];
  const cell = (text: string, width: number) =>
    width < 0 ? text.padEnd(-width) : text.padStart(width);
  const header = columns.map(([title, width]) => cell(title, width)).join('');
  const row = (r: ScenarioResult) => columns.map(([, width, get]) => cell(get(r), width)).join('');
  const statuses = (r: ScenarioResult) =>
    Object.entries(r.statuses).map(([kind, byStatus]) => {
      const counts = Object.entries(byStatus).map(([s, n]) => `${s} ×${n}`);
      return `  ${kind}: ${counts.join(', ')}`;
    });
  const lines = [
    `${options.connections} connections, ${options.duration} s each after ${options.warmup} s warm-up;` +
      ` otpd ${options.clustered ? 'clustered on PostgreSQL' : 'embedded on SQLite'},` +
      ` log level ${options.logLevel}` +
      (options.cpuProf ? ', CPU-profiled while measured (a little slower)' : ''),
    '',
    header,
    row(hello),
    row(otpd),
    '(CPU µs/req: server CPU time per answered request; server, autocannon: cores busy)',
    '',
    `hello world: ${hello.description}`,
    ...statuses(hello),
    `otpd: ${otpd.description}`,
    ...statuses(otpd),
    `  = ${Math.round((otpd.statuses['POST /v1/verifications']?.['201'] ?? 0) / otpd.durationSeconds)}` +
      ' verifications started (201) and checked per second',
    ...(otpd.database
      ? [
          `  PostgreSQL (every postgres process on this machine): ` +
            `${otpd.database.cpuMicrosPerRequest.toFixed(0)} CPU µs/req, ${otpd.database.cores.toFixed(2)} cores; ` +
            `otpd + PostgreSQL: ${(otpd.cpuMicrosPerRequest.server + otpd.database.cpuMicrosPerRequest).toFixed(0)} CPU µs/req`,
        ]
      : []),
    '',
    `otpd / hello world: ${pct(ratio)} (target >= ${pct(TARGET_RATIO)}: ` +
      `${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  mkdirSync(join(OUT_DIR, 'profiles'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const profileOf = (kind: string) =>
    options.cpuProf ? join(OUT_DIR, 'profiles', `${kind}-${stamp}.cpuprofile`) : undefined;
  let otpdEnv: Record<string, string> = {};
  if (options.clustered) {
    const database = await createBenchDatabase();
    cleanups.push(() => database.drop());
    const redis = await createBenchRedisPrefix();
    cleanups.push(() => redis.drop());
    otpdEnv = {
      BENCH_DATABASE_URL: database.url,
      OTPD_SECRET: randomBytes(32).toString('base64url'),
      OTPD_REDIS_URL: BENCH_REDIS_URL,
      OTPD_REDIS_KEY_PREFIX: redis.prefix,
    };
  }
  const [hello, otpd] = await Promise.all([
    startTarget('hello', options),
    startTarget('otpd', options, otpdEnv),
  ]);
  let helloResult: ScenarioResult;
  let otpdResult: ScenarioResult;
  try {
    helloResult = await measure(
      () => helloWorkload(hello.ready.url),
      options,
      hello,
      profileOf('hello'),
    );
    const apiKey = otpd.ready.apiKey;
    if (!apiKey) throw new Error('otpd server sent no API key');
    const mode = options.clustered ? 'clustered' : 'embedded';
    otpdResult = await measure(
      () => otpdWorkload(otpd.ready.url, apiKey, mode),
      options,
      otpd,
      profileOf('otpd'),
      options.clustered,
    );
  } finally {
    await Promise.all([hello.stop(), otpd.stop()]);
  }
  const ratio = otpdResult.requestsPerSecond / helloResult.requestsPerSecond;
  const failed = [helloResult, otpdResult].some(
    (r) => r.errors > 0 || r.timeouts > 0 || r.unexpected > 0,
  );
  const otpdProfile = profileOf('otpd');
  const profile = otpdProfile ? summarizeProfile(otpdProfile, otpdResult.requests) : undefined;
  if (options.json) {
    const out = {
      mode: options.clustered ? 'clustered' : 'embedded',
      hello: helloResult,
      otpd: otpdResult,
      ratio,
      target: TARGET_RATIO,
      targetMet: ratio >= TARGET_RATIO,
      ok: !failed,
      ...(profile ? { profile } : {}),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    report(helloResult, otpdResult, ratio, options);
    if (otpdResult.sql) {
      const title = options.clustered ? POSTGRES_STATS_TITLE : SQLITE_STATS_TITLE;
      process.stdout.write(`\n${formatSqlStats(otpdResult.sql, otpdResult.requests, title)}\n`);
    }
    if (profile) {
      process.stdout.write(`\n${profile.text}\n\nhello world's profile: ${profileOf('hello')}\n`);
    }
  }
  if (failed) {
    process.stderr.write('bench: some requests failed or got an unexpected status (see above)\n');
    process.exitCode = 1;
  }
}

process.on('SIGINT', () => void exitAfterCleanup(130));

main()
  .then(() => exitAfterCleanup(process.exitCode === 1 ? 1 : 0))
  .catch((error) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : error}\n`);
    return exitAfterCleanup(1);
  });
