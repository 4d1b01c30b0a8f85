import type { WebhookDelivery, WebhookDeliveryFilter } from '../ports/store-records.ts';
import type { ClaimShare } from '../workers/job-queue-ports.ts';

/**
 * The webhooks' outbox. Deliveries are claimed, leased and fenced like send jobs:
 * completeWebhookDelivery and retryWebhookDelivery write only while the caller still holds
 * the delivery it claimed (pending, same `attempts`).
 * Part of the `Store` port (src/ports/store.ts).
 */
export interface WebhookStore {
  /** Queues deliveries outside any state change (e.g. a delivery receipt's event). */
  enqueueWebhookDeliveries(deliveries: WebhookDelivery[]): Promise<void>;
  /**
   * Leases up to `limit` due pending deliveries, counting an attempt on each, in one atomic
   * step; round-robin per app within `share`, as `claimDueJobs`.
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
  /**
   * Records the outcome of an attempt: `delivered`, or `failed` for good, appending it to the
   * delivery's attempt log in the same conditional UPDATE.
   */
  finishWebhookDelivery(
    delivery: WebhookDelivery,
    outcome: {
      status: 'delivered' | 'failed';
      statusCode: number | null;
      error: string | null;
    },
    now: number,
  ): Promise<void>;
  /**
   * Puts a delivery back, due again at `nextAttemptAt`, with the failed attempt's details,
   * appended to its attempt log in the same conditional UPDATE.
   */
  retryWebhookDelivery(
    delivery: WebhookDelivery,
    failure: { statusCode: number | null; error: string },
    nextAttemptAt: number,
    now: number,
  ): Promise<void>;
  /**
   * The deliveries of the given apps, newest first, after the cursor, at most `limit`. No
   * apps, no deliveries.
   */
  listWebhookDeliveries(
    appIds: readonly string[],
    filter: WebhookDeliveryFilter,
    after: { createdAt: number; id: string } | null,
    limit: number,
  ): Promise<WebhookDelivery[]>;
  /** A delivery of one of the given apps; another app's is as absent as a made-up one. */
  getWebhookDelivery(appIds: readonly string[], id: string): Promise<WebhookDelivery | undefined>;
  /**
   * Makes a delivered or failed delivery of one of the given apps due again at `now` with one
   * more attempt allowed, in one conditional UPDATE (`requeued` true); a pending one is left
   * as it is (`requeued` false). Returns the delivery as stored, or undefined when none of
   * the apps has such a delivery.
   */
  requeueWebhookDelivery(
    appIds: readonly string[],
    id: string,
    now: number,
  ): Promise<{ delivery: WebhookDelivery; requeued: boolean } | undefined>;
  /** Deletes delivered and failed deliveries last updated before `t`, of every app; returns how many. */
  purgeWebhookDeliveries(t: number): Promise<number>;
}
