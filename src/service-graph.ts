import type { VerificationStats } from './analytics/analytics-ports.ts';
import { createAnalyticsService } from './analytics/analytics-service.ts';
import type { Config } from './config.ts';
import type { ConvertalkRouteDeps } from './http/dialects/convertalk/convertalk-routes.ts';
import type { DiyalogRouteDeps } from './http/dialects/diyalog/diyalog-routes.ts';
import type { ConversationEvents } from './messenger/conversation-events.ts';
import type { ConversationStore } from './messenger/conversation-store.ts';
import { createMessenger } from './messenger/messenger-graph.ts';
import type { Logger } from './observability/logger.ts';
import type { Clock } from './ports/clock.ts';
import type { Keyring } from './ports/keyring.ts';
import type { MessageLog } from './ports/message-log.ts';
import type { OutboundClient } from './ports/outbound.ts';
import type { RateLimiter } from './ports/rate-limiter.ts';
import type { Store } from './ports/store.ts';
import type { Telemetry } from './ports/telemetry.ts';
import type { Validator } from './ports/validator.ts';
import type { WindowCounter } from './ports/window-counter.ts';
import { createAppService } from './services/apps.ts';
import { createAttemptRecorder } from './services/attempt-recorder.ts';
import { createDestinationPolicy } from './services/destination-policy.ts';
import { createDirectSend } from './services/direct-send.ts';
import { createDispatcher } from './services/dispatcher.ts';
import { createDiyalogPostbacks } from './services/diyalog-postbacks.ts';
import { createEventSinks, createReceiptAnnouncer } from './services/events.ts';
import { createExpirySweeper } from './services/expiry-sweeper.ts';
import { createFraudGuard } from './services/fraud-guard.ts';
import { createLimitGuard } from './services/limits.ts';
import { createMessageRetention, createRetention } from './services/message-retention.ts';
import { createMessageSearch } from './services/message-search.ts';
import { createReceiptSources } from './services/receipt-sources.ts';
import { createReceiptService } from './services/receipts.ts';
import { createSendGate } from './services/send-gate.ts';
import type { SettingsService } from './services/settings.ts';
import { createTestSend } from './services/test-send.ts';
import { createVerificationService } from './services/verifications.ts';
import { createWebhookSender } from './services/webhook-sender.ts';

/** What the services run on: the ports, as src/deps.ts opened them for the configuration. */
export interface ServicePorts {
  config: Pick<
    Config,
    | 'OTPD_DISPATCH_INTERVAL_MS'
    | 'OTPD_DISPATCH_LEASE_MS'
    | 'OTPD_DISPATCH_CONCURRENCY'
    | 'OTPD_DISPATCH_APP_CONCURRENCY'
    | 'OTPD_DISPATCH_PROVIDER_CONCURRENCY'
    | 'OTPD_WEBHOOK_CONCURRENCY'
    | 'OTPD_WEBHOOK_APP_CONCURRENCY'
    | 'OTPD_EXPIRY_SWEEP_INTERVAL_MS'
    | 'OTPD_WEBHOOK_RETENTION_DAYS'
    | 'OTPD_MESSAGE_LOG_RETENTION_DAYS'
    | 'OTPD_MESSAGE_LOG_PURGE_INTERVAL_MS'
    | 'OTPD_SANDBOX_RETENTION_HOURS'
    | 'OTPD_EMAIL_ALLOW_QUOTED_LOCAL_PART'
  >;
  clock: Clock;
  logger: Logger;
  store: Store;
  keyring: Keyring;
  telemetry: Telemetry;
  outbound: OutboundClient;
  settings: SettingsService;
  messageLog: MessageLog;
  limiter: RateLimiter;
  /** The SMS-pumping guard's counters: the rate limiter's backend. */
  windowCounter: WindowCounter;
  /** Checks the codes otpd made itself. */
  builtinValidator: Validator;
  /** Ids of message log entries. */
  newMessageId: (nowMs: number) => string;
  /** Convertalk's Twilio sender, built per request from the credentials it brought. */
  twilioFor: ConvertalkRouteDeps['twilioFor'];
  /** The web messenger's conversations, messages and sessions. */
  conversationStore: ConversationStore;
  /** Wakes the pages connected to a conversation when it has a new message. */
  conversationEvents: ConversationEvents;
  /** The main store's verification counts, for the analytics. */
  verificationStats: VerificationStats;
}

/**
 * Every use case, wired over the ports. It imports no concrete adapter: src/deps.ts chooses
 * those from the configuration and hands them in.
 */
