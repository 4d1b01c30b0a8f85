import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { freePort } from '../../../test/helpers/process.ts';
import {
  connectTestRedis,
  startRedisServer,
  stopProcess,
  TEST_REDIS_URL,
} from '../../../test/helpers/redis.ts';
import type { Clock } from '../../kernel/clock.ts';
import { createMemoryRateLimiter } from '../adapters/memory-rate-limiter.ts';
import { createRedisRateLimiter, describeRedisUrl } from '../adapters/redis-rate-limiter.ts';
import { RateLimiterUnavailableError, type Rule } from '../rate-limiter-ports.ts';
import { describeRateLimiterContract } from './rate-limiter-contract.ts';
import type { RateLimiterUnderTest } from './rate-limiter-fixture.ts';
import { describeRateLimiterWindowContract } from './rate-limiter-window-contract.ts';

const REDIS_URL = TEST_REDIS_URL;

let admin: Redis;
beforeAll(async () => {
  admin = await connectTestRedis();
});
afterAll(() => admin?.quit());

const keysUnder = (prefix: string) => admin.keys(`${prefix}*`);

/** Two limiters over their own connections on one random prefix; cleanup deletes its keys. */
async function openRedis(clock: Clock): Promise<RateLimiterUnderTest & { prefix: string }> {
  const prefix = `otpd-test:${randomBytes(6).toString('hex')}:`;
  const limiter = createRedisRateLimiter({ clock, redis: REDIS_URL, keyPrefix: prefix });
  const second = createRedisRateLimiter({ clock, redis: REDIS_URL, keyPrefix: prefix });
  return {
    prefix,
    limiter,
    second,
    async cleanup() {
      await Promise.all([limiter.close(), second.close()]);
      const keys = await keysUnder(prefix);
      if (keys.length > 0) await admin.del(...keys);
    },
  };
}

describeRateLimiterWindowContract('Redis', openRedis);
describeRateLimiterContract('Redis', openRedis);

describe('Redis rate limiter', () => {
  it('stores one hash per key under its prefix, expiring with the longest window', async () => {
    const clock = createFakeClock();
    const subject = await openRedis(clock);
    try {
      await subject.limiter.consume('app_1:k', [
        { max: 5, windowSeconds: 60 },
        { max: 9, windowSeconds: 600 },
      ]);
      expect(await keysUnder(subject.prefix)).toEqual([`${subject.prefix}app_1:k`]);
      const ttl = await admin.pttl(`${subject.prefix}app_1:k`);
      expect(ttl).toBeGreaterThan(590_000);
      expect(ttl).toBeLessThanOrEqual(600_000);
      // A refusal writes nothing, so it never stretches the key's life.
      await subject.limiter.consume('app_1:zero', { max: 0, windowSeconds: 60 });
      expect(await admin.exists(`${subject.prefix}app_1:zero`)).toBe(0);
    } finally {
      await subject.cleanup();
    }
  });

  it('decides exactly as the memory limiter over a long random run', async () => {
    const clock = createFakeClock();
    const subject = await openRedis(clock);
    const memory = createMemoryRateLimiter({ clock });
    const rules: Rule[][] = [
      [{ max: 3, windowSeconds: 7 }],
      [{ max: 10, windowSeconds: 60 }],
      [
        { max: 4, windowSeconds: 10 },
        { max: 12, windowSeconds: 90 },
      ],
    ];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    try {
      for (let i = 0; i < 1_000; i++) {
        // Forward only: after a step back, what each adapter has already forgotten differs (the
        // memory limiter sweeps other keys), and the contract suite covers stepping back.
        clock.advance(random(4_000));
        const key = `k${random(3)}`;
        const rule = rules[random(rules.length)] as Rule[];
        const cost = 1 + random(3);
        const peek = random(5) === 0;
        const [expected, actual] = peek
          ? await Promise.all([memory.peek(key, rule, cost), subject.limiter.peek(key, rule, cost)])
          : await Promise.all([
              memory.consume(key, rule, cost),
              subject.limiter.consume(key, rule, cost),
            ]);
        expect(actual, `step ${i}`).toEqual(expected);
      }
    } finally {
      await memory.close();
      await subject.cleanup();
    }
  });

  it('fails closed with RateLimiterUnavailableError, quickly, when Redis is unreachable', async () => {
    const limiter = createRedisRateLimiter({
      clock: createFakeClock(),
      redis: 'redis://127.0.0.1:1',
      commandTimeoutMs: 300,
    });
    try {
      const started = Date.now();
      const error = await limiter.consume('k', { max: 5, windowSeconds: 60 }).catch((e) => e);
      expect(error).toBeInstanceOf(RateLimiterUnavailableError);
      expect(error.code).toBe('rate_limiter_unavailable');
      await expect(limiter.ping()).rejects.toThrow(RateLimiterUnavailableError);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await limiter.close();
    }
  });

  it('fails closed while its Redis is down and decides again once it is back', async () => {
    const port = await freePort();
    const rule: Rule = { max: 5, windowSeconds: 60 };
    let server = await startRedisServer(port);
    const limiter = createRedisRateLimiter({
      clock: createFakeClock(),
      redis: `redis://127.0.0.1:${port}`,
      commandTimeoutMs: 500,
    });
    try {
      expect((await limiter.consume('k', rule)).allowed).toBe(true);
      await stopProcess(server);
      for (let i = 0; i < 3; i++) {
        await expect(limiter.consume('k', rule)).rejects.toThrow(RateLimiterUnavailableError);
      }
      server = await startRedisServer(port);
      // ioredis reconnects by itself; the first calls may still fail while it does.
      const deadline = Date.now() + 10_000;
      let decision = await limiter.consume('k', rule).catch(() => undefined);
      while (!decision && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        decision = await limiter.consume('k', rule).catch(() => undefined);
      }
      // The restarted server kept nothing (no persistence): the count starts again.
      expect(decision).toMatchObject({ allowed: true, remaining: 4 });
    } finally {
      await limiter.close();
      await stopProcess(server);
    }
  });

  it('names its Redis without the password', () => {
    expect(describeRedisUrl('redis://otpd:s3cret@cache.internal:6380/2')).toBe(
      'redis://otpd@cache.internal:6380/2',
    );
    expect(describeRedisUrl('rediss://:s3cret@cache.internal')).toBe('rediss://cache.internal');
    expect(describeRedisUrl('not a url :s3cret')).not.toContain('s3cret');
  });

  it('uses a client the caller owns, leaving it open', async () => {
    const client = new Redis(REDIS_URL);
    const prefix = `otpd-test:${randomBytes(6).toString('hex')}:`;
    const limiter = createRedisRateLimiter({
      clock: createFakeClock(),
      redis: client,
      keyPrefix: prefix,
    });
    try {
      expect((await limiter.consume('k', { max: 1, windowSeconds: 60 })).allowed).toBe(true);
      await limiter.close();
      expect(await client.exists(`${prefix}k`)).toBe(1);
      await expect(limiter.consume('k', { max: 1, windowSeconds: 60 })).rejects.toThrow(
        RateLimiterUnavailableError,
      );
    } finally {
      await client.del(`${prefix}k`);
      await client.quit();
    }
  });
});
