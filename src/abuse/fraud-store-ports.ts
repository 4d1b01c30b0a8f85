import type { FraudDecision } from './domain/fraud.ts';

/**
 * The SMS-pumping guard's decisions. A decision is live while it is not lifted and
 * `now < expiresAt`.
 * Part of the `Store` port (src/ports/store.ts).
 */
export interface FraudStore {
  /**
   * Records a decision unless the app already has a live one of the same action for the
   * same prefix at `decision.createdAt`, in one transaction (serialised per app and prefix):
   * of racing callers exactly one records. True when this call recorded it.
   */
  recordFraudDecision(decision: FraudDecision): Promise<boolean>;
  /** The app's live decisions for one prefix, newest first (one indexed read). */
  findLiveFraudDecisions(appId: string, prefix: string, now: number): Promise<FraudDecision[]>;
  /**
   * The decisions of the given apps (an API key's one, an admin's several), newest first:
   * the live ones, or with `includeEnded` all of them. No apps, no decisions.
   */
  listFraudDecisions(
    appIds: readonly string[],
    filter: { now: number; includeEnded: boolean; limit: number },
  ): Promise<FraudDecision[]>;
  /**
   * Lifts a decision of one of the given apps in one conditional UPDATE (only if not lifted
   * yet) and returns it as stored, `lifted` true when this call lifted it; an already lifted
   * one is returned unchanged with `lifted` false. Undefined when none of the apps has a
   * decision with this id (another app's is as absent as a made-up one, I5).
   */
  liftFraudDecision(
    appIds: readonly string[],
    id: string,
    now: number,
  ): Promise<{ decision: FraudDecision; lifted: boolean } | undefined>;
}
