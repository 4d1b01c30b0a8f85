import { createMemoryRateLimiter } from '../../src/abuse/adapters/memory-rate-limiter.ts';
import { describeRateLimiterContract } from './rate-limiter-contract.ts';

// One process holds the state: the second handle is the same limiter, as two requests of one
// server share it.
describeRateLimiterContract('memory', async (clock) => {
  const limiter = createMemoryRateLimiter({ clock });
  return { limiter, second: limiter, cleanup: () => limiter.close() };
});
