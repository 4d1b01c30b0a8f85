import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../src/kernel/heap-growth.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('limitHeapGrowth', () => {
  it('tells V8 to collect once the heap has grown by half what survived', () => {
    // Not applied for real: the test worker's own collections are none of this test's business.
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    limitHeapGrowth();
    expect(HEAP_GROWING_PERCENT).toBe(50);
    expect(set).toHaveBeenCalledWith('--heap-growing-percent=50');
  });

  it('runs first thing when the server starts', () => {
    const main = readFileSync(join(import.meta.dirname, '../../src/main.ts'), 'utf8');
    const body = main.slice(main.indexOf('async function main(): Promise<void> {'));
    expect(body.split('\n')[1]?.trim()).toBe('limitHeapGrowth();');
  });
});
