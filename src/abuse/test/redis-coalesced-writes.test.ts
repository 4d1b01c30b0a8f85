import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { connectTestRedis, TEST_REDIS_URL } from '../../../test/helpers/redis.ts';
import { countWrites } from '../../../test/helpers/socket-writes.ts';
import { createRedisRateLimiter } from '../adapters/redis-rate-limiter.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Redis rate limiter: writes', () => {
  it('sends the commands of one turn of the event loop in one write', async () => {
    const sockets: net.Socket[] = [];
    const connect = net.createConnection;
    vi.spyOn(net, 'createConnection').mockImplementation(((...args: unknown[]) => {
      const socket = (connect as (...a: unknown[]) => net.Socket)(...args);
      sockets.push(socket);
      return socket;
    }) as typeof net.createConnection);
    const prefix = `otpd-test:${randomBytes(6).toString('hex')}:`;
    const limiter = createRedisRateLimiter({
      clock: createFakeClock(),
      redis: TEST_REDIS_URL,
      keyPrefix: prefix,
    });
    const rule = { max: 100, windowSeconds: 60 };
    try {
      // The first call connects and loads the script.
      await limiter.consume('warm', rule);
      expect(sockets).toHaveLength(1);
      const writes = countWrites(sockets[0] as net.Socket);
      const decisions = await Promise.all(
        Array.from({ length: 10 }, (_, i) => limiter.consume(`k${i}`, rule)),
      );
      expect(decisions.every((d) => d.allowed)).toBe(true);
      expect(writes()).toBe(1);
    } finally {
      await limiter.close();
      const admin = await connectTestRedis();
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
      await admin.quit();
    }
  });
});
