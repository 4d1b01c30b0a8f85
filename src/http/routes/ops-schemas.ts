import { z } from 'zod';
import type { MediaResponse } from '../openapi.ts';
import { problem } from '../schemas.ts';

/** How the operations endpoints are documented; their handlers are in ops-routes.ts. */

const common = { tags: ['operations'], security: [] };
const check = z.enum(['ok', 'unreachable', 'timeout']);
const readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({ database: check, redis: check.optional().describe('With OTPD_REDIS_URL') }),
  })
  .meta({ id: 'Readiness' });
const shuttingDown: MediaResponse = {
  description: 'The server is shutting down (`service_unavailable`); retry after `Retry-After`',
  content: { 'application/problem+json': { schema: problem } },
};

export const healthSchema = {
  ...common,
  operationId: 'getHealth',
  summary: 'Liveness: the process answers',
  response: { 200: z.object({ status: z.literal('ok') }), 503: shuttingDown },
};

export const readinessSchema = {
  ...common,
  operationId: 'getReadiness',
  summary: 'Readiness: the database (and Redis, when configured) answer within 2 s',
  response: {
    200: readiness,
    503: {
      description: 'A dependency did not answer (`not_ready`), or the server is shutting down',
      content: {
        'application/json': { schema: readiness },
        'application/problem+json': { schema: problem },
      },
    } satisfies MediaResponse,
  },
};

export const metricsSchema = {
  ...common,
  // Open unless the operator sets OTPD_METRICS_TOKEN.
  security: [{} as Record<string, string[]>, { metricsToken: [] }],
  operationId: 'getMetrics',
  summary: 'Prometheus metrics, in the text exposition format',
  response: {
    200: {
      description: 'Prometheus text exposition format 0.0.4',
      content: { 'text/plain': { schema: z.string() } },
    } satisfies MediaResponse,
    401: {
      description: 'OTPD_METRICS_TOKEN is set and the request does not carry it',
      content: { 'application/problem+json': { schema: problem } },
    } satisfies MediaResponse,
    503: shuttingDown,
  },
};
