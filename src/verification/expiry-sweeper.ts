import type { Clock } from '../kernel/clock.ts';
import type { Logger } from '../observability/logger.ts';
import type { EventSinks } from '../webhooks/event-announcer.ts';
import { createPollingLoop } from '../workers/polling-loop.ts';
import type { VerificationStore } from './verification-store-ports.ts';

const BATCH = 200;

/**
 * Writes down the expiry of pending verifications whose time ran out, so the app's webhooks
 * hear `verification.expired` (reads already show `expired` from the clock alone). Every
 * `intervalMs`, one sweep at a time; every instance of a cluster may run it — finishing is
 * conditional, so a verification expires once. A failed sweep is logged and tried again at the
 * next interval.
 */
export function createExpirySweeper(deps: {
  store: Pick<VerificationStore, 'listExpiredPending' | 'finishVerification'>;
  events: Pick<EventSinks, 'forApp'>;
  clock: Clock;
  logger: Logger;
  intervalMs: number;
  /** Called after events were committed, so their deliveries need not wait for a poll. */
  notifyWebhooks?: () => void;
}) {
  const { store, clock, logger } = deps;

  /** Expires everything due now; returns how many this call expired. */
  async function sweepOnce(): Promise<number> {
    let expired = 0;
    for (;;) {
      const now = clock.now();
      const due = await store.listExpiredPending(now, BATCH);
      for (const { appId, id } of due) {
        const events = await deps.events.forApp(appId);
        const done = await store.finishVerification(
          appId,
          id,
          'expired',
          'ttl_elapsed',
          now,
          events,
        );
        if (done) expired++;
      }
      if (due.length < BATCH) break;
    }
    if (expired > 0) {
      deps.notifyWebhooks?.();
      logger.debug({ expired }, 'expired verifications written down');
    }
    return expired;
  }

  const loop = createPollingLoop({
    round: sweepOnce,
    intervalMs: deps.intervalMs,
    delayFirstRound: true,
    logger,
    failure: 'expiry sweep failed; will try again',
    failureLevel: 'warn',
  });

  return {
    sweepOnce,
    /** Sweeps every `intervalMs`, the first time `intervalMs` after start. */
    start: loop.start,
    /** Stops sweeping and waits for a sweep in progress. */
    stop: loop.stop,
  };
}

export type ExpirySweeper = ReturnType<typeof createExpirySweeper>;
