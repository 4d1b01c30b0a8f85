import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import type { AppDeps } from './app.ts';
import { type Config, tlsFiles } from './config.ts';
import { createConsole } from './console/console-graph.ts';
import { createHmacKeyring } from './keyring/hmac-keyring.ts';
import { loadOrCreateServerSecret } from './keyring/server-key-file.ts';
import { createLimiterWindowCounter } from './limits/limiter-window-counter.ts';
import { createMemoryRateLimiter } from './limits/memory-rate-limiter.ts';
import { createRedisRateLimiter, describeRedisUrl } from './limits/redis-rate-limiter.ts';
import { createMessageIdSource } from './message-log/message-ids.ts';
import { writeErrorSummary } from './message-log/message-log-writes.ts';
import { createPostgresMessageLog } from './message-log/postgres-message-log.ts';
import { createSqliteMessageLog } from './message-log/sqlite-message-log.ts';
import type { ConversationEvents } from './messenger/conversation-events.ts';
import { createConversationInbox, noConversationInbox } from './messenger/conversation-inbox.ts';
import { createMemoryConversationEvents } from './messenger/memory-conversation-events.ts';
import { createRedisConversationEvents } from './messenger/redis-conversation-events.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { createPromTelemetry } from './observability/prom-telemetry.ts';
import { createAddressPolicy } from './outbound/address-policy.ts';
import { createOutboundClient } from './outbound/guarded-client.ts';
import type { OutboundClient } from './outbound/outbound.ts';
import { type Clock, systemClock } from './ports/clock.ts';
import type { ConversationInbox } from './ports/conversation-inbox.ts';
import type { Keyring } from './ports/keyring.ts';
import type { MessageLog } from './ports/message-log.ts';
import type { RateLimiter } from './ports/rate-limiter.ts';
import type { Store } from './ports/store.ts';
import {
  type AnyProviderPlugin,
  createProviderRegistry,
  PROVIDER_PLUGINS,
} from './providers/registry.ts';
import { twilioProvider } from './providers/twilio-provider.ts';
import { createServiceGraph } from './service-graph.ts';
import type { Dispatcher } from './services/dispatcher.ts';
import type { ExpirySweeper } from './services/expiry-sweeper.ts';
import type { MessageRetention } from './services/message-retention.ts';
import { createSettingsService, type SettingsService } from './services/settings.ts';
import type { WebhookSender } from './services/webhook-sender.ts';
import type { KyselyStore } from './store/kysely-store.ts';
import { createPostgresStore, describeDatabaseUrl } from './store/postgres/postgres-store.ts';
import { createSqliteStore } from './store/sqlite/sqlite-store.ts';
import { createBuiltinValidator } from './validators/builtin-validator.ts';
import { createValidatorRegistry, VALIDATOR_PLUGINS } from './validators/registry.ts';

export interface Deps extends AppDeps {
  keyring: Keyring;
  dispatcher: Dispatcher;
  /** Delivers queued webhook events; the server process starts it. */
  webhooks: WebhookSender;
  /** The rate limiter; the owner of Deps closes it on shutdown. */
  limiter: RateLimiter;
  /** Deletes message log entries past retention; the server process starts it. */
  messageRetention: MessageRetention;
  /** Deletes ended webhook deliveries past retention; the server process starts it. */
  webhookRetention: MessageRetention;
  /** Deletes sandbox messages (plaintext codes) past retention; the server process starts it. */
  sandboxRetention: MessageRetention;
  /** Writes down expiries so webhooks hear of them; the server process starts it. */
  expirySweeper: ExpirySweeper;
  /** Wakes messenger pages on new messages; the owner of Deps closes it on shutdown. */
  conversationEvents: ConversationEvents;
}

