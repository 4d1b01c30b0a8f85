/** Retry schedule defaults: 1 s doubling to at most 60 s. */
export const BACKOFF = { baseMs: 1_000, capMs: 60_000 } as const;

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(cap, base·2^attempt)).
 * Spreads retries of many failed jobs instead of sending them back in a wave.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
