import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPollingLoop, type PollingLoopDeps } from '../polling-loop.ts';

const silent = pino({ level: 'silent' });

/** A round that stays in progress until `finish()`, counting how many run at once. */
function heldRounds() {
  const state = { started: 0, running: 0, mostAtOnce: 0, finish: () => {} };
  const round = () =>
    new Promise<void>((resolve) => {
      state.started++;
      state.running++;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
      state.finish = () => {
        state.running--;
        resolve();
      };
    });
  return { state, round };
}

function loopOf(deps: Partial<PollingLoopDeps> & Pick<PollingLoopDeps, 'round'>) {
  return createPollingLoop({ intervalMs: 1_000, logger: silent, failure: 'round failed', ...deps });
}

describe('the polling loop', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a round at start, then intervalMs after each round ends', async () => {
    vi.useFakeTimers();
    let rounds = 0;
    const loop = loopOf({ round: async () => void rounds++ });
    loop.start();
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(2);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(rounds).toBe(5);
    await loop.stop();
  });

  it('waits intervalMs before the first round when told to', async () => {
    vi.useFakeTimers();
    let rounds = 0;
    const loop = loopOf({ round: async () => void rounds++, delayFirstRound: true });
    loop.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(rounds).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(1);
    await loop.stop();
  });

  it('never starts a round while one is in progress, however long it takes', async () => {
    vi.useFakeTimers();
    const { state, round } = heldRounds();
    const loop = loopOf({ round });
    loop.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.started).toBe(1);
    state.finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.started).toBe(2);
    expect(state.mostAtOnce).toBe(1);
    state.finish();
    await loop.stop();
  });

  it('logs a failed round at the level given and goes on', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    let rounds = 0;
    const loop = loopOf({
      round: async () => {
        rounds++;
        if (rounds === 1) throw new Error('database is locked');
      },
      logger,
      failure: 'sweep failed; will try again',
      failureLevel: 'warn',
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(2_000);
    await loop.stop();
    expect(rounds).toBe(3);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({ level: 40, msg: 'sweep failed; will try again' });
    expect(line.err.message).toBe('database is locked');
  });

  it('logs a failed round as an error by default', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const loop = loopOf({
      round: async () => {
        throw new Error('no connection');
      },
      logger,
    });
    loop.start();
    await loop.stop();
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 50, msg: 'round failed' });
  });

  it('stops only once the round in progress has ended, and runs none after', async () => {
    vi.useFakeTimers();
    const { state, round } = heldRounds();
    const loop = loopOf({ round });
    loop.start();
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(stopped).toBe(false);
    state.finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.started).toBe(1);
  });

  it('stops at once in the middle of a wait, without the clock moving', async () => {
    vi.useFakeTimers();
    let rounds = 0;
    const loop = loopOf({ round: async () => void rounds++, intervalMs: 3_600_000 });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    await loop.stop();
    expect(rounds).toBe(1);
  });

  it('started again before a stop has finished, begins its round once the old one ends', async () => {
    vi.useFakeTimers();
    const { state, round } = heldRounds();
    const loop = loopOf({ round });
    loop.start();
    const stopping = loop.stop();
    loop.start();
    loop.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(state.started).toBe(1);
    state.finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(0);
    expect(state.started).toBe(2);
    expect(state.mostAtOnce).toBe(1);
    state.finish();
    await loop.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.started).toBe(2);
  });

  it('runs a round coalesceMs after a wake instead of waiting out the interval', async () => {
    vi.useFakeTimers();
    let rounds = 0;
    const loop = loopOf({ round: async () => void rounds++, intervalMs: 60_000, coalesceMs: 5 });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    loop.wake();
    loop.wake();
    await vi.advanceTimersByTimeAsync(5);
    expect(rounds).toBe(2);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(rounds).toBe(2);
    await loop.stop();
  });

  it('keeps no timer that holds the process open', async () => {
    // Real timers, short waits: a spy on the fake clock's setTimeout would outlive the fake
    // clock and leave every later test file in this worker without a working setTimeout.
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    try {
      let rounds = 0;
      const loop = loopOf({
        round: async () => void rounds++,
        intervalMs: 10,
        coalesceMs: 1,
        delayFirstRound: true,
      });
      loop.start();
      await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(1));
      loop.wake();
      await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(2));
      await loop.stop();
      const timers = setTimeoutSpy.mock.results
        .map((r) => r.value as NodeJS.Timeout)
        .filter((t) => typeof t?.hasRef === 'function');
      expect(timers.length).toBeGreaterThanOrEqual(2);
      expect(timers.filter((t) => t.hasRef())).toEqual([]);
    } finally {
      setTimeoutSpy.mockRestore();
    }
  });
});
