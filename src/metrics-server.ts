import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  LogController,
} from 'fastify';
import type { Registry } from 'prom-client';
import { sendProblem, toOtpdError } from './http/errors.ts';
import { metricsRoutes } from './http/routes/metrics-routes.ts';
import { OtpdError } from './kernel/errors.ts';
import type { Logger } from './observability/logger.ts';

export interface MetricsServerDeps {
  registry: Registry;
  logger: Logger;
  /** OTPD_METRICS_TOKEN, when scrapes must carry it. */
  token?: string;
  /**
   * The API's certificate and key, when otpd serves https: the scrape's bearer token is a
   * secret too, so this port speaks TLS whenever the API's does.
   */
  tls?: { cert: Buffer; key: Buffer };
}

/**
 * The listener of OTPD_METRICS_PORT: `/metrics` and nothing else, so the port can be open to
 * the monitoring network alone while the API's port faces the clients. Reads no environment
 * and opens no port; main.ts listens and closes it with the API's.
 */
export async function buildMetricsServer(deps: MetricsServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.tls ? { https: deps.tls } : {}),
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });
  // The route's schema is zod, for the document; its answer is text, sent as it is.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler((error, request, reply) =>
    sendProblem(reply, toOtpdError(error as FastifyError, deps.logger, request)),
  );
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new OtpdError(
        'route_not_found',
        `this port serves GET /metrics only, not ${request.method} ${request.url.split('?')[0]}`,
      ),
    ),
  );
  await app.register(metricsRoutes, { registry: deps.registry, token: deps.token });
  return app;
}
