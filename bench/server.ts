/**
 * A benchmark target, run as a child process of `bench/run.ts` so that it has an event loop
 * (and, on a small machine, a core) of its own:
 *
 *   hello    a bare Fastify app answering `GET /` with `{"hello":"world"}`, the ceiling
 *   minimal  the floor: the least a server can do for the same workload (bench/minimal-server.ts),
 *            on SQLite, or on PostgreSQL with BENCH_DATABASE_URL
 *   otpd     the embedded otpd built from src/ as `npm start` builds it (SQLite in a fresh
 *          temporary directory, dispatcher and the other background workers running), plus one app, its SMS sent through an
 *          `http` gateway and a webhook subscribed to every event when BENCH_SMS_URL and
 *          BENCH_WEBHOOK_URL name the parent's loopback peers (else the sandbox); with
 *          BENCH_DATABASE_URL (and OTPD_SECRET, OTPD_REDIS_URL, OTPD_REDIS_KEY_PREFIX) set,
 *          the clustered otpd on that PostgreSQL database and Redis instead, migrated at
 *          start like `npm start` does
 *
 * It tells the parent `{type: 'ready', url, apiKey?}` over IPC and stops cleanly on
 * `{type: 'stop'}`. Between `{type: 'profile-start'}` and `{type: 'profile-stop', file}` it
 * records a V8 CPU profile of its main thread, so the profile covers the measured load and
 * nothing else (no start-up, no warm-up); it answers `{type: 'profiled', file}`. To
 * `{type: 'usage'}` it answers its CPU time so far, `{type: 'usage', user, system}` in µs;
 * to `{type: 'memory'}`, `{type: 'memory', ...process.memoryUsage()}`; to `{type: 'backlog'}`,
 * `{type: 'backlog', backlog}`: embedded otpd's pending delivery jobs and webhook deliveries.
 * With BENCH_SQL_STATS=1 it times every SQLite statement (every PostgreSQL query when
 * clustered): `{type: 'sql-reset'}` starts over, `{type: 'sql-stats'}` answers
 * `{type: 'sql-stats', stats}`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { connectRateLimiter } from '../src/deps/open-cluster-state.ts';
import { DATABASE_FILE, MESSAGE_LOG_FILE } from '../src/deps/open-databases.ts';
import { createDeps } from '../src/deps.ts';
import { loadConfig } from '../src/kernel/config/config.ts';
import { startMinimal } from './minimal-server.ts';
import { postgresMinimalStore, sqliteMinimalStore } from './minimal-store.ts';
import { seedInProcesses } from './seed.ts';
import { createServerProbes } from './server-probes.ts';
import { instrumentPostgres, instrumentSqlite } from './sql-stats.ts';
import { BENCH_SETTINGS, benchSettingsWithPeers } from './workloads.ts';

export interface ReadyMessage {
  type: 'ready';
  url: string;
  apiKey?: string;
  /** With BENCH_SEED_ROWS: how long seeding the store and the message log took. */
  seedSeconds?: number;
}

interface Started {
  ready: ReadyMessage;
  stop: () => Promise<void>;
  probes?: ReturnType<typeof createServerProbes>;
}

/** Settings the parent may pass through to otpd's configuration. */
const PASSED_THROUGH = ['OTPD_ALLOW_NETWORKS', 'OTPD_SQLITE_SYNCHRONOUS'] as const;

