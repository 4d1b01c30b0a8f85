import { readFileSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import {
  openKeyring,
  openMessageLog,
  openOutbound,
  openRateLimiter,
  openStore,
} from './adapters.ts';
import type { AppDeps } from './app.ts';
import type { Config } from './config.ts';
import { isSafelisted } from './domain/safelist.ts';
import type { ConvertalkRouteDeps } from './http/dialects/convertalk/convertalk-routes.ts';
import type { DiyalogRouteDeps } from './http/dialects/diyalog/diyalog-routes.ts';
import { createLimiterWindowCounter } from './limits/limiter-window-counter.ts';
import { createMessageIdSource } from './message-log/message-ids.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { createPromTelemetry } from './observability/prom-telemetry.ts';
import { createAddressPolicy } from './outbound/address-policy.ts';
import type { OutboundClient } from './outbound/outbound.ts';
import { type Clock, systemClock } from './ports/clock.ts';
import type { Keyring } from './ports/keyring.ts';
import type { RateLimiter } from './ports/rate-limiter.ts';
import type { Store } from './ports/store.ts';
import {
  type AnyProviderPlugin,
  createProviderRegistry,
  PROVIDER_PLUGINS,
} from './providers/registry.ts';
import { twilioProvider } from './providers/twilio-provider.ts';
import { createAppService } from './services/apps.ts';
import { createAttemptRecorder } from './services/attempt-recorder.ts';
import { createDestinationPolicy } from './services/destination-policy.ts';
import { createDirectSend } from './services/direct-send.ts';
import { createDispatcher, type Dispatcher } from './services/dispatcher.ts';
import { createDiyalogPostbacks } from './services/diyalog-postbacks.ts';
import { createEventSinks, createReceiptAnnouncer } from './services/events.ts';
import { createExpirySweeper, type ExpirySweeper } from './services/expiry-sweeper.ts';
import { createFraudGuard } from './services/fraud-guard.ts';
import { createLimitGuard } from './services/limits.ts';
import {
  createMessageRetention,
  createRetention,
  type MessageRetention,
} from './services/message-retention.ts';
import { createReceiptSources } from './services/receipt-sources.ts';
import { createReceiptService } from './services/receipts.ts';
import { createSettingsService, type SettingsService } from './services/settings.ts';
import { createTestSend } from './services/test-send.ts';
import { createVerificationService } from './services/verifications.ts';
import { createWebhookSender, type WebhookSender } from './services/webhook-sender.ts';
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
  /** Writes down expiries so webhooks hear of them; the server process starts it. */
  expirySweeper: ExpirySweeper;
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
  },
  plugins: readonly AnyProviderPlugin[] = PROVIDER_PLUGINS,
): SettingsService {
  const outbound = parts.outbound ?? openOutbound(config, parts.logger);
  const registry = createProviderRegistry(plugins, {
    sandbox: parts.store,
    clock: parts.clock,
    outbound,
    addressPolicy: createAddressPolicy(config.OTPD_ALLOW_NETWORKS),
  });
  return createSettingsService({
    ...parts,
    registry,
    validators: createValidatorRegistry(VALIDATOR_PLUGINS, { outbound }),
    refreshMs: config.OTPD_SETTINGS_REFRESH_MS,
  });
}

