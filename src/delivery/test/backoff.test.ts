import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffDelay } from '../backoff.ts';

const justUnderOne = () => 1 - Number.EPSILON;

describe('backoffDelay', () => {
  it('starts at 1 s and doubles per attempt', () => {
    expect(BACKOFF).toEqual({ baseMs: 1_000, capMs: 60_000 });
    // With the largest possible draw the delay sits just under the ceiling.
    expect(backoffDelay(1, justUnderOne)).toBe(999);
    expect(backoffDelay(2, justUnderOne)).toBe(1_999);
    expect(backoffDelay(3, justUnderOne)).toBe(3_999);
    expect(backoffDelay(6, justUnderOne)).toBe(31_999);
  });

  it('is capped at 60 s however many attempts were made', () => {
    expect(backoffDelay(7, justUnderOne)).toBe(59_999);
    expect(backoffDelay(50, justUnderOne)).toBe(59_999);
    expect(backoffDelay(5_000, justUnderOne)).toBe(59_999);
  });

  it('treats attempt 0 (and below) as the first', () => {
    expect(backoffDelay(0, justUnderOne)).toBe(999);
    expect(backoffDelay(-3, justUnderOne)).toBe(999);
  });

  it('spreads the delay over the whole window with full jitter', () => {
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.25)).toBe(1_000);
    expect(backoffDelay(3, () => 0.5)).toBe(2_000);
    expect(backoffDelay(20, () => 0.5)).toBe(30_000);
  });

  it('stays inside [0, ceiling) with the default random source', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelay(attempt);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });
});
