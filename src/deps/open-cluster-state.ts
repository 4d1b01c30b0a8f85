import { createMemoryRateLimiter } from '../abuse/adapters/memory-rate-limiter.ts';
import { createRedisRateLimiter, describeRedisUrl } from '../abuse/adapters/redis-rate-limiter.ts';
import type { RateLimiter } from '../abuse/rate-limiter-ports.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Config } from '../kernel/config/config.ts';
import { createMemoryConversationEvents } from '../messenger/adapters/memory-conversation-events.ts';
import { createRedisConversationEvents } from '../messenger/adapters/redis-conversation-events.ts';
import type { ConversationEvents } from '../messenger/conversation-events.ts';
import type { Logger } from '../observability/logger.ts';
import { oneLine } from './one-line-error.ts';

/* What instances must share when clustered (OTPD_REDIS_URL): rate-limit counters and the
   messenger's new-message events. Without Redis, this process's memory holds them. */

/**
 * The rate limiter of the configured mode: Redis when OTPD_REDIS_URL is set (shared by every
 * instance, fails closed while Redis is unreachable), else this process's memory. Connects
 * lazily; `redis.ping` (readiness, and `connectRateLimiter` at start) checks the connection.
 */
export function openRateLimiter(
  config: Config,
  parts: { clock: Clock; logger: Logger },
): { limiter: RateLimiter; redis?: { ping(): Promise<void> } } {
  if (!config.OTPD_REDIS_URL) return { limiter: createMemoryRateLimiter({ clock: parts.clock }) };
  // Connection errors are logged once Redis has answered: before that, start-up reports them.
  let answered = false;
  const limiter = createRedisRateLimiter({
    clock: parts.clock,
    redis: config.OTPD_REDIS_URL,
    keyPrefix: config.OTPD_REDIS_KEY_PREFIX,
    onConnectionError: (error) => {
      if (answered) {
        parts.logger.warn(
          { err: error.message },
          'Redis connection lost; rate-limited requests answer 503 until it is back',
        );
      }
    },
  });
  const ping = async () => {
    await limiter.ping();
    answered = true;
  };
  return { limiter, redis: { ping } };
}

/**
 * How messenger pages hear of new messages: over Redis pub/sub when OTPD_REDIS_URL is set, so
 * a reply posted to any instance reaches a page connected to another; else in this process.
 */
export function openConversationEvents(config: Config, logger: Logger): ConversationEvents {
  if (!config.OTPD_REDIS_URL) return createMemoryConversationEvents();
  return createRedisConversationEvents({
    url: config.OTPD_REDIS_URL,
    channel: `${config.OTPD_REDIS_KEY_PREFIX}conversation-events`,
    logger,
  });
}

/**
 * Fails start-up when the configured Redis does not answer: one line naming it, never its
 * password. Nothing to check for the in-memory limiter.
 */
export async function connectRateLimiter(
  deps: { redis?: { ping(): Promise<void> } },
  config: Config,
) {
  if (!deps.redis || !config.OTPD_REDIS_URL) return;
  try {
    await deps.redis.ping();
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    throw new Error(`redis ${describeRedisUrl(config.OTPD_REDIS_URL)}: ${oneLine(cause)}`);
  }
}
