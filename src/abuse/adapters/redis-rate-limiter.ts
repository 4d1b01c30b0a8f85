import { Redis } from 'ioredis';
import type { Clock } from '../../kernel/clock.ts';
import { coalesceWrites } from '../../kernel/coalesced-writes.ts';
import {
  type Decision,
  type LimitStep,
  type RateLimiter,
  RateLimiterUnavailableError,
  type Rule,
} from '../rate-limiter-ports.ts';
import { ORDERED_WINDOWS_LUA, SLIDING_WINDOW_LUA } from './redis-sliding-window-script.ts';
import { checkedRules, windowMsOf } from './sliding-window.ts';

export const DEFAULT_REDIS_KEY_PREFIX = 'otpd:rl:';

/** How long one decision may take before it is abandoned: well under an HTTP client's patience. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;

export interface RedisRateLimiterOptions {
  clock: Clock;
  /**
   * A `redis://` URL — the limiter opens its own connection and closes it in `close()` —
   * or a client the caller owns and closes.
   */
  redis: string | Redis;
  /** Put before every key; lets several deployments share one Redis. */
  keyPrefix?: string;
  /** For a URL: abandon a command after this long (ms). */
  commandTimeoutMs?: number;
  /** For a URL: connection errors, which ioredis reports while it reconnects. */
  onConnectionError?: (error: Error) => void;
}

export interface RedisRateLimiter extends RateLimiter {
  /** Resolves when Redis answers a PING (for readiness); throws RateLimiterUnavailableError. */
  ping(): Promise<void>;
}

type ScriptReply = [number, number, number, number, number];
type ScriptedRedis = Redis & {
  otpdSlidingWindow(key: string, ...args: (string | number)[]): Promise<ScriptReply>;
  otpdOrderedWindows(
    keys: number,
    ...args: (string | number)[]
  ): Promise<[0] | [number, ...ScriptReply]>;
};

/**
 * The clustered limiter: every instance shares one Redis. Each consume is one Lua script
 * (EVALSHA, loaded on first use) that decides and counts atomically, so limits hold exactly
 * across any number of instances and connections. A key is a hash `<prefix><key>` that
 * expires (PEXPIRE) when its newest count leaves its longest window. Time is the caller's
 * Clock, sent as an argument: instances' clocks should agree (NTP); a skew of s ms shifts
 * the windows of that instance's calls by s ms.
 *
 * Fails closed: when Redis is down, slow (over `commandTimeoutMs`) or answers with an error,
 * every call throws `RateLimiterUnavailableError` — nothing is ever allowed without Redis.
 * A call that timed out may still have been counted; it was not allowed.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  const { clock } = options;
  const prefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  const owned = typeof options.redis === 'string';
  const redis = (
    typeof options.redis === 'string'
      ? new Redis(options.redis, {
          commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
          connectTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
          // Fail the calls waiting for a connection after one reconnect, not twenty.
          maxRetriesPerRequest: 1,
          lazyConnect: true,
        })
      : options.redis
  ) as ScriptedRedis;
  if (owned) {
    redis.on('error', (error: Error) => options.onConnectionError?.(error));
    // The commands of all the requests of a turn leave in one write (each connect is a new socket).
    redis.on('connect', () => coalesceWrites(redis.stream));
  }
  redis.defineCommand('otpdSlidingWindow', { numberOfKeys: 1, lua: SLIDING_WINDOW_LUA });
  // Its number of keys is the number of steps, given with each call.
  redis.defineCommand('otpdOrderedWindows', { lua: ORDERED_WINDOWS_LUA });
  let closed = false;

  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    if (closed) throw new RateLimiterUnavailableError('the Redis rate limiter is closed');
    try {
      return await run();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RateLimiterUnavailableError(`Redis rate limiter: ${what} failed: ${reason}`, {
        cause: error,
      });
    }
  }

  /** The decision as the script answered it: allowed, remaining, retry, reset, rule index. */
  function decisionOf(reply: ScriptReply, rules: readonly Rule[]): Decision {
    const [allowed, remaining, retryAfterMs, resetAfterMs, deciding] = reply;
    return {
      allowed: allowed === 1,
      remaining,
      retryAfterMs,
      resetAfterMs,
      rule: rules[deciding - 1] as Rule,
    };
  }

  async function decideInOrder(steps: readonly LimitStep[]) {
    const checked = steps.map(({ key, rules, cost = 1, count }) => ({
      key: prefix + key,
      rules: checkedRules(rules, cost),
      cost,
      count,
    }));
    if (checked.length === 0) return null;
    const args = checked.flatMap(({ rules, cost, count }) => [
      count ? 1 : 0,
      cost,
      rules.length,
      ...rules.flatMap((rule) => [rule.max, windowMsOf(rule)]),
    ]);
    const now = Math.floor(clock.now());
    const reply = await call('decide', () =>
      redis.otpdOrderedWindows(checked.length, ...checked.map((s) => s.key), now, ...args),
    );
    if (reply[0] === 0) return null;
    const [step, ...refusal] = reply as [number, ...ScriptReply];
    return { step: step - 1, decision: decisionOf(refusal, checked[step - 1]?.rules ?? []) };
  }

  async function decide(
    key: string,
    rules: Rule | readonly Rule[],
    cost: number,
    counting: boolean,
  ): Promise<Decision> {
    const list = checkedRules(rules, cost);
    const args = list.flatMap((rule) => [rule.max, windowMsOf(rule)]);
    const now = Math.floor(clock.now());
    const reply = await call(counting ? 'consume' : 'peek', () =>
      redis.otpdSlidingWindow(prefix + key, now, cost, counting ? 1 : 0, ...args),
    );
    return decisionOf(reply, list);
  }

  return {
    consume: (key, rules, cost = 1) => decide(key, rules, cost, true),
    peek: (key, rules, cost = 1) => decide(key, rules, cost, false),
    decideInOrder,
    async reset(key) {
      await call('reset', () => redis.del(prefix + key));
    },
    async ping() {
      await call('ping', () => redis.ping());
    },
    async close() {
      if (closed) return;
      closed = true;
      if (!owned) return;
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}

/** The URL without its password, to name the Redis in messages and logs. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'the configured Redis (OTPD_REDIS_URL)';
  }
}
