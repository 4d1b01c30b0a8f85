import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../ports/clock.ts';
import type { MessageLog } from '../ports/message-log.ts';

const DAY_MS = 86_400_000;

/**
 * Enforces the message log's retention: every `intervalMs` (and once at start), entries
 * created more than `retentionDays` before the clock's now are deleted. Every instance of a
 * cluster may run it; deleting what another already deleted is harmless. A failed purge is
 * logged and tried again at the next interval.
 */
export function createMessageRetention(deps: {
  messageLog: Pick<MessageLog, 'purgeOlderThan'>;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
  intervalMs: number;
}) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function purgeOnce(): Promise<number> {
    const cutoff = deps.clock.now() - deps.retentionDays * DAY_MS;
    const purged = await deps.messageLog.purgeOlderThan(cutoff);
    if (purged > 0) {
      deps.logger.info(
        { purged, before: new Date(cutoff).toISOString() },
        'message log entries purged',
      );
    }
    return purged;
  }

  function tick(): void {
    running = purgeOnce().catch((error) =>
      deps.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'message log purge failed; will try again',
      ),
    );
  }

  return {
    purgeOnce,
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, deps.intervalMs);
      timer.unref();
    },
    /** Stops the timer and waits for a purge in progress. */
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type MessageRetention = ReturnType<typeof createMessageRetention>;
