import { setImmediate as turnEnds } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { onceByKey, turnBatch } from '../turn-batch.ts';

describe('turnBatch', () => {
  it('runs what one turn handed in as one batch, and what the next turn hands in as another', async () => {
    const batches: number[][] = [];
    const add = turnBatch(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    });
    const first = [add(1), add(2), add(3)];
    expect(batches).toEqual([]);
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
    await turnEnds();
    await Promise.all([add(4), add(5)]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it("answers each call when its batch is done, and a batch's failure to its own calls only", async () => {
    let runs = 0;
    const add = turnBatch(async (items: string[]) => {
      runs++;
      if (items.includes('bad')) throw new Error('the batch failed');
      return items;
    });
    const failed = [add('a'), add('bad')];
    await expect(Promise.all(failed)).rejects.toThrow('the batch failed');
    await expect(failed[0]).rejects.toThrow('the batch failed');
    await expect(add('c')).resolves.toBe('c');
    expect(runs).toBe(2);
  });

  it('puts what is handed in while a batch runs into the next one', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const add = turnBatch(async (items: string[]) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items;
    });
    const first = add('a');
    await turnEnds();
    const second = add('b');
    release();
    await Promise.all([first, second]);
    expect(batches).toEqual([['a'], ['b']]);
  });
});

describe('onceByKey', () => {
  const key = (item: string) => item.slice(0, 1);

  it("batches each key's first item, then runs its later ones alone, in order", async () => {
    const calls: string[] = [];
    const answers = await onceByKey(
      ['a1', 'b1', 'a2'],
      key,
      async (items) => {
        calls.push(items.join('+'));
        return items.map((item) => `together ${item}`);
      },
      async (item) => {
        calls.push(item);
        return `alone ${item}`;
      },
    );
    expect(calls).toEqual(['a1+b1', 'a2']);
    expect(answers).toEqual(['together a1', 'together b1', 'alone a2']);
  });

  it('runs a batch PostgreSQL ended in a deadlock again one by one, and rethrows anything else', async () => {
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const alone = async (item: string) => `alone ${item}`;
    const failing = (error: Error) => async () => Promise.reject(error);
    expect(await onceByKey(['a1', 'b1'], key, failing(deadlock), alone)).toEqual([
      'alone a1',
      'alone b1',
    ]);
    await expect(onceByKey(['a1'], key, failing(new Error('disk full')), alone)).rejects.toThrow(
      'disk full',
    );
  });
});
