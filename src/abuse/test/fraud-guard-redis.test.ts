import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import {
  connectTestRedis,
  deleteRedisKeys,
  randomRedisPrefix,
  TEST_REDIS_URL,
} from '../../../test/helpers/redis.ts';
import { describeFraudGuard } from './fraud-guard-scenarios.ts';

let admin: Redis;
beforeAll(async () => {
  admin = await connectTestRedis();
});
afterAll(() => admin?.quit());

// The clustered mode: the guard's counters in Redis, under a random key prefix per test,
// deleted after it.
describeFraudGuard({
  name: 'Redis',
  open: async () => {
    const prefix = randomRedisPrefix();
    return {
      env: { OTPD_REDIS_URL: TEST_REDIS_URL, OTPD_REDIS_KEY_PREFIX: prefix },
      cleanup: () => deleteRedisKeys(admin, prefix),
    };
  },
});
