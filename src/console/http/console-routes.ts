import type { FastifyInstance } from 'fastify';
import type { FraudGuard } from '../../abuse/fraud-guard.ts';
import type { AnalyticsService } from '../../analytics/analytics-service.ts';
import type { AppStore } from '../../apps/app-store-ports.ts';
import type { AppService } from '../../apps/apps.ts';
import type { TestSend } from '../../delivery/test-send.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { MessageSearch } from '../../message-log/message-search.ts';
import type { ConversationEvents } from '../../messenger/conversation-events.ts';
import type { ConversationService } from '../../messenger/conversation-service.ts';
import type { SettingsService } from '../../settings/settings-service.ts';
import type { WebBuild } from '../../web/static-assets.ts';
import type { WebhookSender } from '../../webhooks/webhook-sender.ts';
import type { WebhookStore } from '../../webhooks/webhook-store-ports.ts';
import type { Console } from '../console-graph.ts';
import { consoleAnalyticsRoutes } from './console-analytics-routes.ts';
import { consoleAppRoutes } from './console-app-routes.ts';
import { consoleAuditRoutes } from './console-audit-routes.ts';
import { consoleAuthRoutes } from './console-auth-routes.ts';
import { consoleFraudRoutes } from './console-fraud-routes.ts';
import { consoleInboxEventRoutes } from './console-inbox-events.ts';
import { consoleInboxRoutes } from './console-inbox-routes.ts';
import { consoleMessageRoutes } from './console-message-routes.ts';
import { consoleSettingsRoutes } from './console-settings-routes.ts';
import { consoleWebhookRoutes } from './console-webhook-routes.ts';

/**
 * The page loads only otpd's own scripts and styles (no inline script), talks only to otpd,
 * shows the TOTP QR code as a data: image, and no page may frame it (clickjacking).
 */
export const CONSOLE_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The API's answers are data, never a document to render or frame. */
const CONSOLE_API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The admin console: its page at `/console` and its JSON API under `/console/api/`. */
export async function consoleRoutes(
  app: FastifyInstance,
  deps: {
    console: Console;
    web: WebBuild;
    messageSearch: MessageSearch;
    analytics: AnalyticsService;
    clock: Clock;
    store: Pick<AppStore, 'listApps' | 'getApp'> &
      Pick<WebhookStore, 'listWebhookDeliveries' | 'getWebhookDelivery' | 'requeueWebhookDelivery'>;
    apps: AppService;
    conversations: ConversationService;
    conversationEvents: ConversationEvents;
    fraud: Pick<FraudGuard, 'list' | 'lift'>;
    webhooks: Pick<WebhookSender, 'wake'>;
    settings: SettingsService;
    testSend: TestSend;
  },
) {
  app.decorateRequest('consoleSession', null);
  // Every answer of the console, problems included, carries the security headers.
  app.addHook('onSend', async (request, reply) => {
    const page = request.url === '/console' || request.url.startsWith('/console?');
    reply
      .header(
        'content-security-policy',
        page && reply.statusCode === 200 ? CONSOLE_PAGE_CSP : CONSOLE_API_CSP,
      )
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', page ? 'no-cache' : 'no-store');
  });

  app.get('/console', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').send(deps.web.consoleHtml),
  );
  await consoleAuthRoutes(app, deps);
  await consoleAuditRoutes(app, deps);
  await consoleMessageRoutes(app, deps);
  await consoleAnalyticsRoutes(app, deps);
  await consoleAppRoutes(app, deps);
  await consoleInboxRoutes(app, deps);
  await consoleInboxEventRoutes(app, deps);
  await consoleFraudRoutes(app, deps);
  await consoleWebhookRoutes(app, deps);
  await consoleSettingsRoutes(app, deps);
}
