import type { Rule } from './domain/limits.ts';

export type { Rule } from './domain/limits.ts';

/** What the limiter decided for one call. */
export interface Decision {
  allowed: boolean;
  /**
   * Units still available now under the tightest rule: after this call when it was allowed
   * (and counted), before it when it was refused (nothing was counted). Never negative.
   */
  remaining: number;
  /**
   * 0 when allowed. When refused: milliseconds until the same call would be allowed, if
   * nothing else is counted meanwhile; what a 429's `Retry-After` carries (rounded up to
   * seconds). A call that can never fit — `max: 0`, or `cost` above `max` — gets one full
   * window, so the answer stays finite.
   */
  retryAfterMs: number;
  /** Milliseconds until everything counted so far has left its window (`remaining` = max). */
  resetAfterMs: number;
  /** The rule that decided: the refusing one with the longest wait, or the tightest one. */
  rule: Rule;
}

/** One step of `RateLimiter.decideInOrder`. */
export interface LimitStep {
  key: string;
  rules: Rule | readonly Rule[];
  /** Units, a whole number ≥ 1; default 1. */
  cost?: number;
  /** true: consume (count when allowed); false: peek (count nothing). */
  count: boolean;
}

/** The step `decideInOrder` stopped at, by its index in the steps given, and why. */
export interface RefusedStep {
  step: number;
  decision: Decision;
}

/**
 * Counts calls per opaque key against one or more rules.
 *
 * Keys are opaque strings chosen by the caller, who puts the app id in them (I5) —
 * `rateLimitKey(appId, 'createPerClientIp', ip)` below does; adapters add their own prefix
 * and nothing else. A key's state is kept per window length, so one key may carry several
 * rules (5 per 10 min and 20 per day), and rules with the same window length count the
 * same calls.
 *
 * Algorithm (every adapter): a sliding window of 60 slots per window length. Each slot keeps
 * how many units were counted in it and when the last of them was; the slot's units count
 * until that last one is `windowSeconds` old. Precision: never more than `max` units are
 * allowed in any span of `windowSeconds` — unlike fixed windows (2×max across an edge), the
 * weighted two-window estimate (over max when calls bunch at a window's end) or GCRA (after a
 * burst of max, one more every window/max), so "the third request within an hour is refused"
 * holds exactly. Units are released exactly one window after they were counted, except that
 * units sharing a slot wait for the slot's last one: at most `windowSeconds / 60` late.
 * Memory per key and window is at most 61 slots, whatever `max` is. Time is the adapter's
 * `Clock` (I8). A clock that steps back counts into the newest slot and releases nothing
 * still held early; units already let go at a later reading stay gone.
 *
 * Invalid input — a rule or cost outside the ranges above, or an empty rule list — is a
 * caller's bug: the limiter throws a RangeError and counts nothing.
 */
export interface RateLimiter {
  /**
   * Decides and counts in one atomic step: if `cost` units (default 1, a whole number ≥ 1)
   * fit under every rule, they are counted under all of them and the call is allowed;
   * otherwise nothing is counted — a refused call never uses up the budget. Concurrent calls
   * on one key, from any number of processes sharing the backend, never together exceed a
   * rule. Throws `RateLimiterUnavailableError` when the backend cannot decide.
   */
  consume(key: string, rules: Rule | readonly Rule[], cost?: number): Promise<Decision>;
  /**
   * What `consume` would decide now, counting nothing: for showing remaining budget. Never
   * peek to decide and then consume — the answer may be stale by the time it arrives.
   */
  peek(key: string, rules: Rule | readonly Rule[], cost?: number): Promise<Decision>;
  /**
   * Decides `steps` in order as one atomic step: each peeks (`count: false`) or consumes
   * (`count: true`) its key exactly as `peek` and `consume` would, and the first refused step
   * ends it — the steps after it are not decided and count nothing, the steps before it stay
   * counted, as the same calls made one after another would leave them. Answers the refused
   * step's index and decision, or null when every step passed. On a shared backend this is
   * one round trip instead of one per step. Throws as `consume` does.
   */
  decideInOrder(steps: readonly LimitStep[]): Promise<RefusedStep | null>;
  /** Forgets everything counted for the key, under every window length, in one step. */
  reset(key: string): Promise<void>;
  /** Releases the backend; afterwards every call throws `RateLimiterUnavailableError`. */
  close(): Promise<void>;
}

/**
 * A limiter key: the app id, the limit's name and its subject (an IP, a destination, a
 * channel…), each part percent-encoded and joined with `:`, so that no two different lists
 * of parts give the same key — `app_1:sends:+90 555` cannot be forged from another app's id
 * or another limit's subject (I5).
 */
export function rateLimitKey(appId: string, limit: string, ...subject: string[]): string {
  return [appId, limit, ...subject].map(encodeURIComponent).join(':');
}

/**
 * The limiter could not decide (its backend is down, slow or closed). Nothing can be said
 * about whether the call was counted. Callers fail closed on it: a 503 problem+json with
 * code `service_unavailable` and a short `Retry-After`, never an allowed send (I9); see
 * services/limits.ts.
 */
export class RateLimiterUnavailableError extends Error {
  readonly code = 'rate_limiter_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RateLimiterUnavailableError';
  }
}
