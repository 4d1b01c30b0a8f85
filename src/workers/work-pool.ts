import type { Clock } from '../kernel/clock.ts';
import type { Logger } from '../observability/logger.ts';
import type { ClaimShare } from './job-queue-ports.ts';
import { createPollingLoop } from './polling-loop.ts';

export interface WorkPoolDeps<T> {
  /** Leases up to `limit` due items for `leaseMs`, shared out among apps by `share`. */
  claim: (limit: number, share: ClaimShare) => Promise<T[]>;
  /** Moves the lease of an item still ours to `until`; false once it is not ours. */
  extend: (item: T, until: number) => Promise<boolean>;
  /** Works one item to its end. A throw is logged; the item's lease is then left to lapse. */
  work: (item: T) => Promise<void>;
  /** The app an item belongs to, and its id for log lines. */
  identify: (item: T) => { appId: string; id: string };
  clock: Clock;
  /** How long a claim holds an item; renewed every third of it while the item is worked. */
  leaseMs: number;
  /** Items worked at once, all apps together. */
  concurrency: number;
  /** Items of one app worked at once: no app takes every slot. */
  perApp: number;
  /** How often to look for due items when nothing woke the pool. */
  intervalMs: number;
  /** How long a wake-up waits for more items to join its claim. */
  coalesceMs: number;
  logger: Logger;
  /** What works here, for log lines: "dispatcher", "webhook sender". */
  name: string;
}

interface Flight {
  done: Promise<void>;
  heartbeat: NodeJS.Timeout;
}

/**
 * Works leased items with at most `concurrency` in flight (`perApp` per app), claiming more
 * as slots free instead of waiting for a whole batch: one slow item delays no other. While an
 * item is worked its lease is extended every `leaseMs / 3`, so no other process takes it over
 * however long the work takes; only a process that stops renewing (it died, or abandoned the
 * item on stop) lets the lease lapse.
 */
export function createWorkPool<T>(deps: WorkPoolDeps<T>) {
  const { clock, logger, leaseMs, name } = deps;
  const flights = new Map<T, Flight>();
  /** Items in flight per app. */
  const held = new Map<string, number>();
  /** The last claim may have left due items behind (it was cut short by a cap). */
  let more = false;
  let running = false;

  async function renew(item: T, flight: Flight): Promise<void> {
    try {
      if (await deps.extend(item, clock.now() + leaseMs)) return;
      clearInterval(flight.heartbeat);
      // Finished or canceled under us, or taken over after a stall: its outcome is not ours.
      logger.warn({ id: deps.identify(item).id }, `${name}: lease lost while working`);
    } catch (error) {
      logger.warn({ err: error, id: deps.identify(item).id }, `${name}: lease not extended`);
    }
  }

  function launch(item: T): Promise<void> {
    const { appId, id } = deps.identify(item);
    held.set(appId, (held.get(appId) ?? 0) + 1);
    const flight: Flight = {
      done: Promise.resolve(),
      heartbeat: setInterval(() => void renew(item, flight), Math.max(1, leaseMs / 3)),
    };
    flight.heartbeat.unref();
    flight.done = deps
      .work(item)
      .catch((error) => {
        // The lease lapses and the item is tried again; one bad item never stops the rest.
        logger.error({ id, err: error }, `${name}: work failed`);
      })
      .finally(() => {
        clearInterval(flight.heartbeat);
        flights.delete(item);
        const left = (held.get(appId) ?? 1) - 1;
        if (left > 0) held.set(appId, left);
        else held.delete(appId);
        if (more && running) loop.wake();
      });
    flights.set(item, flight);
    return flight.done;
  }

  /** Claims what the free slots allow and starts it; returns the started items' ends. */
  async function claimRound(): Promise<Promise<void>[]> {
    const free = deps.concurrency - flights.size;
    if (free <= 0) {
      more = true;
      return [];
    }
    const items = await deps.claim(free, { perApp: deps.perApp, held: new Map(held) });
    const started = items.map(launch);
    more = items.length === free || [...held.values()].some((n) => n >= deps.perApp);
    return started;
  }

  const loop = createPollingLoop({
    round: claimRound,
    intervalMs: deps.intervalMs,
    coalesceMs: deps.coalesceMs,
    logger,
    failure: `${name} could not claim work`,
  });

  return {
    /** One claim, waiting for every item it started. Returns how many it claimed. */
    async runOnce(): Promise<number> {
      const started = await claimRound();
      await Promise.all(started);
      return started.length;
    },
    start() {
      running = true;
      loop.start();
    },
    /**
     * Asks for a claim soon, e.g. right after work was committed. Work committed within
     * `coalesceMs` of each other shares one claim.
     */
    wake: loop.wake,
    /** How many items are in flight now. */
    inFlight: () => flights.size,
    /**
     * Stops claiming and waits for the items in flight, at most `abandonAfterMs`. Items still
     * running then are abandoned: their leases are no longer renewed and lapse, so another
     * process takes them over (they may then be sent twice: delivery is at least once).
     */
    async stop(abandonAfterMs = Number.POSITIVE_INFINITY): Promise<void> {
      running = false;
      await loop.stop();
      if (flights.size === 0) return;
      const all = Promise.allSettled([...flights.values()].map((f) => f.done));
      let timer: NodeJS.Timeout | undefined;
      const late = Number.isFinite(abandonAfterMs)
        ? new Promise<'late'>((resolve) => {
            timer = setTimeout(() => resolve('late'), abandonAfterMs);
          })
        : new Promise<never>(() => {});
      const outcome = await Promise.race([all, late]);
      clearTimeout(timer);
      if (outcome !== 'late') return;
      for (const flight of flights.values()) clearInterval(flight.heartbeat);
      logger.warn({ abandoned: flights.size }, `${name} stopped with work in flight`);
    },
  };
}

export type WorkPool = ReturnType<typeof createWorkPool>;
