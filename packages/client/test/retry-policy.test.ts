import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from '../src/retry.ts';

const policy = (random: number) => ({ baseDelayMs: 250, maxDelayMs: 10_000, random: () => random });

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delay-seconds and HTTP dates as milliseconds from now', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
  });

  it('never waits a negative time, and ignores what it cannot read', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('the delay before a retry', () => {
  it('waits at least the Retry-After, with at most 10% jitter on top', () => {
    expect(retryDelay(1, 2_000, policy(0))).toBe(2_000);
    expect(retryDelay(1, 2_000, policy(0.999))).toBeCloseTo(2_199.8);
  });

  it('gives up on a Retry-After beyond the longest wait, and caps the jitter there', () => {
    expect(retryDelay(1, 10_001, policy(0))).toBeUndefined();
    expect(retryDelay(1, 10_000, policy(0.9))).toBe(10_000);
  });

  it('backs off exponentially with equal jitter when no Retry-After came', () => {
    expect([1, 2, 3].map((n) => retryDelay(n, undefined, policy(0)))).toEqual([125, 250, 500]);
    expect([1, 2, 3].map((n) => retryDelay(n, undefined, policy(1)))).toEqual([250, 500, 1_000]);
    expect(retryDelay(10, undefined, policy(1))).toBe(10_000);
  });
});
