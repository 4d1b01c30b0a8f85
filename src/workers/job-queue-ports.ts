import type { EventSink, OutboxJob } from '../ports/store-records.ts';

/**
 * How one claim shares out its slots among apps: round-robin (each app's oldest due item,
 * then each app's second …), and no app past `perApp` items held at once, so one app with
 * thousands of due items cannot fill a claim.
 */
export interface ClaimShare {
  /** At most this many items of one app, counting those it already `held`. */
  perApp: number;
  /** How many items each app already holds (in flight): an app at `perApp` gets none. */
  held?: ReadonlyMap<string, number>;
}

/**
 * The send jobs' outbox: claimed with a lease, fenced by `attempts`. Every claim counts an
 * attempt, so `attempts` names the claim; a write that names an older claim writes nothing.
 */
export interface JobQueue {
  /**
   * Leases up to `limit` due pending jobs (next attempt reached, no live lease) until
   * `now + leaseMs`, counting an attempt on each, in one atomic step (a statement, or a
   * transaction): no two processes hold the same job at once. A job whose lease lapsed is due again. Jobs are taken round-robin
   * per app within `share` (default: no cap per app); a claim may return fewer than `limit`
   * while another process is claiming the same jobs (PostgreSQL skips rows others lock).
   */
  claimDueJobs(
    now: number,
    leaseMs: number,
    limit: number,
    share?: ClaimShare,
  ): Promise<OutboxJob[]>;
  /**
   * Moves the lease of a job the caller still holds (pending, same `attempts`) to `until`,
   * in one conditional UPDATE: the heartbeat of a delivery that outlasts its lease. False
   * when the job is no longer the caller's (finished, canceled, or claimed again since): it
   * then stays as it is, and the caller must not expect to write its outcome.
   */
  extendJobLease(job: OutboxJob, until: number): Promise<boolean>;
  /**
   * Hands back a job the caller holds but did not start (its provider was at its concurrency
   * cap): the lease is cleared and the job is due again at `nextAttemptAt`, in one
   * conditional UPDATE; a stale caller writes nothing. The attempt its claim counted stays
   * counted, since `attempts` is the fencing token and must only grow.
   */
  releaseJob(job: OutboxJob, nextAttemptAt: number, now: number): Promise<void>;
  /*
   * completeJob, retryJob, failJob and cancelJob write only while the caller still holds the
   * job it claimed: pending, and not claimed again since (same `attempts`). Otherwise they
   * write nothing — the job's outcome belongs to whoever holds it now, or it was canceled.
   */

  /**
   * Records a delivery by `provider`: the job becomes `sent`, its ciphertext is erased, and
   * the verification's delivery status is updated, in one transaction; `events` hears
   * `message.sent` in it. A `reference` given (the id a code-making sender gave its code)
   * replaces the verification's `codeReference` in the same transaction. `messageLogId` (the
   * message log entry the attempt is written to) and `providerMessageId` go into the event.
   */
  completeJob(
    job: OutboxJob,
    delivery: {
      provider: string;
      now: number;
      reference?: string | null;
      messageLogId?: string | null;
      providerMessageId?: string | null;
    },
    events?: EventSink,
  ): Promise<void>;
  /** Puts a job back with its lease cleared, due again at `nextAttemptAt`. */
  retryJob(job: OutboxJob, nextAttemptAt: number, error: string, now: number): Promise<void>;
  /**
   * Gives up on a job: erases its ciphertext and, if the verification is still pending,
   * marks it `failed` (reason `delivery_failed`), in one transaction; `events` hears
   * `message.failed` and, if the verification failed with it, `verification.failed`.
   * `provider` is the one whose failure ended the job, named in `message.failed`; null when
   * none was tried.
   */
  failJob(
    job: OutboxJob,
    error: string,
    now: number,
    events?: EventSink,
    provider?: string | null,
  ): Promise<void>;
  /** Drops a job whose verification no longer needs it, erasing its ciphertext. */
  cancelJob(job: OutboxJob, now: number): Promise<void>;
}
