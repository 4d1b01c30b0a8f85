/**
 * Counts events per opaque key over a sliding window, for statistics that decide something
 * without refusing the event itself (the SMS-pumping guard's sends and approvals).
 *
 * Keys are chosen by the caller, who puts the app id in them (I5; `rateLimitKey` builds
 * them). Precision is the rate limiter's: an event leaves the count at most
 * `windowSeconds / 60` after it is `windowSeconds` old. Time is the adapter's `Clock` (I8).
 * Every method throws `RateLimiterUnavailableError` when the backend cannot answer.
 */
export interface WindowCounter {
  /** Counts one event now and returns the key's count in the window, this one included (atomic). */
  add(key: string, windowSeconds: number): Promise<number>;
  /** The key's count in the window now, counting nothing. */
  read(key: string, windowSeconds: number): Promise<number>;
  /** Forgets everything counted for the key. */
  reset(key: string): Promise<void>;
}
