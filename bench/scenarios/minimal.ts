import { createBenchDatabase, postgresCpuMicros } from '../database.ts';
import { measure, type ScenarioResult } from '../measure.ts';
import { onExit, startServer } from '../server-child.ts';
import { otpdWorkload } from '../workloads.ts';
import { type BenchContext, measureOptions } from './context.ts';

/**
 * The floor: otpd's workload against the least server that has the same outward effects
 * (bench/minimal-server.ts), its code sent to the same gateway and its events to the same
 * webhook receiver. With `rate` (half of its own peak), a fresh one paced as the half-load
 * scenario paces otpd (bench/paced.ts): the check p99 that target is set against.
 */
export async function runMinimal(context: BenchContext, rate?: number): Promise<ScenarioResult> {
  const name = rate === undefined ? 'minimal' : 'minimal-half-load';
  const server = await startServer('minimal', name, {
    BENCH_SMS_URL: context.gateway.smsUrl,
    BENCH_WEBHOOK_URL: context.gateway.webhookUrl,
  });
  try {
    const result = await measure(
      [{ server, make: () => otpdWorkload(server.ready.url, 'minimal', 'embedded') }],
      {
        ...measureOptions(context),
        sqlStats: false,
        rate,
        profileFiles: [context.profileOf(name)],
      },
    );
    if (rate !== undefined) {
      return {
        ...result,
        name: 'minimal ½ load',
        description: `the minimal server at ${Math.round(rate)} req/s in all, started at evenly spaced times`,
      };
    }
    return {
      ...result,
      name: 'minimal',
      description:
        'the least server for the same workload (Fastify, better-sqlite3, an HMAC; one insert, ' +
        'one update; the code to the gateway, two webhook events)',
    };
  } finally {
    await server.stop();
  }
}

/**
 * The clustered floor: two minimal servers on one throw-away PostgreSQL database, loaded as
 * the clustered otpd is (each by its own autocannon), PostgreSQL's CPU added. Pairs per
 * second: answered requests / 2 / seconds.
 */
export async function runMinimalClustered(
  context: BenchContext,
): Promise<{ result: ScenarioResult; pairsPerSecond: number }> {
  const database = await createBenchDatabase();
  onExit(() => database.drop());
  const env = {
    BENCH_SMS_URL: context.gateway.smsUrl,
    BENCH_WEBHOOK_URL: context.gateway.webhookUrl,
    BENCH_DATABASE_URL: database.url,
  };
  const servers = [
    await startServer('minimal', 'minimal-pg-1', env),
    await startServer('minimal', 'minimal-pg-2', env),
  ];
  try {
    const loads = servers.map((server) => ({
      server,
      make: () => otpdWorkload(server.ready.url, 'minimal', 'clustered'),
    }));
    const result = await measure(loads, {
      ...measureOptions(context),
      sqlStats: false,
      profileFiles: [context.profileOf('minimal-pg-1'), context.profileOf('minimal-pg-2')],
      databaseCpu: postgresCpuMicros,
    });
    return {
      result: {
        ...result,
        name: 'minimal pg ×2',
        description:
          'two minimal servers on one PostgreSQL database, each loaded by its own autocannon',
      },
      pairsPerSecond: result.requests / 2 / result.durationSeconds,
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  }
}
