import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis `--clustered` benchmarks keep otpd's rate limits in. */
export const BENCH_REDIS_URL = process.env.OTPD_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A key prefix of its own on the bench Redis, checked reachable first (the bench fails
 * loudly rather than measure without it); `drop` deletes every key under it.
 */
export async function createBenchRedisPrefix(): Promise<{ prefix: string; drop(): Promise<void> }> {
  const redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `bench: cannot reach Redis at ${BENCH_REDIS_URL} (${(error as Error).message}); ` +
        'start it or point OTPD_BENCH_REDIS_URL at a server',
    );
  }
  const prefix = `otpd-bench:${randomBytes(6).toString('hex')}:`;
  let dropped = false;
  return {
    prefix,
    /** Safe to call twice. */
    async drop() {
      if (dropped) return;
      dropped = true;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    },
  };
}
