import { randomBytes } from 'node:crypto';
import { createBenchDatabase, postgresCpuMicros } from '../database.ts';
import { measure, type ScenarioResult } from '../measure.ts';
import { BENCH_REDIS_URL, createBenchRedisPrefix } from '../redis.ts';
import { onExit } from '../server-child.ts';
import { otpdWorkload } from '../workloads.ts';
import { apiKeyOf, type BenchContext, measureOptions, startOtpd } from './context.ts';

/**
 * Two clustered otpd instances on one throw-away PostgreSQL database and one Redis key
 * prefix (both removed at the end, even after a failure), each loaded by an autocannon of
 * its own with `--connections` connections, both at once. Pairs per second: answered
 * requests / 2 / seconds. The CPU of the machine's `postgres` processes is added.
 */
export async function runClustered(
  context: BenchContext,
): Promise<{ result: ScenarioResult; pairsPerSecond: number }> {
  const database = await createBenchDatabase();
  onExit(() => database.drop());
  const redis = await createBenchRedisPrefix();
  onExit(() => redis.drop());
  const env = {
    BENCH_DATABASE_URL: database.url,
    OTPD_SECRET: randomBytes(32).toString('base64url'),
    OTPD_REDIS_URL: BENCH_REDIS_URL,
    OTPD_REDIS_KEY_PREFIX: redis.prefix,
  };
  // One after the other: the first migrates the database, the second finds it migrated.
  const first = await startOtpd(context, 'clustered-1', env);
  const second = await startOtpd(context, 'clustered-2', env).catch(async (error) => {
    await first.stop();
    throw error;
  });
  try {
    const loads = [first, second].map((server) => {
      const apiKey = apiKeyOf(server);
      return { server, make: () => otpdWorkload(server.ready.url, apiKey, 'clustered') };
    });
    const result = await measure(loads, {
      ...measureOptions(context),
      profileFiles: [context.profileOf('clustered-1'), context.profileOf('clustered-2')],
      databaseCpu: postgresCpuMicros,
    });
    return {
      result: {
        ...result,
        name: 'otpd pg ×2',
        description: `${result.description}; two instances, each loaded by its own autocannon`,
      },
      pairsPerSecond: result.requests / 2 / result.durationSeconds,
    };
  } finally {
    await Promise.all([first.stop(), second.stop()]);
    await redis.drop();
    await database.drop();
  }
}
