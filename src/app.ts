import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  LogController,
} from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { FraudGuard } from './abuse/fraud-guard.ts';
import { fraudRoutes } from './abuse/http/fraud-routes.ts';
import type { AnalyticsService } from './analytics/analytics-service.ts';
import { analyticsRoutes } from './analytics/http/analytics-routes.ts';
import type { AppService } from './apps/apps.ts';
import type { Console } from './console/console-graph.ts';
import { auditRoutes } from './console/http/audit-routes.ts';
import { consoleRoutes } from './console/http/console-routes.ts';
import { testSendRoutes } from './delivery/http/test-send-routes.ts';
import type { TestSend } from './delivery/test-send.ts';
import {
  type ConvertalkRouteDeps,
  convertalkRoutes,
} from './dialects/convertalk/convertalk-routes.ts';
import { type DiyalogRouteDeps, diyalogRoutes } from './dialects/diyalog/diyalog-routes.ts';
import { dialectHostRewrite } from './dialects/http/dialect-hosts.ts';
import { registerDialects } from './dialects/http/dialect-routes.ts';
import { requireApiKey, requireScopes } from './http/auth.ts';
import { BODY_LIMIT, registerJsonParser } from './http/body-parsers.ts';
import {
  createClientErrorHandler,
  createFrameworkErrorHandler,
  installClientErrors,
  REQUEST_TIMEOUT_MS,
} from './http/client-errors.ts';
import { sendProblem, toOtpdError } from './http/errors.ts';
import { refuseUnsafeInput } from './http/input-guard.ts';
import { registerOpenApi } from './http/openapi.ts';
import { trackRouteMethods, unroutedError } from './http/route-methods.ts';
import { metricsRoutes } from './http/routes/metrics-routes.ts';
import { opsRoutes } from './http/routes/ops-routes.ts';
import type { Clock } from './kernel/clock.ts';
import { DIALECT_PREFIXES, type DialectHosts } from './kernel/dialect-hosts.ts';
import { OtpdError } from './kernel/errors.ts';
import { messageRoutes } from './message-log/http/message-routes.ts';
import type { MessageLog } from './message-log/message-log-ports.ts';
import type { MessageSearch } from './message-log/message-search.ts';
import { conversationRoutes } from './messenger/http/conversation-routes.ts';
import { type MessengerRouteDeps, messengerRoutes } from './messenger/http/messenger-routes.ts';
import { embeddersFrom, pageRoutes } from './messenger/http/page-routes.ts';
import type { Logger } from './observability/logger.ts';
import type { PromTelemetry } from './observability/prom-telemetry.ts';
import type { Store } from './ports/store.ts';
import { receiptRoutes } from './receipts/http/receipt-routes.ts';
import type { ReceiptSources } from './receipts/receipt-sources.ts';
import { settingsRoutes } from './settings/http/settings-routes.ts';
import type { SettingsService } from './settings/settings-service.ts';
import { sandboxRoutes } from './verification/http/sandbox-routes.ts';
import { verificationRoutes } from './verification/http/verification-routes.ts';
import type { VerificationService } from './verification/verifications.ts';
import { loadWebBuild, type WebBuild } from './web/static-assets.ts';
import { webhookRoutes } from './webhooks/http/webhook-routes.ts';
import type { WebhookSender } from './webhooks/webhook-sender.ts';

export interface AppDeps {
  logger: Logger;
  clock: Clock;
  store: Store;
  telemetry: PromTelemetry;
  apps: AppService;
  verifications: VerificationService;
  settings: SettingsService;
  /** One test message through an app's configured route (`POST /v1/settings/test-send`). */
  testSend: TestSend;
  /** Every delivery attempt, in its own store (read by the message routes). */
  messageLog: MessageLog;
  /** The message log's search, detail and export, over the apps a caller may see. */
  messageSearch: MessageSearch;
  /** Verification and delivery numbers over time (`/v1/analytics`). */
  analytics: AnalyticsService;
  /** The SMS-pumping guard, whose decisions `/v1/fraud/blocks` lists and lifts. */
  fraud: FraudGuard;
  /** The webhook sender, woken when a delivery is sent again by hand. */
  webhooks: Pick<WebhookSender, 'wake'>;
  /** What Convertalk's chatbot endpoints under `/convertalk` use. */
  convertalk: ConvertalkRouteDeps;
  /** What Diyalog's bot endpoints under `/diyalog` use. */
  diyalog: DiyalogRouteDeps;
  /** The web messenger: its public API and the conversations API. */
  messenger: MessengerRouteDeps;
  /** The admin console: admins, sessions, the audit log (also `GET /v1/audit`). */
  console: Console;
  /** Delivery receipts from providers (their routes take no API key). */
  receipts: ReceiptSources;
  /** OTPD_PUBLIC_URL: the URL providers reach otpd at, for Twilio's signatures. */
  publicUrl?: string;
  version: string;
  /**
   * Proxies (CIDRs) whose X-Forwarded-For sets `request.ip`; default none. The per-IP limits
   * count `request.ip` when a request names no `clientIp` (see http/client-address.ts).
   */
  trustProxy?: readonly string[];
  /** Hosts whose root requests speak a compatible API (OTPD_DIALECT_HOSTS); default none. */
  dialectHosts?: DialectHosts;
  /** How long a request may take to arrive whole before a 408 (default 30 s). */
  requestTimeoutMs?: number;
  /** The Redis behind the rate limits, when there is one: `/readyz` reports it. */
  redis?: { ping(): Promise<void> };
  /**
   * `/metrics`: its bearer token (OTPD_METRICS_TOKEN), and whether it is served by its own
   * listener (OTPD_METRICS_PORT, metrics-server.ts) instead of this app; default here, open.
   */
  metrics?: { token?: string; ownListener?: boolean };
  /** Certificate and key (OTPD_TLS_CERT_FILE/KEY_FILE): serve https; default plain http. */
  tls?: { cert: Buffer; key: Buffer };
  /** The built browser pages; default the `npm install` build in dist/web. */
  web?: WebBuild;
}

