import type { Clock } from '../../src/kernel/clock.ts';

export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock that moves only when told to (I8). */
export function createFakeClock(start = Date.parse('2026-01-01T00:00:00Z')): FakeClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
