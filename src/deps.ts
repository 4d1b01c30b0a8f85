import { readFileSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import { createLimiterWindowCounter } from './abuse/adapters/limiter-window-counter.ts';
import type { RateLimiter } from './abuse/rate-limiter-ports.ts';
import type { AppDeps } from './app.ts';
import { createConsole } from './console/console-graph.ts';
import type { AnyProviderPlugin } from './delivery/adapters/provider-registry.ts';
import { twilioProvider } from './delivery/adapters/twilio-provider.ts';
import type { Dispatcher } from './delivery/dispatcher.ts';
import { openConversationEvents, openRateLimiter } from './deps/open-cluster-state.ts';
import { openMessageLog, openStore } from './deps/open-databases.ts';
import { openKeyring, openOutbound, openSettings } from './deps/open-settings.ts';
import { type Clock, systemClock } from './kernel/clock.ts';
import type { Config } from './kernel/config/config.ts';
import { tlsFiles } from './kernel/config/tls-files.ts';
import { packageFile } from './kernel/package-files.ts';
import { createMessageIdSource } from './message-log/adapters/message-ids.ts';
import type { MessageRetention } from './message-log/message-retention.ts';
import type { ConversationEvents } from './messenger/conversation-events.ts';
import { createConversationInbox } from './messenger/conversation-inbox.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { createPromTelemetry } from './observability/prom-telemetry.ts';
import type { Keyring } from './ports/keyring.ts';
import { createServiceGraph } from './service-graph.ts';
import { createBuiltinValidator } from './verification/adapters/builtin-validator.ts';
import type { ExpirySweeper } from './verification/expiry-sweeper.ts';
import type { WebhookSender } from './webhooks/webhook-sender.ts';

/*
 * The one place concrete adapters are chosen from configuration. Each area's builder sits in
 * src/deps/ (databases, what a cluster shares, keys and settings) so that the CLI can open
 * one area without the rest; createDeps puts them together for the server.
 */

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
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8'));
  return String(pkg.version);
}

/** The provider name Convertalk's sends go under in the message log and delivery status. */
export const CONVERTALK_PROVIDER = 'convertalk-twilio';

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
