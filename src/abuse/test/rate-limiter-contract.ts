import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { Clock } from '../../kernel/clock.ts';
import { type RateLimiter, RateLimiterUnavailableError, type Rule } from '../rate-limiter-ports.ts';
import {
  MINUTE,
  type RateLimiterUnderTest,
  SECOND,
  withRateLimiter,
} from './rate-limiter-fixture.ts';

/**
 * The guarantees every `RateLimiter` adapter gives (src/abuse/rate-limiter-ports.ts) across
 * keys, handles and rules: concurrency, several rules and steps at once, peeks, resets, a clock
 * that steps back, refused arguments and a closed limiter. Written against the port only.
 */
export function describeRateLimiterContract(
  name: string,
  open: (clock: Clock) => Promise<RateLimiterUnderTest>,
): void {
  describe(`RateLimiter contract: ${name}`, () => {
    let subject: RateLimiterUnderTest;
    let limiter: RateLimiter;
    let clock: FakeClock;
    const { perMinute, allowedOf } = withRateLimiter(
      open,
      (f) => ({ subject, limiter, clock } = f),
    );

    it('keeps keys independent, whatever they share as a prefix', async () => {
      const rule = perMinute(2);
      expect(await allowedOf('app_1:ip:1.2.3.4', rule, 3)).toBe(2);
      expect(await allowedOf('app_2:ip:1.2.3.4', rule, 3)).toBe(2);
      expect(await allowedOf('app_1:ip:1.2.3.4:x', rule, 3)).toBe(2);
      expect(await allowedOf('app_1:ip:1.2.3.', rule, 3)).toBe(2);
    });

    it('allows exactly max of 200 concurrent calls on one key, across both handles', async () => {
      const rule: Rule = { max: 37, windowSeconds: 3600 };
      const decisions = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 === 0 ? limiter : subject.second).consume('app_1:hot', rule),
        ),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(37);
      expect(new Set(decisions.filter((d) => d.allowed).map((d) => d.remaining)).size).toBe(37);
      expect((await subject.second.peek('app_1:hot', rule)).remaining).toBe(0);
    });

    it('allows exactly max units of concurrent calls with a cost', async () => {
      const rule: Rule = { max: 50, windowSeconds: 600 };
      const decisions = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 === 0 ? subject.second : limiter).consume('app_1:hot', rule, 3),
        ),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(16); // 48 units; 3 more won't fit
      expect(await limiter.consume('app_1:hot', rule, 2)).toMatchObject({ allowed: true });
    });

    it('decides several rules at once: counts under all or none', async () => {
      const short: Rule = { max: 2, windowSeconds: 10 };
      const long = perMinute(3);
      const rules = [short, long];
      expect(await allowedOf('k', rules, 3)).toBe(2);
      expect(await limiter.consume('k', rules)).toMatchObject({
        allowed: false,
        retryAfterMs: 10 * SECOND,
        rule: short,
      });
      clock.advance(10 * SECOND);
      expect(await limiter.consume('k', rules)).toMatchObject({
        allowed: true,
        remaining: 0, // the long rule's last unit
        rule: long,
      });
      expect(await limiter.consume('k', rules)).toMatchObject({
        allowed: false,
        retryAfterMs: 50 * SECOND,
        rule: long,
      });
      // The refusals under one rule counted nothing under the other.
      expect(await limiter.peek('k', short)).toMatchObject({ allowed: true, remaining: 0 });
      clock.advance(50 * SECOND);
      expect(await allowedOf('k', rules, 3)).toBe(2);
    });

    it('peeks without counting, answering what consume would', async () => {
      const rule = perMinute(2);
      await limiter.consume('k', rule);
      for (let i = 0; i < 5; i++) {
        expect(await limiter.peek('k', rule)).toEqual({
          allowed: true,
          remaining: 0,
          retryAfterMs: 0,
          resetAfterMs: MINUTE,
          rule,
        });
      }
      expect(await limiter.peek('k', rule, 2)).toMatchObject({ allowed: false, remaining: 1 });
      expect(await limiter.peek('fresh', rule)).toMatchObject({ allowed: true, remaining: 1 });
      expect(await allowedOf('k', rule, 2)).toBe(1);
    });

    it('resets one key under every window, leaving other keys alone', async () => {
      await allowedOf('k', perMinute(1), 1);
      await allowedOf('k', { max: 1, windowSeconds: 3600 }, 1);
      await allowedOf('other', perMinute(1), 1);
      await limiter.reset('k');
      await subject.second.reset('never-used');
      expect(await allowedOf('k', [perMinute(1), { max: 1, windowSeconds: 3600 }], 2)).toBe(1);
      expect(await allowedOf('other', perMinute(1), 1)).toBe(0);
    });

    it('never releases early when the clock steps back', async () => {
      const rule = perMinute(1);
      clock.advance(30 * SECOND);
      await limiter.consume('k', rule);
      clock.advance(-20 * SECOND);
      expect(await limiter.consume('k', rule)).toMatchObject({
        allowed: false,
        retryAfterMs: 80 * SECOND,
      });
      clock.advance(79 * SECOND);
      expect((await limiter.consume('k', rule)).allowed).toBe(false);
      clock.advance(SECOND);
      expect((await limiter.consume('k', rule)).allowed).toBe(true);
    });

    it('throws RangeError for invalid rules and costs, counting nothing', async () => {
      const rule = perMinute(1);
      const bad: [Rule | Rule[], number][] = [
        [rule, 0],
        [rule, 1.5],
        [{ max: -1, windowSeconds: 60 }, 1],
        [{ max: 1.5, windowSeconds: 60 }, 1],
        [{ max: 1, windowSeconds: 0 }, 1],
        [{ max: 1, windowSeconds: Number.NaN }, 1],
        [[], 1],
      ];
      for (const [rules, cost] of bad) {
        await expect(limiter.consume('k', rules, cost)).rejects.toThrow(RangeError);
      }
      expect(await allowedOf('k', rule, 2)).toBe(1);
    });

    it('decides steps in order: peeks count nothing, and the first refusal ends the rest', async () => {
      const rule = perMinute(2);
      await allowedOf('b', perMinute(1), 1); // b is spent
      const refused = await limiter.decideInOrder([
        { key: 'a', rules: rule, count: false },
        { key: 'a', rules: rule, count: true },
        { key: 'b', rules: perMinute(1), count: true },
        { key: 'c', rules: rule, count: true },
      ]);
      expect(refused).toMatchObject({
        step: 2,
        decision: { allowed: false, remaining: 0, retryAfterMs: MINUTE, rule: perMinute(1) },
      });
      // The step before the refusal stayed counted; the one after it counted nothing (a
      // peek's `remaining` is what would be left after one more).
      expect(await limiter.peek('a', rule)).toMatchObject({ allowed: true, remaining: 0 });
      expect(await limiter.peek('c', rule)).toMatchObject({ allowed: true, remaining: 1 });
    });

    it('answers null and counts every consuming step when all pass', async () => {
      const steps = [
        { key: 'x', rules: perMinute(3), count: false },
        { key: 'y', rules: [perMinute(3), { max: 5, windowSeconds: 3600 }], count: true },
        { key: 'z', rules: perMinute(3), cost: 2, count: true },
      ];
      expect(await limiter.decideInOrder(steps)).toBeNull();
      expect(await limiter.decideInOrder(steps)).toMatchObject({ step: 2 }); // z: 2 + 2 > 3
      expect(await limiter.peek('x', perMinute(3))).toMatchObject({ remaining: 2 });
      expect(await limiter.peek('y', { max: 5, windowSeconds: 3600 })).toMatchObject({
        remaining: 2,
      });
      expect(await limiter.decideInOrder([])).toBeNull();
    });

    it('refuses at a spent peek before counting any later step', async () => {
      await allowedOf('budget', perMinute(1), 1);
      const refused = await limiter.decideInOrder([
        { key: 'budget', rules: perMinute(1), count: false },
        { key: 'ip', rules: perMinute(5), count: true },
      ]);
      expect(refused?.step).toBe(0);
      expect(await limiter.peek('ip', perMinute(5))).toMatchObject({ remaining: 4 });
    });

    it('decides concurrent step lists atomically, across both handles', async () => {
      const steps = [
        { key: 'narrow', rules: { max: 10, windowSeconds: 600 }, count: true },
        { key: 'wide', rules: { max: 1000, windowSeconds: 600 }, count: true },
      ];
      const outcomes = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (i % 2 === 0 ? limiter : subject.second).decideInOrder(steps),
        ),
      );
      expect(outcomes.filter((o) => o === null)).toHaveLength(10);
      // Only the lists that passed `narrow` reached `wide`.
      expect(await limiter.peek('wide', { max: 1000, windowSeconds: 600 })).toMatchObject({
        remaining: 989,
      });
    });

    it('throws RangeError for a bad rule in any step, counting nothing', async () => {
      const steps = [
        { key: 'k', rules: perMinute(1), count: true },
        { key: 'j', rules: { max: -1, windowSeconds: 60 }, count: true },
      ];
      await expect(limiter.decideInOrder(steps)).rejects.toThrow(RangeError);
      expect(await allowedOf('k', perMinute(1), 1)).toBe(1);
    });

    it('throws RateLimiterUnavailableError once closed', async () => {
      await limiter.close();
      await expect(limiter.consume('k', perMinute(1))).rejects.toThrow(RateLimiterUnavailableError);
      await expect(limiter.reset('k')).rejects.toThrow(RateLimiterUnavailableError);
    });
  });
}
