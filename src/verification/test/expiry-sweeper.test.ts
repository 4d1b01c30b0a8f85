import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { createExpirySweeper } from '../expiry-sweeper.ts';

describe('the expiry sweeper', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sweeps every interval from an interval after start, one sweep at a time', async () => {
    vi.useFakeTimers();
    let sweeps = 0;
    let listing = 0;
    let mostAtOnce = 0;
    let finishListing = () => {};
    const sweeper = createExpirySweeper({
      store: {
        // Each listing stays in progress until the test ends it: a sweep slower than the interval.
        listExpiredPending: () =>
          new Promise((resolve) => {
            sweeps++;
            listing++;
            mostAtOnce = Math.max(mostAtOnce, listing);
            finishListing = () => {
              listing--;
              resolve([]);
            };
          }),
        finishVerification: async () => undefined,
      },
      events: { forApp: async () => undefined },
      clock: createFakeClock(),
      logger: pino({ level: 'silent' }),
      intervalMs: 1_000,
    });
    sweeper.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(sweeps).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sweeps).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sweeps).toBe(1);
    finishListing();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sweeps).toBe(2);
    expect(mostAtOnce).toBe(1);
    const stopping = sweeper.stop();
    finishListing();
    await stopping;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sweeps).toBe(2);
  });

  it('keeps sweeping after a failed sweep, with a warning', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    let calls = 0;
    const sweeper = createExpirySweeper({
      store: {
        listExpiredPending: async () => {
          calls++;
          if (calls === 1) throw new Error('connection terminated');
          return [];
        },
        finishVerification: async () => undefined,
      },
      events: { forApp: async () => undefined },
      clock: createFakeClock(),
      logger: pino({ level: 'warn' }, { write: (line: string) => lines.push(line) }),
      intervalMs: 1_000,
    });
    sweeper.start();
    await vi.advanceTimersByTimeAsync(2_000);
    await sweeper.stop();
    expect(calls).toBe(2);
    expect(lines.join('')).toContain('expiry sweep failed; will try again');
  });
});