export function createServiceGraph(ports: ServicePorts) {
  const { config, clock, logger, store, keyring, telemetry, outbound, settings, messageLog } =
    ports;
  const { limiter, windowCounter, builtinValidator, newMessageId, twilioFor } = ports;

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
    concurrency: config.OTPD_WEBHOOK_CONCURRENCY,
    perApp: config.OTPD_WEBHOOK_APP_CONCURRENCY,
  });
  const notifyWebhooks = () => webhooks.wake();
  // One recorder for every path that calls providers, so shutdown drains them all.
  const attempts = createAttemptRecorder({ messageLog, logger, newId: newMessageId });

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
    concurrency: config.OTPD_DISPATCH_CONCURRENCY,
    perApp: config.OTPD_DISPATCH_APP_CONCURRENCY,
    perProvider: config.OTPD_DISPATCH_PROVIDER_CONCURRENCY,
  });
  const fraud = createFraudGuard({ store, counter: windowCounter, clock, logger, telemetry });
  // Every path that sends a code (start, resend, direct send, chat message, test message)
  // passes this one gate, with the settings its request read once.
  const gate = createSendGate({
    policy: createDestinationPolicy({ logger }),
    fraud,
    limits: createLimitGuard({ limiter, logger, telemetry }),
  });
  const emailRules = { allowQuotedLocalPart: config.OTPD_EMAIL_ALLOW_QUOTED_LOCAL_PART };
  const verifications = createVerificationService({
    store,
    keyring,
    clock,
    telemetry,
    logger,
    notifyOutbox: () => dispatcher.wake(),
    settingsFor: settings.get,
    gate,
    events,
    notifyWebhooks,
    // otpd checks the codes it made; the app's validator those its sender made.
    validatorFor: async (v) =>
      (v.externalCode ? await settings.validatorFor(v.appId) : null) ?? builtinValidator,
    senderMakesCode: settings.sendersMakeCode,
    emailRules,
  });
  const convertalk: ConvertalkRouteDeps = {
    sendDirect: createDirectSend({
      verifications,
      store,
      clock,
      logger,
      telemetry,
      attempts,
      events,
      notifyWebhooks,
    }),
    verifications,
    keyring,
    logger,
    settingsFor: settings.get,
    twilioFor,
    clock,
  };
  const apps = createAppService({ store, clock });
  // Presses come from chat platforms (Diyalog's postback) and from otpd's own web messenger.
  const diyalogPostbacks = createDiyalogPostbacks({
    store,
    verifications,
    keyring,
    settingsFor: settings.get,
    clock,
    logger,
    notifyWebhooks,
  });
  const diyalog: DiyalogRouteDeps = {
    apps,
    verifications,
    postbacks: diyalogPostbacks,
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
  const messenger = createMessenger({
    store,
    conversationStore: ports.conversationStore,
    events: ports.conversationEvents,
    settingsFor: settings.get,
    verifications,
    diyalogPostbacks,
    limiter,
    keyring,
    outbound,
    clock,
    logger,
  });
  return {
    messageSearch: createMessageSearch(ports.messageLog),
    analytics: createAnalyticsService({
      store: ports.verificationStats,
      messageLog: ports.messageLog,
      clock: ports.clock,
    }),
    dispatcher,
    webhooks,
    messenger,
    verifications,
    convertalk,
    diyalog,
    apps,
    fraud,
    receipts: createReceiptSources({
      receipts,
      clock,
      providerEntriesOf: async (appId) =>
        Object.values((await settings.get(appId)).channels).flatMap((c) => c.providers),
    }),
    expirySweeper: createExpirySweeper({
      store,
      events,
      clock,
      logger,
      intervalMs: config.OTPD_EXPIRY_SWEEP_INTERVAL_MS,
      notifyWebhooks,
    }),
    testSend: createTestSend({
      settings,
      clock,
      emailRules,
      gate,
    }),
    webhookRetention: createRetention({
      what: 'webhook deliveries',
      purge: (before) => store.purgeWebhookDeliveries(before),
      clock,
      logger,
      retentionDays: config.OTPD_WEBHOOK_RETENTION_DAYS,
      intervalMs: config.OTPD_MESSAGE_LOG_PURGE_INTERVAL_MS,
    }),
    // Sandbox messages hold plaintext codes: kept hours, not days.
    sandboxRetention: createRetention({
      what: 'sandbox messages',
      purge: (before) => store.purgeSandboxMessages(before),
      clock,
      logger,
      retentionDays: config.OTPD_SANDBOX_RETENTION_HOURS / 24,
      intervalMs: config.OTPD_MESSAGE_LOG_PURGE_INTERVAL_MS,
    }),
    messageRetention: createMessageRetention({
      messageLog,
      clock,
      logger,
      retentionDays: config.OTPD_MESSAGE_LOG_RETENTION_DAYS,
      intervalMs: config.OTPD_MESSAGE_LOG_PURGE_INTERVAL_MS,
    }),
  };
}
