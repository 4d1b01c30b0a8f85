import type { JobQueue } from '../workers/job-queue-ports.ts';
import { createWorkPool } from '../workers/work-pool.ts';
import { createJobDelivery, type JobDeliveryDeps } from './job-delivery.ts';
import { createSlots } from './slots.ts';

export { providersAfter, TEST_DELIVERY } from './job-delivery.ts';

/** Defaults of the dispatcher's caps, as OTPD_DISPATCH_*CONCURRENCY document them. */
export const DISPATCH_DEFAULTS = { concurrency: 64, perApp: 16, perProvider: 32 } as const;

export interface DispatcherDeps extends JobDeliveryDeps {
  store: JobDeliveryDeps['store'] & Pick<JobQueue, 'claimDueJobs' | 'extendJobLease'>;
  /** How often to look for due jobs when nothing woke the dispatcher. */
  intervalMs: number;
  /**
   * How long a claim holds a job (default 30 s). It is renewed every third of it while the
   * job is delivered, so it lapses only when this process stops working on the job.
   */
  leaseMs?: number;
  /** Jobs delivered at once, all apps together. */
  concurrency?: number;
  /** Jobs of one app delivered at once. */
  perApp?: number;
  /** Calls in flight to one provider route (type and host), all apps together. */
  perProvider?: number;
  /** How long a wake-up waits for more jobs to join the claim (default 5 ms). */
  coalesceMs?: number;
}

/**
 * Delivers queued jobs from the outbox, at least once, keeping a pool of deliveries in
 * flight and claiming more as slots free: a provider that hangs holds up only the slots of
 * its own jobs, never the next app's code. Caps per app and per provider keep one tenant or
 * one slow service from taking every slot.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const { store, clock, logger } = deps;
  const leaseMs = deps.leaseMs ?? 30_000;
  const perProvider = deps.perProvider ?? DISPATCH_DEFAULTS.perProvider;
  const deliver = createJobDelivery({
    ...deps,
    slots: createSlots(perProvider),
    busyDelayMs: deps.intervalMs,
  });
  const pool = createWorkPool({
    claim: (limit, share) => store.claimDueJobs(clock.now(), leaseMs, limit, share),
    extend: (job, until) => store.extendJobLease(job, until),
    work: deliver,
    identify: (job) => ({ appId: job.appId, id: job.id }),
    clock,
    leaseMs,
    concurrency: deps.concurrency ?? DISPATCH_DEFAULTS.concurrency,
    perApp: deps.perApp ?? DISPATCH_DEFAULTS.perApp,
    intervalMs: deps.intervalMs,
    coalesceMs: deps.coalesceMs ?? 5,
    logger,
    name: 'dispatcher',
  });

  return {
    /** One claim of what the free slots allow, delivered; returns how many it claimed. */
    runOnce: pool.runOnce,
    start: pool.start,
    /**
     * Asks for a claim soon, e.g. right after a job was committed. Jobs committed within
     * `coalesceMs` of each other share one claim.
     */
    wake: pool.wake,
    /**
     * Stops claiming and lets deliveries in flight finish, for at most `abandonAfterMs`;
     * those still running then are abandoned, their leases left to lapse.
     */
    async stop(abandonAfterMs?: number) {
      await pool.stop(abandonAfterMs);
      await deps.attempts?.drain();
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
