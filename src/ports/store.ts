import type { FraudDecision } from '../domain/fraud.ts';
import type {
  VerificationReason,
  VerificationRecord,
  VerificationStatus,
} from '../domain/verification.ts';
import type { ClaimShare, JobQueue } from './job-queue.ts';
import type {
  ApiKeyRecord,
  AppRecord,
  CheckAttempt,
  DeliveryReceipt,
  EventSink,
  FailoverRequest,
  IdempotencyClaim,
  OutboxJob,
  ResendRequest,
  SandboxMessage,
  StoredAppSettings,
  WebhookDelivery,
  WebhookDeliveryFilter,
} from './store-records.ts';

export type { ClaimShare, JobQueue } from './job-queue.ts';
export type * from './store-records.ts';

/**
 * Persistence. Every method that decides something does so atomically — in one
 * conditional statement or one transaction — and says so; callers never read, decide in
 * memory, then write. Every query is scoped by app id (I5).
 */
export interface Store extends JobQueue {
  /** Applies pending migrations; safe to run from several processes at once. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;

  createApp(app: AppRecord): Promise<void>;
  listApps(): Promise<AppRecord[]>;
  getApp(id: string): Promise<AppRecord | undefined>;
  /**
   * Gives an app a new name in one transaction that holds the app's row (no other rename
   * slips in between): the name it had just before and the app as it is now, or undefined
   * when there is no such app.
   */
  renameApp(id: string, name: string): Promise<{ before: string; app: AppRecord } | undefined>;
  createApiKey(key: ApiKeyRecord): Promise<void>;
  /** An app's keys, oldest first, revoked ones included. */
  listApiKeys(appId: string): Promise<ApiKeyRecord[]>;
  /** Marks the key revoked if it is not already; the key when this call revoked it. */
  revokeApiKey(id: string, now: number): Promise<ApiKeyRecord | undefined>;
  /**
   * Revokes the key `id` of app `appId` in one conditional UPDATE (a key of another app is
   * never touched). Undefined when the app has no such key; else the key as it now stands,
   * always revoked, and whether this call revoked it (false: it already was, at its
   * original time).
   */
  revokeAppApiKey(
    appId: string,
    id: string,
    now: number,
  ): Promise<{ key: ApiKeyRecord; revokedNow: boolean } | undefined>;
  /** The unrevoked key with this hash and its app. */
  findActiveApiKey(keyHash: string): Promise<{ key: ApiKeyRecord; app: AppRecord } | undefined>;
  /** An app's settings as stored, read in one statement; undefined when there is no such app. */
  getAppSettings(appId: string): Promise<StoredAppSettings | undefined>;
  /**
   * Replaces an app's settings whole in one conditional UPDATE: stores `json`, sets the
   * update time and counts a revision — only if the app exists and, when `expectedRevision`
   * is given, its revision still is that one (compare-and-swap, so a read-modify-write never
   * overwrites a replacement it did not see). Returns the new revision, or undefined when
   * nothing was written (no such app, or another replacement came first).
   */
  replaceAppSettings(
    appId: string,
    json: string,
    now: number,
    expectedRevision?: number,
  ): Promise<number | undefined>;

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

  insertSandboxMessage(message: SandboxMessage): Promise<void>;
  /**
   * Deletes the sandbox messages (which hold plaintext codes) made before `t`, of every app;
   * returns how many.
   */
  purgeSandboxMessages(t: number): Promise<number>;
  /** Newest first; `to` keeps the messages to any of its destinations. */
  listSandboxMessages(
    appId: string,
    filter: { to?: readonly string[]; limit: number },
  ): Promise<SandboxMessage[]>;

  /*
   * The SMS-pumping guard's decisions. A decision is live while it is not lifted and
   * `now < expiresAt`.
   */

  /**
   * Records a decision unless the app already has a live one of the same action for the
   * same prefix at `decision.createdAt`, in one transaction (serialised per app and prefix):
   * of racing callers exactly one records. True when this call recorded it.
   */
  recordFraudDecision(decision: FraudDecision): Promise<boolean>;
  /** The app's live decisions for one prefix, newest first (one indexed read). */
  findLiveFraudDecisions(appId: string, prefix: string, now: number): Promise<FraudDecision[]>;
  /** The app's decisions, newest first: the live ones, or with `includeEnded` all of them. */
  listFraudDecisions(
    appId: string,
    filter: { now: number; includeEnded: boolean; limit: number },
  ): Promise<FraudDecision[]>;
  /**
   * Lifts one of the app's decisions in one conditional UPDATE (only if not lifted yet) and
   * returns it as stored; an already lifted one is returned unchanged. Undefined when the
   * app has no decision with this id (another app's is as absent as a made-up one, I5).
   */
  liftFraudDecision(appId: string, id: string, now: number): Promise<FraudDecision | undefined>;

  /*
   * The webhooks' outbox. Deliveries are claimed, leased and fenced like send jobs:
   * completeWebhookDelivery and retryWebhookDelivery write only while the caller still holds
   * the delivery it claimed (pending, same `attempts`).
   */

  /** Queues deliveries outside any state change (e.g. a delivery receipt's event). */
  enqueueWebhookDeliveries(deliveries: WebhookDelivery[]): Promise<void>;
  /**
   * Leases up to `limit` due pending deliveries, counting an attempt on each, in one
   * statement; round-robin per app within `share`, as `claimDueJobs`.
   */
  claimDueWebhookDeliveries(
    now: number,
    leaseMs: number,
    limit: number,
    share?: ClaimShare,
  ): Promise<WebhookDelivery[]>;
  /**
   * Moves the lease of a delivery the caller still holds (pending, same `attempts`) to
   * `until`, in one conditional UPDATE; false, writing nothing, once it is not the caller's.
   */
  extendWebhookLease(delivery: WebhookDelivery, until: number): Promise<boolean>;
  /** Records the outcome of an attempt: `delivered`, or `failed` for good. */
  finishWebhookDelivery(
    delivery: WebhookDelivery,
    outcome: {
      status: 'delivered' | 'failed';
      statusCode: number | null;
      error: string | null;
    },
    now: number,
  ): Promise<void>;
  /** Puts a delivery back, due again at `nextAttemptAt`, with the failed attempt's details. */
  retryWebhookDelivery(
    delivery: WebhookDelivery,
    failure: { statusCode: number | null; error: string },
    nextAttemptAt: number,
    now: number,
  ): Promise<void>;
  /** The app's deliveries, newest first, after the cursor (an id), at most `limit`. */
  listWebhookDeliveries(
    appId: string,
    filter: WebhookDeliveryFilter,
    after: { createdAt: number; id: string } | null,
    limit: number,
  ): Promise<WebhookDelivery[]>;
  getWebhookDelivery(appId: string, id: string): Promise<WebhookDelivery | undefined>;
  /**
   * Makes a delivered or failed delivery due again at `now` with one more attempt allowed,
   * in one conditional UPDATE; a pending one is left as it is. Returns the delivery as
   * stored, or undefined when the app has no such delivery.
   */
  requeueWebhookDelivery(
    appId: string,
    id: string,
    now: number,
  ): Promise<WebhookDelivery | undefined>;
  /** Deletes delivered and failed deliveries last updated before `t`, of every app; returns how many. */
  purgeWebhookDeliveries(t: number): Promise<number>;
}
