import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { describeFraudGuard } from './fraud-guard-scenarios.ts';

/** The Redis the tests use. These tests never skip: when it is down they fail. */
const REDIS_URL = process.env.OTPD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let admin: Redis;
beforeAll(async () => {
  admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  admin.on('error', () => {});
  await admin.connect();
});
afterAll(() => admin?.quit());

// The clustered mode: the guard's counters in Redis, under a random key prefix per test,
// deleted after it.
describeFraudGuard({
  name: 'Redis',
  open: async () => {
    const prefix = `otpd-test:${randomBytes(6).toString('hex')}:`;
    return {
      env: { OTPD_REDIS_URL: REDIS_URL, OTPD_REDIS_KEY_PREFIX: prefix },
      async cleanup() {
        const keys = await admin.keys(`${prefix}*`);
        if (keys.length > 0) await admin.del(...keys);
      },
    };
  },
});