export { BODY_LIMIT };

/** The HTTP application. Reads no environment and opens no connections: deps come in whole. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const requestTimeout = deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server = {
    // Node answers a missing Host with an empty 400; our onRequest hook answers a problem.
    requireHostHeader: false,
    // Node enforces requestTimeout only when it checks; check often enough to keep it.
    connectionsCheckingInterval: Math.min(5_000, Math.max(100, requestTimeout / 4)),
  };
  // Fastify types an https app apart; every route and hook here is the same for both.
  const app = Fastify({
    ...(deps.tls ? { https: { ...deps.tls, ...server } } : { http: server }),
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Our own access log below: it leaves out query strings, which may hold destinations.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // Requests arriving during shutdown get our own 503 problem below, not Fastify's.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    trustProxy: deps.trustProxy?.length ? [...deps.trustProxy] : false,
    rewriteUrl: dialectHostRewrite(deps.dialectHosts ?? new Map()),
    requestTimeout,
    clientErrorHandler: createClientErrorHandler(deps.logger, requestTimeout),
    frameworkErrors: createFrameworkErrorHandler(deps.logger),
  });
  installClientErrors(app, requestTimeout);
  trackRouteMethods(app);
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document; handlers build responses from typed views, so plain
  // JSON.stringify is enough and avoids validating every response again.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('principal', null);

  // Fastify parses text/plain by default; the API speaks JSON only, so that is a 415 (I7).
  app.removeContentTypeParser('text/plain');
  registerJsonParser(app);
  app.addHook('preValidation', refuseUnsafeInput);

  app.setErrorHandler((error, request, reply) =>
    sendProblem(reply, toOtpdError(error as FastifyError, deps.logger, request)),
  );
  app.setNotFoundHandler((request, reply) => sendProblem(reply, unroutedError(request)));

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new OtpdError('service_unavailable', 'the server is shutting down; retry', {
      retryAfterMs: 1_000,
    });
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    deps.telemetry.observeHttp(request.method, route, reply.statusCode, seconds);
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await registerOpenApi(app, deps.version, deps.publicUrl);
  await app.register(opsRoutes, { store: deps.store, redis: deps.redis });
  if (!deps.metrics?.ownListener) {
    await app.register(metricsRoutes, {
      registry: deps.telemetry.registry,
      token: deps.metrics?.token,
    });
  }
  // Providers authenticate receipts themselves; an encapsulated scope keeps their form parser.
  await app.register(receiptRoutes, { sources: deps.receipts, publicUrl: deps.publicUrl });
  await app.register(async (v1) => {
    // onRequest, so an unauthenticated caller learns nothing from validation errors.
    v1.addHook('onRequest', requireApiKey(deps.apps));
    requireScopes(v1);
    await verificationRoutes(v1, {
      verifications: deps.verifications,
      store: deps.store,
      clock: deps.clock,
    });
    await sandboxRoutes(v1, { store: deps.store });
    await messageRoutes(v1, {
      messageLog: deps.messageLog,
      messageSearch: deps.messageSearch,
      verifications: deps.verifications,
    });
    await settingsRoutes(v1, { settings: deps.settings, audit: deps.console.audit });
    await testSendRoutes(v1, { testSend: deps.testSend });
    await fraudRoutes(v1, { fraud: deps.fraud, clock: deps.clock, audit: deps.console.audit });
    await webhookRoutes(v1, {
      store: deps.store,
      clock: deps.clock,
      wake: () => deps.webhooks.wake(),
      audit: deps.console.audit,
    });
    await conversationRoutes(v1, { conversations: deps.messenger.conversations });
    await analyticsRoutes(v1, { analytics: deps.analytics, clock: deps.clock });
    await auditRoutes(v1, { audit: deps.console.audit });
  });
  await app.register((messenger) => messengerRoutes(messenger, deps.messenger));
  await app.register(
    async (convertalk) => {
      // The same Bearer API keys as /v1, checked before the body is.
      convertalk.addHook('onRequest', requireApiKey(deps.apps));
      requireScopes(convertalk);
      await convertalkRoutes(convertalk, deps.convertalk);
    },
    { prefix: DIALECT_PREFIXES.convertalk },
  );
  await app.register((diyalog) => diyalogRoutes(diyalog, deps.diyalog), {
    prefix: DIALECT_PREFIXES.diyalog,
  });
  await registerDialects(app, deps);
  // The messenger's page, its embed loader and their assets: public, no API key.
  const web = deps.web ?? loadWebBuild();
  await app.register(pageRoutes, { web, embeddersOf: embeddersFrom(deps) });
  await app.register(consoleRoutes, {
    console: deps.console,
    web,
    messageSearch: deps.messageSearch,
    analytics: deps.analytics,
    clock: deps.clock,
    store: deps.store,
    apps: deps.apps,
    conversations: deps.messenger.conversations,
    conversationEvents: deps.messenger.events,
    fraud: deps.fraud,
    webhooks: deps.webhooks,
    settings: deps.settings,
    testSend: deps.testSend,
  });
  return app;
}
