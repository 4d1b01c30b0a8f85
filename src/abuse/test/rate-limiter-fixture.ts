import { afterEach, beforeEach } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { RateLimiter, Rule } from '../rate-limiter-ports.ts';

/* What the rate-limiter-*contract.ts files share: the limiter under test and its clock. */

/** A limiter under test, on fresh empty state, driven by `clock`. */
export interface RateLimiterUnderTest {
  limiter: RateLimiter;
  /** Another handle on the same state — for a shared backend, over its own connection. */
  second: RateLimiter;
  /** Closes both handles and deletes every trace the test left in the backend. */
  cleanup: () => Promise<void>;
}

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** What every test of a rate limiter contract starts from. */
export interface RateLimiterFixture {
  subject: RateLimiterUnderTest;
  limiter: RateLimiter;
  clock: FakeClock;
}

/**
 * Sets up the calling describe block's tests: before each, a fake clock on a whole hour and a
 * limiter on fresh state from `open`, handed to `bind`; after each, the limiter's cleanup.
 * Returns the helpers that count calls on it.
 */
export function withRateLimiter(
  open: (clock: Clock) => Promise<RateLimiterUnderTest>,
  bind: (fixture: RateLimiterFixture) => void,
) {
  let subject: RateLimiterUnderTest;
  beforeEach(async () => {
    const clock = createFakeClock();
    subject = await open(clock);
    bind({ subject, limiter: subject.limiter, clock });
  });
  afterEach(() => subject.cleanup());

  const perMinute = (max: number): Rule => ({ max, windowSeconds: 60 });
  const allowedOf = async (key: string, rule: Rule | Rule[], n: number, cost = 1) => {
    let allowed = 0;
    for (let i = 0; i < n; i++)
      if ((await subject.limiter.consume(key, rule, cost)).allowed) allowed++;
    return allowed;
  };

  return { perMinute, allowedOf };
}
