import { createDestinationPolicy } from './abuse/destination-policy.ts';
import { createFraudGuard } from './abuse/fraud-guard.ts';
import { createLimitGuard } from './abuse/limit-guard.ts';
import type { RateLimiter } from './abuse/rate-limiter-ports.ts';
import { createSendGate } from './abuse/send-gate.ts';
import type { WindowCounter } from './abuse/window-counter-ports.ts';
import type { VerificationStats } from './analytics/analytics-ports.ts';
import { createAnalyticsService } from './analytics/analytics-service.ts';
import { createAppService } from './apps/apps.ts';
import { createAttemptRecorder } from './delivery/attempt-recorder.ts';
import { createDirectSend } from './delivery/direct-send.ts';
import { createDispatcher } from './delivery/dispatcher.ts';
import { createTestSend } from './delivery/test-send.ts';
import type { ConvertalkRouteDeps } from './dialects/convertalk/convertalk-routes.ts';
import type { DiyalogRouteDeps } from './dialects/diyalog/diyalog-routes.ts';
import { createDiyalogPostbacks } from './dialects/diyalog-postbacks.ts';
import type { Clock } from './kernel/clock.ts';
import type { Config } from './kernel/config/config.ts';
import type { MessageLog } from './message-log/message-log-ports.ts';
import { createMessageRetention, createRetention } from './message-log/message-retention.ts';
import { createMessageSearch } from './message-log/message-search.ts';
import type { ConversationEvents } from './messenger/conversation-events.ts';
import type { ConversationStore } from './messenger/conversation-store.ts';
import { createMessenger } from './messenger/http/messenger-graph.ts';
import type { Logger } from './observability/logger.ts';
import type { Keyring } from './ports/keyring.ts';
import type { OutboundClient } from './ports/outbound.ts';
import type { Store } from './ports/store.ts';
import type { Telemetry } from './ports/telemetry.ts';
import { createReceiptSources } from './receipts/receipt-sources.ts';
import { createReceiptService } from './receipts/receipts.ts';
import type { SettingsService } from './settings/settings-service.ts';
import { createExpirySweeper } from './verification/expiry-sweeper.ts';
import type { Validator } from './verification/validator-ports.ts';
import { createVerificationService } from './verification/verifications.ts';
import { createEventSinks, createReceiptAnnouncer } from './webhooks/event-announcer.ts';
import { createWebhookSender } from './webhooks/webhook-sender.ts';

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
    | 'OTPD_API_KEY_REFRESH_MS'
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

  const apps = createAppService({
    store,
    clock,
    keyRefreshMs: config.OTPD_API_KEY_REFRESH_MS,
  });
  const dispatcher = createDispatcher({
    store,
    appName: apps.appName,
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
