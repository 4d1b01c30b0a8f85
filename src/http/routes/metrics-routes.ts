import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { OtpdError } from '../../kernel/errors.ts';
import { metricsSchema } from './ops-schemas.ts';

export interface MetricsRouteDeps {
  registry: Registry;
  /** OTPD_METRICS_TOKEN: when set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether the request carries the token. Both sides are hashed first, so the comparison
 * takes the same time whatever the length or the first wrong byte of what was sent.
 */
function carriesToken(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return timingSafeEqual(sha256(match?.[1] ?? ''), sha256(token));
}

/** `GET /metrics` in Prometheus's text format, behind the operator's token when one is set. */
export async function metricsRoutes(app: FastifyInstance, deps: MetricsRouteDeps) {
  const { registry, token } = deps;
  app.get('/metrics', { schema: metricsSchema }, async (request, reply) => {
    if (token !== undefined && !carriesToken(request, token)) {
      throw new OtpdError(
        'invalid_metrics_token',
        'send Authorization: Bearer <OTPD_METRICS_TOKEN> to read the metrics',
      );
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
