import { newOutboxJob } from '../delivery/outbox-job.ts';
import type { Provider } from '../delivery/provider-ports.ts';
import type { Clock } from '../kernel/clock.ts';
import type {
  MessageEvent,
  MessageLog,
  MessageLogEntry,
} from '../message-log/message-log-ports.ts';
import type { Logger } from '../observability/logger.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import { generateCode } from '../verification/domain/codes.ts';
import { effectiveStatus } from '../verification/domain/verification.ts';
import type { VerificationStore } from '../verification/verification-store-ports.ts';
import { isUndelivered, lastEventMoved } from './domain/message-status.ts';

/** What became of a receipt; every one is answered 2xx, so providers do not retry. */
export type ReceiptOutcome =
  /** The status moved. */
  | 'applied'
  /** In the timeline, but the status stays where it was (a duplicate, or late). */
  | 'unchanged'
  /** No such message of the app's (never sent through otpd, or purged). */
  | 'unknown_message'
  /** A status otpd does not track (`receiving`, a gateway's unmapped word). */
  | 'ignored';

export interface ReceiptServiceDeps {
  messageLog: Pick<MessageLog, 'findByProviderMessageId' | 'appendStatus' | 'forVerification'>;
  store: Pick<
    VerificationStore,
    'getVerification' | 'recordDeliveryReceipt' | 'failoverVerification'
  >;
  settingsFor: (appId: string) => Promise<Pick<AppSettings, 'channels'>>;
  providersFor: (appId: string, channel: MessageLogEntry['channel']) => Promise<Provider[]>;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  /** Wakes the dispatcher after a failover job was queued. */
  notifyOutbox: () => void;
  /** Called after a status change is stored (not for receipts that left the status as it was). */
  onMessageStatus?: (entry: MessageLogEntry, event: MessageEvent) => Promise<void> | void;
  /**
   * Pauses between lookups of a message the log does not hold yet. The log is written beside
   * the delivery (fail-open, asynchronous), so a fast receipt may beat its own attempt; these
   * bounded waits (default about 1.5 s in all) let the write land first.
   */
  lookupDelaysMs?: readonly number[];
}

const DEFAULT_DELAYS = [25, 50, 100, 200, 400, 800];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The newest attempt a provider took: the message a verification's delivery is about. */
const newestTaken = (entries: MessageLogEntry[]) =>
  [...entries].reverse().find((e) => e.timeline[0]?.status === 'sent');

/**
 * Applies delivery receipts to the message log and the verification's delivery, and fails
 * over when a channel asks for it. Authenticating and reading each provider's receipt is
 * receipt-sources.ts's job; this takes what they read.
 */
export function createReceiptService(deps: ReceiptServiceDeps) {
  const { messageLog, store, clock, logger } = deps;
  const delays = deps.lookupDelaysMs ?? DEFAULT_DELAYS;

  async function find(appId: string, providers: readonly string[], providerMessageId: string) {
    for (let round = 0; ; round++) {
      const entry = await messageLog.findByProviderMessageId(appId, providers, providerMessageId);
      const delay = delays[round];
      if (entry || delay === undefined) return entry;
      await sleep(delay);
    }
  }

  /**
   * A new code through the providers after the one that failed, when the channel says so
   * and the verification still waits for it. The store decides atomically (at most once per
   * provider); this only gathers what it needs.
   */
  async function failover(entry: MessageLogEntry): Promise<void> {
    const settings = await deps.settingsFor(entry.appId);
    if (!settings.channels[entry.channel].failoverOnUndelivered) return;
    const providers = await deps.providersFor(entry.appId, entry.channel);
    const index = providers.findIndex((p) => p.name === entry.provider);
    if (index < 0 || index === providers.length - 1) return; // nothing left to try
    const v = await store.getVerification(entry.appId, entry.verificationId);
    const now = clock.now();
    if (!v || v.test || effectiveStatus(v, now).status !== 'pending') return;
    // A failover code is a send like a resend: within the verification's budget. A chat
    // message the app wrote is sent once (its budget is 1): otpd could not write it again.
    if (v.sends >= v.maxSends) return;
    // The first code never arrived and was erased at hand-off (I1): a new one replaces it.
    const code = generateCode(v.codeLength);
    const { hash, keyId } = deps.keyring.hashCode(v.id, code);
    const updated = await store.failoverVerification({
      appId: v.appId,
      id: v.id,
      failedProvider: entry.provider,
      codeHash: hash,
      codeKeyId: keyId,
      job: newOutboxJob(deps.keyring, v, code, now, entry.provider),
      now,
    });
    if (!updated) return;
    logger.info(
      { appId: v.appId, verificationId: v.id, after: entry.provider, sends: updated.sends },
      'receipt failover: a new code goes to the next provider',
    );
    deps.notifyOutbox();
  }

  /** What follows a stored status change: the event hook, the verification, failover. */
  async function afterChange(entry: MessageLogEntry, event: MessageEvent): Promise<void> {
    try {
      await deps.onMessageStatus?.(entry, event);
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error), messageLogId: entry.id },
        'message status hook failed; the receipt stands',
      );
    }
    const { status } = event;
    if (status !== 'delivered' && status !== 'undelivered' && status !== 'failed') return;
    const newest = newestTaken(await messageLog.forVerification(entry.appId, entry.verificationId));
    if (newest?.id !== entry.id) return; // a receipt for a code since replaced
    await store.recordDeliveryReceipt({
      appId: entry.appId,
      verificationId: entry.verificationId,
      provider: entry.provider,
      status,
      now: clock.now(),
    });
    if (isUndelivered(status)) await failover(entry);
  }

  return {
    /**
     * Applies one receipt for the message `providerMessageId` that one of `providers` (names
     * in the app's settings) sent for the app.
     */
    async apply(
      appId: string,
      providers: readonly string[],
      providerMessageId: string,
      event: MessageEvent,
    ): Promise<ReceiptOutcome> {
      const entry = await find(appId, providers, providerMessageId);
      const updated = entry && (await messageLog.appendStatus(appId, entry.id, event));
      if (!updated) {
        // Logged without the destination: the receipt may carry one, the log line does not.
        logger.info(
          { appId, providers, providerMessageId, status: event.status },
          'receipt for an unknown message',
        );
        return 'unknown_message';
      }
      if (!lastEventMoved(updated.timeline)) return 'unchanged';
      await afterChange(updated, event);
      return 'applied';
    },
  };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
