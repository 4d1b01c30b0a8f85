import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  type KeyState,
  prune,
  record,
  SLOTS_PER_WINDOW,
  slotMsOf,
} from '../adapters/sliding-window.ts';
import type { Rule } from '../rate-limiter-ports.ts';

interface Counted {
  at: number;
  cost: number;
}

/** Units an exact sliding log holds at `now` for a window of `windowMs`. */
const exactUsed = (log: Counted[], now: number, windowMs: number) =>
  log.filter((c) => c.at > now - windowMs).reduce((sum, c) => sum + c.cost, 0);

/** The earliest time ≥ now at which an exact log would let `cost` more units in. */
function exactAllowedAt(log: Counted[], now: number, rule: Rule, cost: number): number {
  const windowMs = rule.windowSeconds * 1000;
  const candidates = [now, ...log.map((c) => c.at + windowMs).filter((t) => t > now)].sort(
    (a, b) => a - b,
  );
  for (const t of candidates) {
    if (exactUsed(log, t, windowMs) + cost <= rule.max) return t;
  }
  throw new Error('unreachable: every unit leaves eventually');
}

const calls = fc.array(
  fc.record({ gapMs: fc.integer({ min: 0, max: 9_000 }), cost: fc.integer({ min: 1, max: 3 }) }),
  { minLength: 1, maxLength: 150 },
);
const rules = fc.record({
  max: fc.integer({ min: 1, max: 12 }),
  windowSeconds: fc.integer({ min: 1, max: 120 }),
});

describe('sliding window', () => {
  it('never lets more than max units into any window, and is late by at most a slot', () => {
    fc.assert(
      fc.property(rules, calls, (rule, sequence) => {
        const windowMs = rule.windowSeconds * 1000;
        const state: KeyState = new Map();
        const log: Counted[] = [];
        let now = Date.parse('2026-01-01T00:00:00Z') + 123;
        for (const { gapMs, cost } of sequence) {
          now += gapMs;
          prune(state, now);
          const decision = evaluate(state, [rule], cost, now);
          if (decision.allowed) {
            record(state, [rule], cost, now);
            log.push({ at: now, cost });
            // Every window ending at a counted unit holds at most max units.
            expect(exactUsed(log, now, windowMs)).toBeLessThanOrEqual(rule.max);
            // Units sharing a slot leave with its last one, so the window may still count a
            // unit an exact log has let go, but never one more than a slot past its window.
            const exactRemaining = rule.max - exactUsed(log, now, windowMs);
            expect(decision.remaining).toBeLessThanOrEqual(exactRemaining);
            const slotLateUsed = exactUsed(log, now, windowMs + slotMsOf(windowMs));
            expect(decision.remaining).toBeGreaterThanOrEqual(Math.max(0, rule.max - slotLateUsed));
          } else if (cost <= rule.max) {
            const exact = exactAllowedAt(log, now, rule, cost) - now;
            expect(decision.retryAfterMs).toBeGreaterThanOrEqual(exact);
            expect(decision.retryAfterMs).toBeLessThanOrEqual(exact + slotMsOf(windowMs));
            // And it is the real wait: one ms earlier is still refused.
            expect(evaluate(state, [rule], cost, now + decision.retryAfterMs - 1).allowed).toBe(
              false,
            );
            expect(evaluate(state, [rule], cost, now + decision.retryAfterMs).allowed).toBe(true);
          }
          const slots = state.get(windowMs) ?? [];
          expect(slots.length).toBeLessThanOrEqual(SLOTS_PER_WINDOW + 1);
        }
      }),
      {
        numRuns: 300,
        // Found by a random run: units sharing a slot at the window's far edge.
        examples: [
          [
            { max: 4, windowSeconds: 17 },
            [
              { gapMs: 0, cost: 1 },
              { gapMs: 3, cost: 2 },
              { gapMs: 8003, cost: 2 },
              { gapMs: 8994, cost: 1 },
              { gapMs: 0, cost: 1 },
            ],
          ],
        ],
      },
    );
  });

  it('is exact when every unit has a slot of its own', () => {
    const rule: Rule = { max: 3, windowSeconds: 60 };
    const state: KeyState = new Map();
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (const at of [0, 1_000, 2_000]) record(state, [rule], 1, start + at);
    expect(evaluate(state, [rule], 1, start + 30_000).retryAfterMs).toBe(30_000);
    expect(evaluate(state, [rule], 2, start + 30_000).retryAfterMs).toBe(31_000);
    expect(evaluate(state, [rule], 3, start + 30_000).retryAfterMs).toBe(32_000);
  });

  it('keeps at most 61 slots per window whatever max is', () => {
    const rule: Rule = { max: 1_000_000, windowSeconds: 3600 };
    const state: KeyState = new Map();
    let now = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 20_000; i++) {
      now += 997;
      prune(state, now);
      record(state, [rule], 1, now);
    }
    expect(state.get(3_600_000)?.length).toBeLessThanOrEqual(SLOTS_PER_WINDOW + 1);
    expect(evaluate(state, [rule], 1, now).remaining).toBeGreaterThan(1_000_000 - 3_700);
  });
});
