import { join } from 'node:path';
import type { Config } from './config.ts';
import { createHmacKeyring } from './keyring/hmac-keyring.ts';
import { loadOrCreateServerSecret } from './keyring/server-key-file.ts';
import { createMemoryRateLimiter } from './limits/memory-rate-limiter.ts';
import { createRedisRateLimiter, describeRedisUrl } from './limits/redis-rate-limiter.ts';
import { createPostgresMessageLog } from './message-log/postgres-message-log.ts';
import { createSqliteMessageLog } from './message-log/sqlite-message-log.ts';
import type { Logger } from './observability/logger.ts';
import { createOutboundClient } from './outbound/guarded-client.ts';
import type { OutboundClient } from './outbound/outbound.ts';
import type { Clock } from './ports/clock.ts';
import type { Keyring } from './ports/keyring.ts';
import type { MessageLog } from './ports/message-log.ts';
import type { RateLimiter } from './ports/rate-limiter.ts';
import type { Store } from './ports/store.ts';
import { createPostgresStore, describeDatabaseUrl } from './store/postgres/postgres-store.ts';
import { createSqliteStore } from './store/sqlite/sqlite-store.ts';

/*
 * Each port's adapter as the configuration chooses it: embedded (SQLite files, memory) or
 * clustered (PostgreSQL, Redis). With src/deps.ts, which wires the services over them, the
 * only place concrete adapters are imported; the CLI opens the same ones.
 */

export const DATABASE_FILE = 'otpd.db';
/** The embedded message log's own file in the data dir, apart from the main database. */
export const MESSAGE_LOG_FILE = 'messages.db';

/**
 * Opens the store of the configured mode: PostgreSQL when OTPD_DATABASE_URL is set, else
 * the embedded SQLite file. Connects lazily; migrations are the caller's choice.
 */
export function openStore(config: Config, logger?: Logger): Store {
  if (config.OTPD_DATABASE_URL) {
    return createPostgresStore(config.OTPD_DATABASE_URL, {
      poolSize: config.OTPD_DATABASE_POOL_SIZE,
      onIdleError: (error) =>
        logger?.warn({ err: error.message }, 'database connection lost; the pool will reconnect'),
    });
  }
  return createSqliteStore(join(config.OTPD_DATA_DIR, DATABASE_FILE));
}

/**
 * Brings the store's schema up to date. A failure (most often an unreachable database) is
 * one line naming the database, never its password.
 */
export async function migrateStore(store: Store, config: Config): Promise<void> {
  try {
    await store.migrate();
  } catch (error) {
    throw new Error(`database ${describeDatabase(config)}: ${oneLine(error)}`);
  }
}

/** An error as one line; a failed connect to a name with several addresses has no message. */
function oneLine(error: unknown): string {
  const text =
    error instanceof AggregateError && !error.message
      ? error.errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The configured database as people may read it: a URL never shows its password. */
export function describeDatabase(config: Config): string {
  return config.OTPD_DATABASE_URL
    ? describeDatabaseUrl(config.OTPD_DATABASE_URL)
    : join(config.OTPD_DATA_DIR, DATABASE_FILE);
}

/**
 * The message log: OTPD_MESSAGE_LOG_URL's PostgreSQL when set; else, in clustered mode, the
 * main PostgreSQL database (its own tables and migration history, so every instance shares
 * one log); else its own SQLite file beside the main one. Connects lazily.
 */
export function openMessageLog(config: Config, logger?: Logger): MessageLog {
  const url = config.OTPD_MESSAGE_LOG_URL ?? config.OTPD_DATABASE_URL;
  if (url) {
    return createPostgresMessageLog(url, {
      poolSize: config.OTPD_DATABASE_POOL_SIZE,
      onIdleError: (error) =>
        logger?.warn(
          { err: error.message },
          'message log connection lost; the pool will reconnect',
        ),
    });
  }
  return createSqliteMessageLog(join(config.OTPD_DATA_DIR, MESSAGE_LOG_FILE));
}

/** Brings the message log's schema up to date; a failure is one line naming its database. */
export async function migrateMessageLog(log: MessageLog, config: Config): Promise<void> {
  const url = config.OTPD_MESSAGE_LOG_URL ?? config.OTPD_DATABASE_URL;
  try {
    await log.migrate();
  } catch (error) {
    const where = url ? describeDatabaseUrl(url) : join(config.OTPD_DATA_DIR, MESSAGE_LOG_FILE);
    throw new Error(`message log ${where}: ${oneLine(error)}`);
  }
}

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

/** The server's keys: OTPD_SECRET, else the key file in the data dir (created if missing). */
export function openKeyring(config: Config): Keyring {
  const secret = config.OTPD_SECRET ?? loadOrCreateServerSecret(config.OTPD_DATA_DIR);
  return createHmacKeyring(secret, config.OTPD_PREVIOUS_SECRETS);
}

/** The one guarded client for URLs apps configure (OTPD_ALLOW_NETWORKS lets internal ones). */
export function openOutbound(config: Config, logger: Logger): OutboundClient {
  return createOutboundClient({ allowNetworks: config.OTPD_ALLOW_NETWORKS, logger });
}
