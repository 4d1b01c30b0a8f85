import type { Clock } from '../../kernel/clock.ts';
import { createMemoryRateLimiter } from '../adapters/memory-rate-limiter.ts';
import { describeRateLimiterContract } from './rate-limiter-contract.ts';
import type { RateLimiterUnderTest } from './rate-limiter-fixture.ts';
import { describeRateLimiterWindowContract } from './rate-limiter-window-contract.ts';

// One process holds the state: the second handle is the same limiter, as two requests of one
// server share it.
async function openMemory(clock: Clock): Promise<RateLimiterUnderTest> {
  const limiter = createMemoryRateLimiter({ clock });
  return { limiter, second: limiter, cleanup: () => limiter.close() };
}

describeRateLimiterWindowContract('memory', openMemory);
describeRateLimiterContract('memory', openMemory);
