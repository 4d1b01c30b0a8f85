import { describe, expect, it } from 'vitest';
import { generateCode, MAX_CODE_LENGTH, MIN_CODE_LENGTH } from '../domain/codes.ts';

/** Pearson's chi-square statistic of observed counts against a uniform expectation. */
function chiSquare(counts: number[], total: number): number {
  const expected = total / counts.length;
  return counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
}

describe('generateCode', () => {
  it('honours every length from 4 to 10 and uses digits only', () => {
    expect([MIN_CODE_LENGTH, MAX_CODE_LENGTH]).toEqual([4, 10]);
    for (let length = 4; length <= 10; length++) {
      for (let i = 0; i < 200; i++) {
        expect(generateCode(length)).toMatch(new RegExp(`^[0-9]{${length}}$`));
      }
    }
  });

  it('refuses lengths outside 4..10 and non-integers', () => {
    for (const length of [3, 11, 0, -1, 4.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => generateCode(length), `length ${length}`).toThrow(RangeError);
    }
  });

  // 20k codes of length 4: every digit in every position appears with uniform frequency.
  // With 9 degrees of freedom a statistic above 60 has probability about 1e-9 for a
  // uniform source, so this does not flake; a generator that skipped leading zeros (or
  // favoured any digit by a few percent) lands far above it.
  it('draws digits uniformly in every position, leading zeros included', () => {
    const total = 20_000;
    const counts = Array.from({ length: 4 }, () => new Array<number>(10).fill(0));
    let leadingZeros = 0;
    for (let i = 0; i < total; i++) {
      const code = generateCode(4);
      if (code.startsWith('0')) leadingZeros++;
      for (let position = 0; position < 4; position++) {
        const row = counts[position] as number[];
        const digit = Number(code[position]);
        row[digit] = (row[digit] as number) + 1;
      }
    }
    expect(leadingZeros).toBeGreaterThan(0);
    for (const row of counts) {
      expect(chiSquare(row, total)).toBeLessThan(60);
    }
  });

  it('reaches codes across the whole range at the longest length', () => {
    const firstDigits = new Set<string>();
    for (let i = 0; i < 500; i++) firstDigits.add(generateCode(10)[0] as string);
    // 500 draws miss one of ten first digits with probability below 1e-20.
    expect(firstDigits.size).toBe(10);
  });
});