function urlOf(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

async function startHello(): Promise<Started> {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { ready: { type: 'ready', url: urlOf(app) }, stop: () => app.close() };
}

async function startMinimalServer(): Promise<Started> {
  const { BENCH_SMS_URL: smsUrl, BENCH_WEBHOOK_URL: webhookUrl } = process.env;
  if (!smsUrl || !webhookUrl)
    throw new Error('the minimal server needs BENCH_SMS_URL and BENCH_WEBHOOK_URL');
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const store = databaseUrl ? await postgresMinimalStore(databaseUrl) : sqliteMinimalStore();
  const minimal = await startMinimal({ smsUrl, webhookUrl }, store);
  return {
    ready: { type: 'ready', url: urlOf(minimal.app), apiKey: 'minimal' },
    stop: minimal.stop,
  };
}

async function startOtpd(): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'otpd-bench-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const config = loadConfig({
    OTPD_DATA_DIR: dataDir,
    OTPD_LOG_LEVEL: process.env.OTPD_LOG_LEVEL || 'warn',
    ...Object.fromEntries(
      PASSED_THROUGH.flatMap((name) => {
        const value = process.env[name];
        return value ? [[name, value]] : [];
      }),
    ),
    ...(databaseUrl
      ? {
          OTPD_DATABASE_URL: databaseUrl,
          OTPD_SECRET: process.env.OTPD_SECRET,
          OTPD_REDIS_URL: process.env.OTPD_REDIS_URL,
          OTPD_REDIS_KEY_PREFIX: process.env.OTPD_REDIS_KEY_PREFIX,
        }
      : {}),
  });
  const deps = createDeps(config);
  await deps.store.migrate();
  await deps.messageLog.migrate();
  await connectRateLimiter(deps, config);
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { app: shop, apiKey } = await deps.apps.createApp('Bench Shop');
  const { BENCH_SMS_URL: smsUrl, BENCH_WEBHOOK_URL: webhookUrl } = process.env;
  const settings =
    smsUrl && webhookUrl ? benchSettingsWithPeers({ smsUrl, webhookUrl }) : BENCH_SETTINGS;
  const limits = await deps.settings.replace(shop.id, settings);
  if (limits.status !== 'replaced') throw new Error(`bench settings: ${JSON.stringify(limits)}`);
  const seedRows = Number(process.env.BENCH_SEED_ROWS ?? 0);
  const seedSeconds =
    seedRows > 0 && !databaseUrl
      ? await seedInProcesses(
          { store: join(dataDir, DATABASE_FILE), messageLog: join(dataDir, MESSAGE_LOG_FILE) },
          shop.id,
          seedRows,
        )
      : undefined;
  // After the seeding, which holds the write lock. Every background worker `npm start` runs (src/main.ts), each with its cost.
  const workers = [
    deps.dispatcher,
    deps.webhooks,
    deps.expirySweeper,
    deps.messageRetention,
    deps.webhookRetention,
    deps.sandboxRetention,
  ];
  for (const worker of workers) worker.start();
  const probes = createServerProbes(databaseUrl ? undefined : dataDir);
  return {
    ready: {
      type: 'ready',
      url: urlOf(app),
      apiKey,
      ...(seedSeconds !== undefined ? { seedSeconds } : {}),
    },
    probes,
    async stop() {
      probes.close();
      await app.close();
      for (const worker of workers) await worker.stop();
      await deps.store.close();
      await deps.messageLog.close();
      await deps.limiter.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sampling every 250 µs: fine enough for per-request costs, cheap enough not to skew much. */
const SAMPLING_INTERVAL_US = 250;

function createProfiler() {
  const session = new Session();
  session.connect();
  return {
    async start() {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
      await session.post('Profiler.start');
    },
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      await session.post('Profiler.disable');
    },
  };
}

type Command =
  | { type: 'stop' }
  | { type: 'usage' }
  | { type: 'backlog' }
  | { type: 'memory' }
  | { type: 'sql-reset' }
  | { type: 'sql-stats' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string };

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (!process.send) throw new Error('bench/server.ts runs as a child of bench/run.ts');
  if (kind !== 'hello' && kind !== 'minimal' && kind !== 'otpd') {
    throw new Error(`unknown target "${kind}"`);
  }
  const sql =
    process.env.BENCH_SQL_STATS !== '1'
      ? undefined
      : process.env.BENCH_DATABASE_URL
        ? instrumentPostgres()
        : instrumentSqlite();
  const start = { hello: startHello, minimal: startMinimalServer, otpd: startOtpd }[kind];
  const server = await start();
  const profiler = createProfiler();
  process.on('message', async (message: Command) => {
    switch (message.type) {
      case 'usage':
        // CPU time in µs, all threads of the process (main, libuv pool, GC helpers).
        process.send?.({ type: 'usage', ...process.cpuUsage() });
        return;
      case 'backlog':
        process.send?.({ type: 'backlog', backlog: server.probes?.backlog() });
        return;
      case 'memory':
        process.send?.({ type: 'memory', ...process.memoryUsage() });
        return;
      case 'sql-reset':
        sql?.reset();
        process.send?.({ type: 'sql-reset' });
        return;
      case 'sql-stats':
        process.send?.({ type: 'sql-stats', stats: sql?.snapshot() ?? [] });
        return;
      case 'profile-start':
        await profiler.start();
        process.send?.({ type: 'profiling' });
        return;
      case 'profile-stop':
        await profiler.stop(message.file);
        process.send?.({ type: 'profiled', file: message.file });
        return;
      case 'stop':
        await server.stop();
        process.exit(0);
    }
  });
  // The parent went away without saying stop: do not linger.
  process.on('disconnect', () => process.exit(0));
  process.send(server.ready);
}

main().catch((error) => {
  process.stderr.write(`bench server: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
