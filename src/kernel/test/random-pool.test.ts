import { describe, expect, it } from 'vitest';
import { randomBytesPooled } from '../random-pool.ts';

describe('randomBytesPooled', () => {
  it('hands out fresh bytes every time, across refills of the pool', () => {
    const seen = new Set<string>();
    // 600 takes of 16 bytes cross two refills of the 4 KiB pool; 7 does not divide 4096, so
    // the takes of 7 meet a pool's end with bytes left over.
    for (let i = 0; i < 600; i++) seen.add(randomBytesPooled(16).toString('hex'));
    for (let i = 0; i < 600; i++) {
      const bytes = randomBytesPooled(7);
      expect(bytes).toHaveLength(7);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(1200);
  });

  it('gives each caller its own copy', () => {
    const first = randomBytesPooled(32);
    const copy = Buffer.from(first);
    randomBytesPooled(32);
    expect(first.equals(copy)).toBe(true);
  });

  it('is not all zeros, nor one repeated byte', () => {
    const bytes = randomBytesPooled(256);
    expect(new Set(bytes).size).toBeGreaterThan(100);
  });

  it('refuses sizes it cannot take from one pool', () => {
    expect(() => randomBytesPooled(0)).toThrow(RangeError);
    expect(() => randomBytesPooled(257)).toThrow(RangeError);
    expect(() => randomBytesPooled(1.5)).toThrow(RangeError);
  });
});
