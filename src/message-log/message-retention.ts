import type { Clock } from '../kernel/clock.ts';
import type { Logger } from '../observability/logger.ts';
import { createPollingLoop } from '../workers/polling-loop.ts';
import type { MessageLog } from './message-log-ports.ts';

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  clock: Clock;
  logger: Logger;
  /** May be fractional: the sandbox keeps its messages hours (OTPD_SANDBOX_RETENTION_HOURS / 24). */
  retentionDays: number;
  intervalMs: number;
}

/**
 * Enforces the message log's retention: every `intervalMs` (and once at start), entries
 * created more than `retentionDays` before the clock's now are deleted. Every instance of a
 * cluster may run it; deleting what another already deleted is harmless. A failed purge is
 * logged and tried again at the next interval.
 */
export function createMessageRetention(
  deps: RetentionDeps & { messageLog: Pick<MessageLog, 'purgeOlderThan'> },
) {
  return createRetention({
    ...deps,
    what: 'message log entries',
    purge: (before) => deps.messageLog.purgeOlderThan(before),
  });
}

/**
 * Deletes what `purge` finds older than `retentionDays` every `intervalMs` (and once at
 * start), one purge at a time, on every instance (deleting twice is harmless); a failure is
 * logged and the purge tried again at the next interval.
 */
export function createRetention(
  deps: RetentionDeps & {
    /** What is purged, for log lines: `message log entries`, `webhook deliveries`. */
    what: string;
    /** Deletes everything older than the time given; returns how many. */
    purge: (before: number) => Promise<number>;
  },
) {
  async function purgeOnce(): Promise<number> {
    const cutoff = deps.clock.now() - deps.retentionDays * DAY_MS;
    const purged = await deps.purge(cutoff);
    if (purged > 0) {
      deps.logger.info({ purged, before: new Date(cutoff).toISOString() }, `${deps.what} purged`);
    }
    return purged;
  }

  const loop = createPollingLoop({
    round: purgeOnce,
    intervalMs: deps.intervalMs,
    logger: deps.logger,
    failure: `purge of ${deps.what} failed; will try again`,
    failureLevel: 'warn',
  });

  return {
    purgeOnce,
    /** Purges at once, then every `intervalMs`. */
    start: loop.start,
    /** Stops purging and waits for a purge in progress. */
    stop: loop.stop,
  };
}

export type MessageRetention = ReturnType<typeof createMessageRetention>;
