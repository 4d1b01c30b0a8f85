import type { Logger } from '../observability/logger.ts';

export interface PollingLoopDeps {
  /** One round of work. A throw is logged and the loop goes on. */
  round: () => Promise<unknown>;
  /** The wait from the end of one round to the start of the next, in ms. */
  intervalMs: number;
  /** How long a `wake()` waits for more work to join its round, in ms (default 0). */
  coalesceMs?: number;
  /** The first round comes `intervalMs` after `start()` rather than at once. */
  delayFirstRound?: boolean;
  logger: Logger;
  /** What failed, for the log line of a failed round. */
  failure: string;
  /** The level of that line (default `error`); `warn` where the next round simply tries again. */
  failureLevel?: 'warn' | 'error';
}

/**
 * The worker runner every background task shares (the outbox dispatcher, the webhook sender,
 * the sweepers): runs `round` again and again, `intervalMs` after the end of the last one, or
 * `coalesceMs` after a `wake()`. The wait starts when a round ends, so a round that outlasts
 * the interval is never overlapped by the next. A failed round is logged and the loop goes on.
 * Its timers are unref'd: a loop alone never keeps the process alive, the process stops it.
 */
export function createPollingLoop(deps: PollingLoopDeps) {
  const coalesceMs = deps.coalesceMs ?? 0;
  const level = deps.failureLevel ?? 'error';
  /** The run the last `start()` began; each run checks its own flag (see `start`). */
  let run: { stopped: boolean } | undefined;
  /** The run going now, until it ends. */
  let loop: Promise<void> | undefined;
  let woken = false;
  let nap: { timer: NodeJS.Timeout; end: () => void } | undefined;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        nap = undefined;
        resolve();
      };
      nap = { timer: setTimeout(end, ms).unref(), end };
    });
  }

  function shortenNap(ms: number): void {
    if (!nap) return;
    clearTimeout(nap.timer);
    nap.timer = setTimeout(nap.end, ms).unref();
  }

  async function rounds(current: { stopped: boolean }): Promise<void> {
    let wait = deps.delayFirstRound ? deps.intervalMs : undefined;
    for (;;) {
      if (wait !== undefined) {
        if (current.stopped) return;
        await sleep(wait);
      }
      if (current.stopped) return;
      woken = false;
      try {
        await deps.round();
      } catch (error) {
        deps.logger[level]({ err: error }, deps.failure);
      }
      wait = woken ? coalesceMs : deps.intervalMs;
    }
  }

  return {
    /** Starts the rounds; the first one at once (before this returns) unless `delayFirstRound`. */
    start() {
      if (run && !run.stopped) return;
      const current = { stopped: false };
      run = current;
      // A run told to stop may still be in its round: the new run starts when it ends, so a
      // stop() followed at once by start() never has two rounds going.
      const previous = loop;
      const started = previous ? previous.then(() => rounds(current)) : rounds(current);
      loop = started;
      void started.finally(() => {
        if (loop === started) loop = undefined;
      });
    },

    /** Asks for a round soon; wake-ups within `coalesceMs` share one round. */
    wake() {
      if (woken) return;
      woken = true;
      shortenNap(coalesceMs);
    },

    /** Stops the rounds: resolves once the round in progress, if any, has ended. */
    async stop() {
      if (run) run.stopped = true;
      if (nap) {
        clearTimeout(nap.timer);
        nap.end();
      }
      await loop;
    },
  };
}

export type PollingLoop = ReturnType<typeof createPollingLoop>;
