/**
 * `npm run bench`: otpd's speed targets, checked in one run. Every server is a child
 * process (bench/server.ts) loaded alone, so on a two-core machine the server under load
 * has one core and autocannon, here in the parent, has the other. Each scenario (see
 * `npm run bench -- --help`; `--only` picks some) is warmed up, then measured for
 * `--duration` seconds with the same connections. otpd's app has every part of production
 * on: limits, the SMS-pumping guard (monitor), the message log, the outbox delivering SMS
 * through an `http` gateway and a webhook subscribed to every event; the gateway and the
 * webhook receiver are loopback servers in this process (bench/gateway.ts), which count.
 *
 * The output ends with one line per target, PASS or FALL SHORT (bench/targets.ts), and the
 * ratio the minimal server for the same workload reaches (bench/minimal-server.ts):
 *   - create+check ≥ 0.2× hello world's request rate, at synchronous=NORMAL and =FULL
 *   - the outbox keeps up: at that peak, messages reaching the gateway ≥ 0.95× creations
 *     over the window, and pending jobs at its end ≤ 1 s of creations
 *   - check p99 < 10 ms at half of the peak rate
 *   - with 1,000,000 verifications stored (bench/seed.ts) ≥ 0.9× the rate of an empty twin
 *     loaded right before and right after it, and the server's RSS after it < 256 MB
 *   - clustered (PostgreSQL + Redis, two instances) ≥ 1,500 create+check pairs/s
 *
 * --cpu-prof records a CPU profile of each server during its measurement
 * (.bench/profiles/) and summarises otpd's; --sql-stats times every SQLite statement otpd
 * runs (clustered: counts every PostgreSQL query and its round trip). Clustered mode uses
 * a throw-away PostgreSQL database and Redis key prefix, removed at the end even after a
 * failure, and adds the CPU of the machine's `postgres` processes to otpd's.
 *
 * Exits 1 when a request errored or timed out, or answered another status than expected
 * (hello world: 200; otpd: 201 for a start, 200 for a check). A missed target is reported,
 * not an error.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway } from './gateway.ts';
import type { ScenarioResult } from './measure.ts';
import { parseOptions, USAGE } from './options.ts';
import { summarizeProfile } from './profile-summary.ts';
import { outboxLine, runHeading, scenarioDetails, scenarioTable } from './report.ts';
import { runClustered } from './scenarios/clustered.ts';
import { createContext } from './scenarios/context.ts';
import { type OutboxFigures, runEmbedded, runFullSync, runHalfLoad } from './scenarios/embedded.ts';
import { runHello } from './scenarios/hello.ts';
import { runMillion } from './scenarios/million.ts';
import { runMinimal, runMinimalClustered } from './scenarios/minimal.ts';
import { buildBenchServer, exitAfterCleanup, OUT_DIR, onExit } from './server-child.ts';
import { formatSqlStats, POSTGRES_STATS_TITLE, SQLITE_STATS_TITLE } from './sql-stats.ts';
import { type Figures, floorLines, formatTargets, judge, verdictWord } from './targets.ts';

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { options } = parsed;
  mkdirSync(join(OUT_DIR, 'profiles'), { recursive: true });
  await buildBenchServer();
  const gateway = await startGateway();
  onExit(() => gateway.close());
  const context = createContext(options, gateway);
  const runs = new Set(options.scenarios);
  const results: ScenarioResult[] = [];
  const figures: Figures = {};
  let outbox: OutboxFigures | undefined;
  let seedSeconds: number | undefined;

  if (runs.has('hello')) {
    progress('hello world');
    const hello = await runHello(context);
    results.push(hello);
    figures.helloRate = hello.requestsPerSecond;
  }
  if (runs.has('minimal')) {
    progress('the minimal server');
    const minimal = await runMinimal(context);
    results.push(minimal);
    figures.minimalRate = minimal.requestsPerSecond;
    if (runs.has('minimal-half-load')) {
      progress('the minimal server at half of its peak rate');
      const half = await runMinimal(context, minimal.requestsPerSecond / 2);
      results.push(half);
      if (half.checkLatencyMs) figures.minimalHalfLoadCheckP99Ms = half.checkLatencyMs.p99;
    }
  }
  if (runs.has('embedded')) {
    progress('embedded otpd (synchronous=NORMAL)');
    const embedded = await runEmbedded(context);
    results.push(embedded.result);
    figures.embeddedRate = embedded.result.requestsPerSecond;
    outbox = embedded.outbox;
    const { created, delivered, seconds, backlogEnd } = outbox;
    figures.outbox = { created, delivered, seconds, backlogEnd: backlogEnd.jobs };
    if (runs.has('half-load')) {
      progress('embedded otpd at half of its peak rate');
      const half = await runHalfLoad(context, figures.embeddedRate / 2);
      results.push(half);
      if (half.checkLatencyMs) figures.halfLoadCheckP99Ms = half.checkLatencyMs.p99;
    }
  }
  if (runs.has('full-sync')) {
    progress('embedded otpd (synchronous=FULL)');
    const full = await runFullSync(context);
    results.push(full);
    figures.fullSyncRate = full.requestsPerSecond;
  }
  if (runs.has('million')) {
    progress(`embedded otpd with ${options.seedRows.toLocaleString('en')} stored verifications`);
    const million = await runMillion(context);
    results.push(million.emptyBefore, million.result, million.emptyAfter);
    figures.millionRate = million.result.requestsPerSecond;
    figures.millionEmptyRate = million.emptyRate;
    figures.millionRssBytes = million.rssBytes;
    figures.seededRows = options.seedRows;
    seedSeconds = million.seedSeconds;
  }
  if (runs.has('clustered')) {
    progress('clustered otpd, two instances on PostgreSQL and Redis');
    const clustered = await runClustered(context);
    results.push(clustered.result);
    figures.clusteredPairsPerSecond = clustered.pairsPerSecond;
  }

  if (runs.has('minimal-clustered')) {
    progress('two minimal servers on PostgreSQL');
    const minimal = await runMinimalClustered(context);
    results.push(minimal.result);
    figures.minimalClusteredPairsPerSecond = minimal.pairsPerSecond;
  }

  const verdicts = judge(figures);
  const failed = results.some((r) => r.errors > 0 || r.timeouts > 0 || r.unexpected > 0);
  const profiles = results.flatMap((r) =>
    r.profileFile && r.name !== 'hello world' ? [summarizeProfile(r.profileFile, r.requests)] : [],
  );
  if (options.json) {
    const targets = verdicts.map((v) => ({ ...v, verdict: verdictWord(v) }));
    const floor = floorLines(figures);
    const out = { options, scenarios: results, outbox, seedSeconds, figures, targets, floor };
    process.stdout.write(`${JSON.stringify({ ...out, ok: !failed }, null, 2)}\n`);
  } else {
    const lines = [runHeading(options), '', scenarioTable(results), '', scenarioDetails(results)];
    if (outbox) lines.push('', outboxLine(outbox));
    if (seedSeconds !== undefined) {
      lines.push(
        `seeding ${options.seedRows.toLocaleString('en')} verifications, their jobs and message ` +
          `log entries took ${seedSeconds.toFixed(1)} s`,
      );
    }
    for (const r of results) {
      if (!r.sql) continue;
      const title = r.database ? POSTGRES_STATS_TITLE : SQLITE_STATS_TITLE;
      lines.push('', `${r.name}:`, formatSqlStats(r.sql, r.requests, title));
    }
    for (const profile of profiles) lines.push('', profile.text);
    lines.push('', formatTargets(verdicts, floorLines(figures)));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (failed) {
    progress('some requests failed or got an unexpected status (see above)');
    process.exitCode = 1;
  }
}

process.on('SIGINT', () => void exitAfterCleanup(130));

main()
  .then(() => exitAfterCleanup(process.exitCode === 1 ? 1 : 0))
  .catch((error) => {
    progress(error instanceof Error ? error.message : String(error));
    return exitAfterCleanup(1);
  });
