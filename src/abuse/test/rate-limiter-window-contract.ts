import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { RateLimiter, Rule } from '../rate-limiter-ports.ts';
import {
  HOUR,
  MINUTE,
  type RateLimiterUnderTest,
  SECOND,
  withRateLimiter,
} from './rate-limiter-fixture.ts';

/**
 * The guarantees every `RateLimiter` adapter gives (src/abuse/rate-limiter-ports.ts) of one
 * sliding window, written against the port only. The fake clock starts on a whole hour, so with
 * a 60 s window each whole second is its own slot and the algorithm is exact there; where hits
 * share a slot the port's stated bound (window / 60) is what is checked.
 */
export function describeRateLimiterWindowContract(
  name: string,
  open: (clock: Clock) => Promise<RateLimiterUnderTest>,
): void {
  describe(`RateLimiter contract, one window: ${name}`, () => {
    let limiter: RateLimiter;
    let clock: FakeClock;
    const { perMinute, allowedOf } = withRateLimiter(open, (f) => ({ limiter, clock } = f));

    it('allows exactly max in a window, then refuses until the oldest call leaves', async () => {
      const rule = perMinute(3);
      const remaining: number[] = [];
      for (const at of [0, 10, 20]) {
        clock.set(Date.parse('2026-01-01T00:00:00Z') + at * SECOND);
        const decision = await limiter.consume('app_1:k', rule);
        expect(decision).toMatchObject({ allowed: true, retryAfterMs: 0, rule });
        remaining.push(decision.remaining);
      }
      expect(remaining).toEqual([2, 1, 0]);
      clock.advance(5 * SECOND); // t = 25 s
      const refused = await limiter.consume('app_1:k', rule);
      expect(refused).toEqual({
        allowed: false,
        remaining: 0,
        retryAfterMs: 35 * SECOND, // the call at 0 s leaves at 60 s
        resetAfterMs: 55 * SECOND, // the call at 20 s leaves at 80 s
        rule,
      });
      clock.advance(refused.retryAfterMs - 1);
      expect((await limiter.consume('app_1:k', rule)).allowed).toBe(false);
      clock.advance(1);
      expect(await limiter.consume('app_1:k', rule)).toMatchObject({ allowed: true, remaining: 0 });
    });

    it('does not count refused calls', async () => {
      const rule = perMinute(2);
      expect(await allowedOf('k', rule, 2)).toBe(2);
      clock.advance(SECOND);
      expect(await allowedOf('k', rule, 50)).toBe(0);
      clock.advance(59 * SECOND); // both counted calls have left; fifty refusals left nothing
      expect(await allowedOf('k', rule, 3)).toBe(2);
    });

    it('slides: capacity comes back call by call, all of it one window after the last', async () => {
      const rule = perMinute(4);
      for (const gap of [0, 20, 20, 10]) {
        clock.advance(gap * SECOND);
        expect((await limiter.consume('k', rule)).allowed).toBe(true);
      } // calls at 0, 20, 40, 50 s
      clock.advance(10 * SECOND); // 60 s: the first has left
      expect(await allowedOf('k', rule, 2)).toBe(1);
      clock.advance(20 * SECOND); // 80 s: the second has left
      expect(await allowedOf('k', rule, 2)).toBe(1);
      clock.advance(80 * SECOND); // 160 s: one window after the last call at 80 s
      expect(await limiter.peek('k', rule)).toMatchObject({ allowed: true, remaining: 3 });
      expect(await allowedOf('k', rule, 5)).toBe(4);
    });

    it('has no burst at window edges, unlike fixed windows', async () => {
      const rule = perMinute(4);
      clock.advance(59 * SECOND);
      expect(await allowedOf('k', rule, 4)).toBe(4);
      clock.advance(2 * SECOND); // a new fixed minute, but the same sliding one
      expect(await limiter.consume('k', rule)).toMatchObject({
        allowed: false,
        retryAfterMs: 58 * SECOND,
      });
    });

    it('refuses the third request from one IP within an hour (2 per hour), allows it after', async () => {
      const rule: Rule = { max: 2, windowSeconds: 3600 };
      const key = 'app_1:create:ip:203.0.113.7';
      expect((await limiter.consume(key, rule)).allowed).toBe(true);
      clock.advance(10 * MINUTE);
      expect((await limiter.consume(key, rule)).allowed).toBe(true);
      clock.advance(49 * MINUTE);
      expect(await limiter.consume(key, rule)).toMatchObject({
        allowed: false,
        retryAfterMs: MINUTE,
      });
      clock.advance(MINUTE);
      expect((await limiter.consume(key, rule)).allowed).toBe(true);
    });

    it('releases calls sharing a slot with their slot’s last one, at most window / 60 late', async () => {
      const rule = perMinute(2); // slots of 1 s
      await limiter.consume('k', rule);
      clock.advance(400);
      await limiter.consume('k', rule);
      const refused = await limiter.consume('k', rule);
      // Exact would be 59.6 s (the first call leaves at 60 s); the slot's last call is at 0.4 s.
      expect(refused.retryAfterMs).toBe(60 * SECOND);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(59_600 + SECOND);
      clock.advance(refused.retryAfterMs);
      expect(await allowedOf('k', rule, 3)).toBe(2);
    });

    it('counts a cost of several units, and waits for enough of them to leave', async () => {
      const rule = perMinute(10);
      expect(await limiter.consume('k', rule, 4)).toMatchObject({ allowed: true, remaining: 6 });
      clock.advance(10 * SECOND);
      expect(await limiter.consume('k', rule, 4)).toMatchObject({ allowed: true, remaining: 2 });
      clock.advance(10 * SECOND);
      const refused = await limiter.consume('k', rule, 7); // needs 5 back: both calls must leave
      expect(refused).toMatchObject({ allowed: false, remaining: 2, retryAfterMs: 50 * SECOND });
      expect(await limiter.consume('k', rule, 3)).toMatchObject({ allowed: false, remaining: 2 });
      expect(await limiter.consume('k', rule, 2)).toMatchObject({ allowed: true, remaining: 0 });
      clock.advance(40 * SECOND); // the first 4 units leave
      expect(await limiter.consume('k', rule, 4)).toMatchObject({ allowed: true, remaining: 0 });
    });

    it('refuses a cost above max with one full window, counting nothing', async () => {
      const rule = perMinute(3);
      expect(await limiter.consume('k', rule, 4)).toEqual({
        allowed: false,
        remaining: 3,
        retryAfterMs: MINUTE,
        resetAfterMs: 0,
        rule,
      });
      expect(await allowedOf('k', rule, 4)).toBe(3);
    });

    it('reads max 0 as "refuse every call", never as "no limit"', async () => {
      const zero: Rule = { max: 0, windowSeconds: 3600 };
      for (let i = 0; i < 3; i++) {
        expect(await limiter.consume('k', zero)).toEqual({
          allowed: false,
          remaining: 0,
          retryAfterMs: HOUR,
          resetAfterMs: 0,
          rule: zero,
        });
      }
      // Nothing was counted: a rule of another window on the same key still has it all.
      expect(await limiter.consume('k', perMinute(1))).toMatchObject({ allowed: true });
      expect(await limiter.consume('k', [perMinute(5), zero])).toMatchObject({
        allowed: false,
        rule: zero,
      });
    });
  });
}
