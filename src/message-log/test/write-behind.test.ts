import { describe, expect, it } from 'vitest';
import { writeErrorSummary } from '../adapters/message-log-writes.ts';
import { createWriteBehind } from '../adapters/write-behind.ts';

/** A write-behind queue over a recording fake: which writes went together, and in what order. */
function recording(options: { maxBatch?: number; failOn?: number } = {}) {
  const batches: number[][] = [];
  const failures: number[] = [];
  const behind = createWriteBehind<number, number>({
    applyBatch: async (ops) => {
      batches.push([...ops]);
      if (options.failOn !== undefined && ops.includes(options.failOn)) throw new Error('boom');
      return ops.map((op) => op * 10);
    },
    applyOne: async (op) => {
      batches.push([op]);
      if (op === options.failOn) throw new Error(`bad ${op}`);
      return op * 10;
    },
    delayMs: 0,
    maxBatch: options.maxBatch ?? 100,
    onBatchFailed: (_error, size) => failures.push(size),
  });
  return { behind, batches, failures };
}

describe('write-behind batches', () => {
  it('sends writes made together as one batch, each caller getting its own result', async () => {
    const { behind, batches } = recording();
    const results = await Promise.all([1, 2, 3].map((n) => behind.write(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('sends a full batch at once, then the rest after it, in order', async () => {
    const { behind, batches } = recording({ maxBatch: 2 });
    const writes = [1, 2, 3, 4, 5].map((n) => behind.write(n));
    // The first full batch went before this turn ended.
    expect(batches).toEqual([]);
    await Promise.resolve();
    expect(batches).toEqual([[1, 2]]);
    await Promise.all(writes);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('retries a failed batch one by one: only the bad write fails', async () => {
    const { behind, batches, failures } = recording({ failOn: 2 });
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => behind.write(n)));
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('bad 2') },
      { status: 'fulfilled', value: 30 },
    ]);
    expect(failures).toEqual([3]);
    expect(batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('flushes: settles once every write queued before it has been tried', async () => {
    const { behind, batches } = recording();
    void behind.write(1);
    void behind.write(2);
    await behind.flush();
    expect(batches).toEqual([[1, 2]]);
    await behind.flush();
    expect(batches).toEqual([[1, 2]]);
  });
});

describe('a failed write in the process log', () => {
  it('keeps the database error code and drops every quoted value', () => {
    const error = Object.assign(
      new Error('invalid input syntax for type bigint: "+905551234567" near \'123456\''),
      { code: '22P02' },
    );
    const summary = writeErrorSummary(error);
    expect(summary.code).toBe('22P02');
    expect(summary.reason).not.toContain('905551234567');
    expect(summary.reason).not.toContain('123456');
    expect(summary.reason).toContain('invalid input syntax for type bigint');
  });
});
