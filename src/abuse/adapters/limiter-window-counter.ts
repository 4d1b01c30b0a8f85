import type { RateLimiter } from '../rate-limiter-ports.ts';
import type { WindowCounter } from '../window-counter-ports.ts';

/**
 * A rule no count reaches: the limiter then always allows, and its `remaining` tells the
 * count (max − remaining).
 */
export const COUNTER_MAX = 1_000_000_000;

/**
 * A WindowCounter over any RateLimiter adapter (memory or Redis), so counts share the
 * limiter's backend, atomicity, precision and key prefix. `consume` reports `remaining`
 * after counting; `peek` reports it as if one more were counted.
 */
export function createLimiterWindowCounter(limiter: RateLimiter): WindowCounter {
  const rule = (windowSeconds: number) => ({ max: COUNTER_MAX, windowSeconds });
  return {
    async add(key, windowSeconds) {
      const decision = await limiter.consume(key, rule(windowSeconds));
      return COUNTER_MAX - decision.remaining;
    },
    async read(key, windowSeconds) {
      const decision = await limiter.peek(key, rule(windowSeconds));
      return COUNTER_MAX - decision.remaining - 1;
    },
    reset: (key) => limiter.reset(key),
  };
}
