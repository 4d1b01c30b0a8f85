import type { FastifyInstance, FastifyReply } from 'fastify';
import { OtpdError } from '../../kernel/errors.ts';
import type { WebBuild } from '../../web/static-assets.ts';

export interface PageRouteDeps {
  web: WebBuild;
  /**
   * The origins allowed to embed an app's messenger, while it is enabled; throws the
   * messenger's 404 problem for an unknown app or a disabled messenger.
   */
  embeddersOf(appId: string): Promise<readonly string[]>;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The page may load only otpd's own files and talk only to otpd; bot images may come from
 * any https host. Only the app's allowed origins (and otpd itself) may frame it.
 */
export function messengerCsp(embedders: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...embedders].join(' ')}`,
  ].join('; ');
}

/** The hosted messenger page, the embed loader and the hashed assets they load. */
export async function pageRoutes(app: FastifyInstance, deps: PageRouteDeps) {
  const { web } = deps;

  app.get<{ Params: { appId: string } }>(
    '/messenger/:appId',
    { schema: { hide: true } },
    async (request, reply) => {
      const embedders = await deps.embeddersOf(request.params.appId);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', messengerCsp(embedders))
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .send(web.messengerHtml);
    },
  );

  // Sites embed this fixed URL: a short cache, so a new build reaches them within minutes.
  app.get('/messenger.js', { schema: { hide: true } }, async (_request, reply) =>
    sendFile(reply, web.loader, 'public, max-age=300'),
  );

  app.get<{ Params: { name: string } }>(
    '/assets/:name',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = web.assets.get(request.params.name);
      if (!file) {
        throw new OtpdError('route_not_found', `GET /assets/${request.params.name} does not exist`);
      }
      return sendFile(reply, file, IMMUTABLE);
    },
  );
}

function sendFile(reply: FastifyReply, file: WebBuild['loader'], cacheControl: string) {
  return reply
    .header('content-type', file.type)
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

/** `embeddersOf` over the store and the settings: 404 alike for unknown and disabled. */
export function embeddersFrom(deps: {
  store: { getApp(id: string): Promise<unknown> };
  settings: {
    get(appId: string): Promise<{ messenger: { enabled: boolean; allowedOrigins: string[] } }>;
  };
}): PageRouteDeps['embeddersOf'] {
  return async (appId) => {
    const app = await deps.store.getApp(appId);
    const messenger = app ? (await deps.settings.get(appId)).messenger : undefined;
    if (!messenger?.enabled) {
      throw new OtpdError('messenger_not_found', `no messenger is enabled for app ${appId}`);
    }
    return messenger.allowedOrigins;
  };
}
