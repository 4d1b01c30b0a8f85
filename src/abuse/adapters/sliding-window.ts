import type { Decision, Rule } from '../rate-limiter-ports.ts';

/**
 * The sliding-window algorithm described on the RateLimiter port, as pure functions over one
 * key's state. The memory adapter runs these; the Redis script (redis-sliding-window-script.ts)
 * is the same algorithm in Lua, and the shared contract suite holds both to it.
 */

/** Slots per window length: precision is windowSeconds / SLOTS_PER_WINDOW. */
export const SLOTS_PER_WINDOW = 60;

export interface Slot {
  /** floor(time / slotMs) of the slot's first unit. */
  index: number;
  count: number;
  /** When the slot's newest unit was counted (ms since the epoch). */
  lastAt: number;
}

/** One key's state: window length in ms → its live slots, oldest first. */
export type KeyState = Map<number, Slot[]>;

export const windowMsOf = (rule: Rule): number =>
  Math.max(1, Math.round(rule.windowSeconds * 1000));

export const slotMsOf = (windowMs: number): number => Math.ceil(windowMs / SLOTS_PER_WINDOW);

/** The rules as a non-empty list, each checked; throws RangeError on a caller's bug. */
export function checkedRules(rules: Rule | readonly Rule[], cost: number): readonly Rule[] {
  const list: readonly Rule[] = Array.isArray(rules) ? rules : [rules as Rule];
  if (list.length === 0) throw new RangeError('rate limit: at least one rule is needed');
  for (const rule of list) {
    if (!Number.isSafeInteger(rule.max) || rule.max < 0) {
      throw new RangeError(`rate limit: max must be a whole number ≥ 0, got ${rule.max}`);
    }
    if (!Number.isFinite(rule.windowSeconds) || rule.windowSeconds <= 0) {
      throw new RangeError(`rate limit: windowSeconds must be > 0, got ${rule.windowSeconds}`);
    }
  }
  if (!Number.isSafeInteger(cost) || cost < 1) {
    throw new RangeError(`rate limit: cost must be a whole number ≥ 1, got ${cost}`);
  }
  return list;
}

/** Drops slots whose units have all left their window; deletes emptied windows. */
export function prune(state: KeyState, now: number): void {
  for (const [windowMs, slots] of state) {
    let live = 0;
    while (live < slots.length && (slots[live] as Slot).lastAt + windowMs <= now) live++;
    if (live === slots.length) state.delete(windowMs);
    else if (live > 0) slots.splice(0, live);
  }
}

interface RuleOutcome {
  rule: Rule;
  allowed: boolean;
  remaining: number;
  retryAfterMs: number;
  resetAfterMs: number;
}

function judge(state: KeyState, rule: Rule, cost: number, now: number): RuleOutcome {
  const windowMs = windowMsOf(rule);
  const slots = (state.get(windowMs) ?? []).filter((slot) => slot.lastAt + windowMs > now);
  const used = slots.reduce((sum, slot) => sum + slot.count, 0);
  const newest = slots[slots.length - 1];
  const resetAfterMs = newest ? newest.lastAt + windowMs - now : 0;
  const left = Math.max(0, rule.max - used);
  if (rule.max === 0 || cost > rule.max) {
    return { rule, allowed: false, remaining: left, retryAfterMs: windowMs, resetAfterMs };
  }
  if (used + cost <= rule.max) {
    return { rule, allowed: true, remaining: left - cost, retryAfterMs: 0, resetAfterMs: windowMs };
  }
  // Oldest slots leave first; wait until enough of them have left for `cost` to fit.
  const needed = used + cost - rule.max;
  let freed = 0;
  let retryAfterMs = windowMs;
  for (const slot of slots) {
    freed += slot.count;
    if (freed >= needed) {
      retryAfterMs = slot.lastAt + windowMs - now;
      break;
    }
  }
  return { rule, allowed: false, remaining: left, retryAfterMs, resetAfterMs };
}

/**
 * What `consume` decides for one call, as if it then counted an allowed call (`record`);
 * slots that have left their window are ignored; writes nothing.
 */
export function evaluate(
  state: KeyState,
  rules: readonly Rule[],
  cost: number,
  now: number,
): Decision {
  const outcomes = rules.map((rule) => judge(state, rule, cost, now));
  const refused = outcomes.filter((o) => !o.allowed);
  const allowed = refused.length === 0;
  const deciding = allowed
    ? outcomes.reduce((a, b) => (b.remaining < a.remaining ? b : a))
    : refused.reduce((a, b) => (b.retryAfterMs > a.retryAfterMs ? b : a));
  return {
    allowed,
    remaining: Math.min(...outcomes.map((o) => o.remaining)),
    retryAfterMs: allowed ? 0 : deciding.retryAfterMs,
    resetAfterMs: Math.max(...outcomes.map((o) => o.resetAfterMs)),
    rule: deciding.rule,
  };
}

/** Counts `cost` units now under every distinct window length of `rules`. */
export function record(state: KeyState, rules: readonly Rule[], cost: number, now: number): void {
  for (const windowMs of new Set(rules.map(windowMsOf))) {
    const index = Math.floor(now / slotMsOf(windowMs));
    const slots = state.get(windowMs) ?? [];
    const newest = slots[slots.length - 1];
    // A clock that stepped back lands in the newest slot, keeping slots in time order.
    if (newest && newest.index >= index) {
      newest.count += cost;
      newest.lastAt = Math.max(newest.lastAt, now);
    } else {
      slots.push({ index, count: cost, lastAt: now });
    }
    state.set(windowMs, slots);
  }
}

/** When the newest counted unit leaves its window; -Infinity for an empty state. */
export function expiresAt(state: KeyState): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const [windowMs, slots] of state) {
    const newest = slots[slots.length - 1];
    if (newest) latest = Math.max(latest, newest.lastAt + windowMs);
  }
  return latest;
}
