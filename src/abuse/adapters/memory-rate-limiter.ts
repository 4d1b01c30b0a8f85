import type { Clock } from '../../kernel/clock.ts';
import {
  type Decision,
  type LimitStep,
  type RateLimiter,
  RateLimiterUnavailableError,
  type RefusedStep,
  type Rule,
} from '../rate-limiter-ports.ts';
import {
  checkedRules,
  evaluate,
  expiresAt,
  type KeyState,
  prune,
  record,
} from './sliding-window.ts';

/**
 * Keys held at most. Measured on Node 20: about 0.6 KB per key with one occupied slot, plus
 * about 75 B per further slot. A key holds no more slots than its rule's `max` (and never
 * more than 61 per window length), so 100 000 keys take about 60 MB when each has a few
 * units and about 200 MB when each is full under a 20-per-day rule; only per-app budget keys,
 * which are few, can reach 61 slots.
 */
export const DEFAULT_MAX_KEYS = 100_000;

/** Expired keys dropped from the least recently used end per consume, to keep sweeping cheap. */
const SWEEP_PER_CALL = 8;

export interface MemoryRateLimiterOptions {
  clock: Clock;
  maxKeys?: number;
}

export interface MemoryRateLimiter extends RateLimiter {
  /** Keys currently held (live, or expired and not yet swept). */
  size(): number;
  /** Live keys evicted at the `maxKeys` cap since creation. */
  evictions(): number;
}

interface Entry {
  state: KeyState;
  /** When the newest counted unit leaves its window; the whole key is dead after that. */
  expiresAt: number;
}

/**
 * The embedded limiter: state in this process's memory, for the one-process mode. Limits do
 * not survive a restart (a restart forgets at most one window of counts) and are not shared
 * with other processes.
 *
 * Atomicity: each call decides and counts synchronously, in one turn of the event loop, so
 * concurrent calls are serialised without locks.
 *
 * Bounded memory: keys whose windows have all passed are dropped — as they are read, and a
 * few per call from the least recently used end. At `maxKeys`, a new key evicts the least
 * recently consumed key: the service stays up, and the evicted key fails open (its counts are
 * forgotten, so its next calls start from an empty window). The hot keys — an app's budgets,
 * a destination under attack, refused or not — are the most recently used, never evicted;
 * pushing out a particular key takes `maxKeys` fresh keys, each of them counted by the app's
 * own limits. `evictions()` reports how often this happened, for an operator's alert.
 *
 * Availability: there is no backend to lose; after `close()` every call throws
 * `RateLimiterUnavailableError`.
 */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions): MemoryRateLimiter {
  const { clock } = options;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) {
    throw new RangeError(`memory rate limiter: maxKeys must be a whole number ≥ 1, got ${maxKeys}`);
  }
  // Map iteration order is insertion order: re-inserting a key on every consume keeps the
  // least recently used key first.
  const entries = new Map<string, Entry>();
  let evicted = 0;
  let closed = false;

  function ensureOpen(): void {
    if (closed) throw new RateLimiterUnavailableError('the memory rate limiter is closed');
  }

  /** The key's live state, or undefined when it has none (expired entries are dropped). */
  function live(key: string, now: number): Entry | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      entries.delete(key);
      return undefined;
    }
    prune(entry.state, now);
    return entry;
  }

  function sweep(now: number): void {
    let budget = SWEEP_PER_CALL;
    for (const [key, entry] of entries) {
      if (budget-- === 0 || entry.expiresAt > now) return;
      entries.delete(key);
    }
  }

  function makeRoom(now: number): void {
    for (const [key, entry] of entries) {
      if (entries.size < maxKeys) return;
      entries.delete(key);
      if (entry.expiresAt > now) evicted++;
    }
  }

  /** consume, synchronously: a step of `decideInOrder` must not let other calls in between. */
  function consumeNow(key: string, rules: Rule | readonly Rule[], cost: number): Decision {
    const list = checkedRules(rules, cost);
    const now = clock.now();
    sweep(now);
    const entry = live(key, now);
    const decision = evaluate(entry?.state ?? new Map(), list, cost, now);
    if (entry) {
      // Refused or not, the key moves to the recently used end: a key under attack is
      // refused over and over, and must be the last one evicted, not the first.
      entries.delete(key);
      entries.set(key, entry);
    }
    if (!decision.allowed) return decision;
    const state = entry?.state ?? new Map();
    record(state, list, cost, now);
    if (!entry) makeRoom(now);
    entries.set(key, { state, expiresAt: expiresAt(state) });
    return decision;
  }

  function peekNow(key: string, rules: Rule | readonly Rule[], cost: number): Decision {
    const list = checkedRules(rules, cost);
    return evaluate(entries.get(key)?.state ?? new Map(), list, cost, clock.now());
  }

  return {
    async consume(key: string, rules: Rule | readonly Rule[], cost = 1): Promise<Decision> {
      ensureOpen();
      return consumeNow(key, rules, cost);
    },

    async peek(key: string, rules: Rule | readonly Rule[], cost = 1): Promise<Decision> {
      ensureOpen();
      return peekNow(key, rules, cost);
    },

    async decideInOrder(steps: readonly LimitStep[]): Promise<RefusedStep | null> {
      ensureOpen();
      // Every step is checked before any counts: a bad rule in a later step counts nothing.
      for (const { rules, cost = 1 } of steps) checkedRules(rules, cost);
      for (const [step, { key, rules, cost = 1, count }] of steps.entries()) {
        const decision = count ? consumeNow(key, rules, cost) : peekNow(key, rules, cost);
        if (!decision.allowed) return { step, decision };
      }
      return null;
    },

    async reset(key: string): Promise<void> {
      ensureOpen();
      entries.delete(key);
    },

    async close(): Promise<void> {
      closed = true;
      entries.clear();
    },

    size: () => entries.size,
    evictions: () => evicted,
  };
}
