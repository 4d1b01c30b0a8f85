import type { IdempotencyClaim } from './store-records.ts';

/** Idempotency keys of the `Idempotency-Key` header: claimed, completed with the response, or released. Part of the `Store` port (src/ports/store.ts). */
export interface IdempotencyStore {
  /**
   * Claims an idempotency key for a request fingerprint with one INSERT … ON CONFLICT:
   * the first caller gets `claimed`; later callers get the stored response (`replay`),
   * `mismatch` for another fingerprint, or `in_progress` while the first is unfinished.
   */
  claimIdempotencyKey(
    appId: string,
    key: string,
    fingerprint: string,
    now: number,
    expiresAt: number,
  ): Promise<IdempotencyClaim>;
  /** Stores the response of a claimed key for replay. */
  completeIdempotencyKey(
    appId: string,
    key: string,
    statusCode: number,
    body: string,
  ): Promise<void>;
  /** Releases a claimed key whose request failed, so a retry may run it again. */
  releaseIdempotencyKey(appId: string, key: string): Promise<void>;
}
