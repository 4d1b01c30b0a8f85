import type { Logger } from '../observability/logger.ts';

/**
 * Runs `round` again and again: `intervalMs` after the last one, or `coalesceMs` after a
 * `wake()` (work committed within that time shares one round). A failed round is logged and
 * the loop goes on.
 */
export function createPollingLoop(deps: {
  round: () => Promise<unknown>;
  intervalMs: number;
  coalesceMs: number;
  logger: Logger;
  /** What failed, for the log line of a failed round. */
  failure: string;
}) {
  let running = false;
  let loop: Promise<void> | undefined;
  let woken = false;
  let nap: { timer: NodeJS.Timeout; resolve: () => void } | undefined;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      nap = { timer: setTimeout(resolve, ms), resolve };
    });
  }

  function shortenNap(ms: number): void {
    if (!nap) return;
    clearTimeout(nap.timer);
    nap.timer = setTimeout(nap.resolve, ms);
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          woken = false;
          try {
            await deps.round();
          } catch (error) {
            deps.logger.error({ err: error }, deps.failure);
          }
          if (!running) break;
          await sleep(woken ? deps.coalesceMs : deps.intervalMs);
          nap = undefined;
        }
      })();
    },

    /** Asks for a round soon; wake-ups within `coalesceMs` share one round. */
    wake() {
      if (woken) return;
      woken = true;
      shortenNap(deps.coalesceMs);
    },

    /** Stops after the round in progress. */
    async stop() {
      running = false;
      shortenNap(0);
      await loop;
    },
  };
}