/** Substitutes for tests and tools; production passes none. */
export interface DepsOverrides {
  clock?: Clock;
  logDestination?: DestinationStream;
  /** The provider plug-ins apps may configure; default `PROVIDER_PLUGINS`. */
  providerPlugins?: readonly AnyProviderPlugin[];
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

export const DATABASE_FILE = 'otpd.db';
/** The embedded message log's own file in the data dir, apart from the main database. */
export const MESSAGE_LOG_FILE = 'messages.db';

/**
 * Opens the store of the configured mode: PostgreSQL when OTPD_DATABASE_URL is set, else
 * the embedded SQLite file. Connects lazily; migrations are the caller's choice.
 */
export function openStore(config: Config, logger?: Logger): KyselyStore {
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
  const onBatchFailed = (error: unknown, size: number) =>
    logger?.warn(
      { err: writeErrorSummary(error), writes: size },
      'message log batch failed; writing its entries one by one',
    );
  if (url) {
    return createPostgresMessageLog(url, {
      onBatchFailed,
      poolSize: config.OTPD_DATABASE_POOL_SIZE,
      onIdleError: (error) =>
        logger?.warn(
          { err: error.message },
          'message log connection lost; the pool will reconnect',
        ),
    });
  }
  return createSqliteMessageLog(join(config.OTPD_DATA_DIR, MESSAGE_LOG_FILE), { onBatchFailed });
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

/** The server's keys: OTPD_SECRET, else the key file in the data dir (created if missing). */
export function openKeyring(config: Config): Keyring {
  const secret = config.OTPD_SECRET ?? loadOrCreateServerSecret(config.OTPD_DATA_DIR);
  return createHmacKeyring(secret, config.OTPD_PREVIOUS_SECRETS);
}

/** The one guarded client for URLs apps configure (OTPD_ALLOW_NETWORKS lets internal ones). */
export function openOutbound(config: Config, logger: Logger): OutboundClient {
  return createOutboundClient({ allowNetworks: config.OTPD_ALLOW_NETWORKS, logger });
}

/** The provider name Convertalk's sends go under in the message log and delivery status. */
export const CONVERTALK_PROVIDER = 'convertalk-twilio';

/** App settings over a store, with the provider plug-ins wired to what they need. */
export function openSettings(
  config: Config,
  parts: {
    store: Store;
    keyring: Keyring;
    clock: Clock;
    logger: Logger;
    /** The guarded client providers use; one is made from config when not given. */
    outbound?: OutboundClient;
    /** The web messenger's chats, for its provider; none in a process without the messenger. */
    conversations?: ConversationInbox;
  },
  plugins: readonly AnyProviderPlugin[] = PROVIDER_PLUGINS,
): SettingsService {
  const outbound = parts.outbound ?? openOutbound(config, parts.logger);
  const registry = createProviderRegistry(plugins, {
    sandbox: parts.store,
    clock: parts.clock,
    outbound,
    addressPolicy: createAddressPolicy(config.OTPD_ALLOW_NETWORKS),
    conversations: parts.conversations ?? noConversationInbox,
  });
  return createSettingsService({
    ...parts,
    registry,
    validators: createValidatorRegistry(VALIDATOR_PLUGINS, { outbound }),
    refreshMs: config.OTPD_SETTINGS_REFRESH_MS,
  });
}

/** The one place concrete adapters are chosen from configuration; the services go over them. */
export function createDeps(config: Config, overrides: DepsOverrides = {}): Deps {
  const clock = overrides.clock ?? systemClock;
  const logger: Logger = createLogger(config.OTPD_LOG_LEVEL, overrides.logDestination);
  const store = openStore(config, logger);
  const keyring = openKeyring(config);
  const telemetry = createPromTelemetry({ providers: config.OTPD_METRICS_PROVIDERS });
  const outbound = openOutbound(config, logger);
  // Pages hear every instance's messages: in process, or over Redis when clustered.
  const conversationEvents = openConversationEvents(config, logger);
  const conversations = createConversationInbox({
    conversations: store,
    events: conversationEvents,
    clock,
  });
  // Each app's providers come from its settings; an app without any uses the sandbox.
  const settings = openSettings(
    config,
    { store, keyring, clock, logger, outbound, conversations },
    overrides.providerPlugins,
  );
  const { limiter, redis } = openRateLimiter(config, { clock, logger });
  const messageLog = openMessageLog(config, logger);
  const services = createServiceGraph({
    config,
    clock,
    logger,
    store,
    keyring,
    telemetry,
    outbound,
    settings,
    messageLog,
    limiter,
    // The guard's counters share the rate limiter's backend: memory, or Redis when clustered.
    windowCounter: createLimiterWindowCounter(limiter),
    builtinValidator: createBuiltinValidator(keyring),
    newMessageId: createMessageIdSource(),
    conversationStore: store,
    verificationStats: store,
    conversationEvents,
    // Nothing of it outlives the request whose credentials it was built from.
    twilioFor: ({ accountSid, authToken, from, baseUrl }) =>
      twilioProvider.create(
        twilioProvider.configSchema.parse({
          name: CONVERTALK_PROVIDER,
          accountSid,
          authToken,
          from,
          baseUrl,
        }),
        { outbound },
      ),
  });
  const adminConsole = createConsole({
    store,
    keyring,
    limiter,
    clock,
    times: {
      idleMs: config.OTPD_CONSOLE_IDLE_MINUTES * 60_000,
      absoluteMs: config.OTPD_CONSOLE_SESSION_HOURS * 3_600_000,
    },
  });
  return {
    ...services,
    console: adminConsole,
    logger,
    clock,
    store,
    keyring,
    telemetry,
    settings,
    limiter,
    redis,
    messageLog,
    conversationEvents,
    publicUrl: config.OTPD_PUBLIC_URL,
    version: packageVersion(),
    trustProxy: config.OTPD_TRUST_PROXY,
    dialectHosts: config.OTPD_DIALECT_HOSTS,
    tls: tlsFiles(config),
    metrics: {
      token: config.OTPD_METRICS_TOKEN,
      ownListener: config.OTPD_METRICS_PORT !== undefined,
    },
  };
}