/** Wires every service over the adapters the configuration chooses (see adapters.ts). */
export function createDeps(config: Config, overrides: DepsOverrides = {}): Deps {
  const clock = overrides.clock ?? systemClock;
  const logger: Logger = createLogger(config.OTPD_LOG_LEVEL, overrides.logDestination);
  const store = openStore(config, logger);
  const keyring = openKeyring(config);
  const telemetry = createPromTelemetry();
  const outbound = openOutbound(config, logger);
  // Each app's providers come from its settings; an app without any uses the sandbox.
  const settings = openSettings(
    config,
    { store, keyring, clock, logger, outbound },
    overrides.providerPlugins,
  );
  const events = createEventSinks({ settingsFor: settings.get, clock });
  const webhooks = createWebhookSender({
    store,
    outbound,
    keyring,
    settingsFor: settings.get,
    clock,
    logger,
    telemetry,
    intervalMs: config.OTPD_DISPATCH_INTERVAL_MS,
    leaseMs: config.OTPD_DISPATCH_LEASE_MS,
  });
  const notifyWebhooks = () => webhooks.wake();
  const { limiter, redis } = openRateLimiter(config, { clock, logger });
  const builtinValidator = createBuiltinValidator(keyring);
  const messageLog = openMessageLog(config, logger);
  // One recorder for every path that calls providers, so shutdown drains them all.
  const attempts = createAttemptRecorder({ messageLog, logger, newId: createMessageIdSource() });

  const dispatcher = createDispatcher({
    store,
    keyring,
    clock,
    logger,
    telemetry,
    providersFor: settings.providersFor,
    settingsFor: settings.get,
    events,
    notifyWebhooks,
    attempts,
    intervalMs: config.OTPD_DISPATCH_INTERVAL_MS,
    leaseMs: config.OTPD_DISPATCH_LEASE_MS,
  });
  // The guard's counters share the rate limiter's backend: memory, or Redis when clustered.
  const fraud = createFraudGuard({
    store,
    counter: createLimiterWindowCounter(limiter),
    clock,
    logger,
    settingsFor: async (appId) => (await settings.get(appId)).fraudGuard,
    isSafelisted: async (appId, to) => isSafelisted((await settings.get(appId)).safelist, to),
    telemetry,
  });
  const limits = createLimitGuard({
    limiter,
    limitsFor: async (appId) => (await settings.get(appId)).limits,
    logger,
    telemetry,
  });
  const policy = createDestinationPolicy({ settingsFor: settings.get, logger });
  const verifications = createVerificationService({
    store,
    keyring,
    clock,
    telemetry,
    logger,
    notifyOutbox: () => dispatcher.wake(),
    settingsFor: settings.get,
    limits,
    policy,
    fraud,
    events,
    notifyWebhooks,
    // otpd checks the codes it made; the app's validator those its sender made.
    validatorFor: async (v) =>
      (v.externalCode ? await settings.validatorFor(v.appId) : null) ?? builtinValidator,
    senderMakesCode: settings.generatesCode,
  });
  const convertalk: ConvertalkRouteDeps = {
    sendDirect: createDirectSend({
      verifications,
      store,
      clock,
      logger,
      telemetry,
      settingsFor: settings.get,
      attempts,
      events,
      notifyWebhooks,
    }),
    verifications,
    keyring,
    settingsFor: settings.get,
    // Built per request from the credentials it brought; nothing of it outlives the request.
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
    clock,
  };
  const apps = createAppService({ store, clock });
  const diyalog: DiyalogRouteDeps = {
    apps,
    verifications,
    postbacks: createDiyalogPostbacks({
      store,
      verifications,
      keyring,
      settingsFor: settings.get,
      clock,
      logger,
      notifyWebhooks,
    }),
    settingsFor: settings.get,
    clock,
  };
  const receipts = createReceiptService({
    messageLog,
    store,
    settingsFor: settings.get,
    providersFor: settings.providersFor,
    keyring,
    clock,
    logger,
    notifyOutbox: () => dispatcher.wake(),
    onMessageStatus: createReceiptAnnouncer({ sinks: events, store, notifyWebhooks }),
  });
  return {
    logger,
    clock,
    store,
    receipts: createReceiptSources({
      receipts,
      clock,
      providerEntriesOf: async (appId) =>
        Object.values((await settings.get(appId)).channels).flatMap((c) => c.providers),
    }),
    publicUrl: config.OTPD_PUBLIC_URL,
    keyring,
    convertalk,
    diyalog,
    telemetry,
    dispatcher,
    webhooks,
    expirySweeper: createExpirySweeper({
      store,
      events,
      clock,
      logger,
      intervalMs: config.OTPD_EXPIRY_SWEEP_INTERVAL_MS,
      notifyWebhooks,
    }),
    verifications,
    settings,
    testSend: createTestSend({ settings, clock, guards: { policy, fraud, limits } }),
    apps,
    fraud,
    version: packageVersion(),
    limiter,
    redis,
    messageLog,
    webhookRetention: createRetention({
      what: 'webhook deliveries',
      purge: (before) => store.purgeWebhookDeliveries(before),
      clock,
      logger,
      retentionDays: config.OTPD_WEBHOOK_RETENTION_DAYS,
      intervalMs: config.OTPD_MESSAGE_LOG_PURGE_INTERVAL_MS,
    }),
    messageRetention: createMessageRetention({
      messageLog,
      clock,
      logger,
      retentionDays: config.OTPD_MESSAGE_LOG_RETENTION_DAYS,
      intervalMs: config.OTPD_MESSAGE_LOG_PURGE_INTERVAL_MS,
    }),
    trustProxy: config.OTPD_TRUST_PROXY,
    dialectHosts: config.OTPD_DIALECT_HOSTS,
  };
}
