import type {
  CheckAttempt,
  DeliveryReceipt,
  EventSink,
  FailoverRequest,
  OutboxJob,
  ResendRequest,
} from '../ports/store-records.ts';
import type {
  VerificationReason,
  VerificationRecord,
  VerificationStatus,
} from './domain/verification.ts';

/** Verifications and the state changes of their life, each atomic with the send jobs and events it implies. Part of the `Store` port (src/ports/store.ts). */
export interface VerificationStore {
  /**
   * In one transaction: cancels (reason `superseded`) every unexpired pending verification
   * of the same app and destination, cancels their queued jobs, inserts `verification` and
   * its first send `job`. Returns the ids it superseded. `events` hears `verification.created`
   * and a `verification.canceled` per superseded verification, in the same transaction.
   */
  createVerification(
    verification: VerificationRecord,
    job: OutboxJob,
    events?: EventSink,
  ): Promise<string[]>;
  getVerification(appId: string, id: string): Promise<VerificationRecord | undefined>;
  /** The most recently created verification of a destination, whatever its status. */
  findLatestVerification(appId: string, to: string): Promise<VerificationRecord | undefined>;
  /**
   * The most recently created verification the app gave this `messageId` (and sent to `to`,
   * when given), whatever its status.
   */
  findVerificationByMessageId(
    appId: string,
    messageId: string,
    to?: string,
  ): Promise<VerificationRecord | undefined>;
  /**
   * Counts one check in a single conditional UPDATE … RETURNING: only while the
   * verification is pending, unexpired, under its attempt budget and still on
   * `expectedSends`. A valid check approves it; the last allowed wrong check moves it to
   * `max_attempts_reached`. Undefined when a condition no longer held (nothing written).
   * With `attempt.events`, the approval or exhaustion is announced in the same transaction.
   */
  recordCheck(attempt: CheckAttempt): Promise<VerificationRecord | undefined>;
  /**
   * In one transaction: replaces the code (clearing a sender's code reference) and counts a
   * send only while the verification
   * is pending, unexpired, on `expectedSends`, under its send budget and past its resend
   * cooldown; cancels its queued jobs and queues `job`. Undefined when a condition failed.
   */
  resendVerification(request: ResendRequest): Promise<VerificationRecord | undefined>;
  /**
   * Records a receipt on the verification's delivery in one conditional UPDATE: only while
   * its newest code was handed to `receipt.provider` (delivery `sent`, or a receipt's status
   * that `receipt.status` outranks — `delivered` beats `undelivered` and `failed`, never the
   * reverse). A receipt for an older code, or one that arrives after a resend was queued,
   * writes nothing. True when it wrote.
   */
  recordDeliveryReceipt(receipt: DeliveryReceipt): Promise<boolean>;
  /**
   * Receipt-triggered failover, in one transaction: replaces the code and counts a send (like
   * a resend, but neither the cooldown nor the send budget applies), cancels queued jobs and
   * queues `job` — only while the verification is pending, unexpired, its newest code went
   * to `failedProvider` (delivery `sent`, `undelivered` or `failed`) and no failover after
   * `failedProvider` was ever queued for it. The verification's row is updated first, so
   * racing failovers are serialised on it and at most one succeeds; across its life a
   * verification fails over at most once per provider. Undefined when a condition failed.
   */
  failoverVerification(request: FailoverRequest): Promise<VerificationRecord | undefined>;
  /**
   * Moves a pending verification to a final status with its reason, and cancels its queued
   * jobs (delivery status `canceled` if nothing was sent yet), in one transaction.
   * Undefined when it was no longer pending. `events` hears `verification.<status>` in the
   * same transaction.
   */
  finishVerification(
    appId: string,
    id: string,
    status: Exclude<VerificationStatus, 'pending'>,
    reason: VerificationReason,
    now: number,
    events?: EventSink,
  ): Promise<VerificationRecord | undefined>;
  /**
   * Pending verifications whose time ran out before `now`, oldest expiry first, at most
   * `limit` (one indexed read): the expiry sweeper finishes them.
   */
  listExpiredPending(now: number, limit: number): Promise<{ appId: string; id: string }[]>;
}
