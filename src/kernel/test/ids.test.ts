import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../ids.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const SHAPE = /^ver_[0-9a-hjkmnp-tv-z]{26}$/;

describe('newId', () => {
  it('starts with its prefix and has 26 Crockford base32 characters after it', () => {
    expect(newId('ver', T0)).toMatch(SHAPE);
    expect(newId('job', T0).startsWith('job_')).toBe(true);
    expect(newId('key').startsWith('key_')).toBe(true);
  });

  it('is unique for the same millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('ver', T0)));
    expect(ids.size).toBe(10_000);
  });

  it('sorts by creation time, including across carries of the time digits', () => {
    const times = [0, 31, 32, 1023, 1024, T0 - 1, T0, T0 + 1, T0 + 31, T0 + 32, 2 ** 48 - 1];
    const ids = times.map((t) => newId('ver', t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('orders any two ids of different milliseconds by their time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        (a, b) => {
          fc.pre(a !== b);
          const [x, y] = [newId('ver', a), newId('ver', b)];
          expect(x < y).toBe(a < b);
        },
      ),
    );
  });

  it('encodes the time in the first ten characters', () => {
    const a = newId('ver', T0).slice(4, 14);
    const b = newId('ver', T0).slice(4, 14);
    expect(a).toBe(b);
    expect(newId('ver', T0 + 1).slice(4, 14)).not.toBe(a);
  });
});
