import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type RateLimiter,
  RateLimiterUnavailableError,
  type Rule,
} from '../../src/abuse/rate-limiter-ports.ts';
import type { Clock } from '../../src/kernel/clock.ts';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.ts';

/** A limiter under test, on fresh empty state, driven by `clock`. */
export interface RateLimiterUnderTest {
  limiter: RateLimiter;
  /** Another handle on the same state — for a shared backend, over its own connection. */
  second: RateLimiter;
  /** Closes both handles and deletes every trace the test left in the backend. */
  cleanup: () => Promise<void>;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The guarantees every `RateLimiter` adapter gives (src/abuse/rate-limiter-ports.ts), written
 * against the port only. The fake clock starts on a whole hour, so with a 60 s window each
 * whole second is its own slot and the algorithm is exact there; where hits share a slot the
 * port's stated bound (window / 60) is what is checked.
 */
export function describeRateLimiterContract(
  name: string,
  open: (clock: Clock) => Promise<RateLimiterUnderTest>,
): void {
  describe(`RateLimiter contract: ${name}`, () => {
    let subject: RateLimiterUnderTest;
    let limiter: RateLimiter;
    let clock: FakeClock;
    beforeEach(async () => {
      clock = createFakeClock();
      subject = await open(clock);
      limiter = subject.limiter;
    });
    afterEach(() => subject.cleanup());

    const perMinute = (max: number): Rule => ({ max, windowSeconds: 60 });
    const allowedOf = async (key: string, rule: Rule | Rule[], n: number, cost = 1) => {
      let allowed = 0;
      for (let i = 0; i < n; i++) if ((await limiter.consume(key, rule, cost)).allowed) allowed++;
      return allowed;
    };

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
