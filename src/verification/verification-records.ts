import { OtpdError } from '../kernel/errors.ts';
import type { EventSinks } from '../webhooks/event-announcer.ts';
import { effectiveStatus, type VerificationRecord } from './domain/verification.ts';
import type { VerificationStore } from './verification-store-ports.ts';

/** A lost race re-reads and decides again; more rounds than this means something is wrong. */
export const MAX_ROUNDS = 8;

export interface VerificationRecordsDeps {
  store: Pick<VerificationStore, 'getVerification' | 'finishVerification'>;
  /** The app's webhook subscriptions; without it no event is written. */
  events?: Pick<EventSinks, 'forApp'>;
  /** Called after an event was committed, so webhook deliveries need not wait for a poll. */
  notifyWebhooks?: () => void;
}

/** Reading and finishing one verification: what checks, resends and cancels share. */
export function createVerificationRecords(deps: VerificationRecordsDeps) {
  const { store } = deps;

  /**
   * Finishes a pending verification, announcing it to the app's webhooks in the same
   * transaction. Undefined when it was no longer pending.
   */
  async function finish(
    v: Pick<VerificationRecord, 'appId' | 'id'>,
    status: 'expired' | 'canceled' | 'approved',
    reason: 'ttl_elapsed' | 'canceled_by_app' | 'approved_by_app',
    now: number,
  ): Promise<VerificationRecord | undefined> {
    const events = await deps.events?.forApp(v.appId);
    const finished = await store.finishVerification(v.appId, v.id, status, reason, now, events);
    if (finished && events) deps.notifyWebhooks?.();
    return finished;
  }

  async function mustGet(appId: string, id: string): Promise<VerificationRecord> {
    const v = await store.getVerification(appId, id);
    // Another app's verification is as absent as a made-up id (I5).
    if (!v) throw new OtpdError('verification_not_found', `no verification ${id}`);
    return v;
  }

  /** Writes down an expiry that so far only `effectiveStatus` knew about; cancels its jobs. */
  async function settleExpired(v: VerificationRecord, now: number): Promise<void> {
    if (v.status === 'pending' && effectiveStatus(v, now).status === 'expired') {
      await finish(v, 'expired', 'ttl_elapsed', now);
    }
  }

  return { finish, mustGet, settleExpired };
}

export type VerificationRecords = ReturnType<typeof createVerificationRecords>;
