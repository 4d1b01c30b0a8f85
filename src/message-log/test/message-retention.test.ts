import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { createMessageRetention } from '../message-retention.ts';

const DAY = 86_400_000;

describe('message log retention', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('purges at start and then every interval, up to the retention before the clock', async () => {
    vi.useFakeTimers();
    const clock = createFakeClock();
    const cutoffs: number[] = [];
    const retention = createMessageRetention({
      messageLog: {
        purgeOlderThan: async (t) => {
          cutoffs.push(t);
          return 0;
        },
      },
      clock,
      logger: pino({ level: 'silent' }),
      retentionDays: 90,
      intervalMs: 60_000,
    });
    retention.start();
    expect(cutoffs).toEqual([clock.now() - 90 * DAY]);
    clock.advance(DAY);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cutoffs).toEqual([clock.now() - 91 * DAY, clock.now() - 90 * DAY]);
    await retention.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(cutoffs).toHaveLength(2);
  });

  it('keeps going after a failed purge, with a warning', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    let calls = 0;
    const retention = createMessageRetention({
      messageLog: {
        purgeOlderThan: async () => {
          calls++;
          if (calls === 1) throw new Error('database is locked');
          return 3;
        },
      },
      clock: createFakeClock(),
      logger,
      retentionDays: 1,
      intervalMs: 1_000,
    });
    retention.start();
    await vi.advanceTimersByTimeAsync(1_000);
    await retention.stop();
    expect(calls).toBe(2);
    expect(lines.join('')).toContain('purge of message log entries failed; will try again');
  });

  it('never starts a purge while one is in progress, however long it takes', async () => {
    vi.useFakeTimers();
    let purges = 0;
    let finishPurge = () => {};
    const retention = createMessageRetention({
      messageLog: {
        purgeOlderThan: () =>
          new Promise((resolve) => {
            purges++;
            finishPurge = () => resolve(0);
          }),
      },
      clock: createFakeClock(),
      logger: pino({ level: 'silent' }),
      retentionDays: 1,
      intervalMs: 1_000,
    });
    retention.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(purges).toBe(1);
    finishPurge();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(purges).toBe(2);
    const stopping = retention.stop();
    finishPurge();
    await stopping;
  });
});
