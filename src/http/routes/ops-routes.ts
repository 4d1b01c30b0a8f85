import type { FastifyInstance } from 'fastify';
import type { Store } from '../../ports/store.ts';
import { healthSchema, readinessSchema } from './ops-schemas.ts';

const READY_TIMEOUT_MS = 2_000;

/** Whether a dependency answers within READY_TIMEOUT_MS. */
function probe(dependency: { ping(): Promise<unknown> }) {
  return Promise.race([
    dependency.ping().then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    ),
    new Promise<'timeout'>((resolve) => setTimeout(resolve, READY_TIMEOUT_MS, 'timeout').unref()),
  ]);
}

/**
 * Liveness and readiness: unauthenticated, for the operator's infrastructure. The metrics
 * are metrics-routes.ts's, on this listener or on OTPD_METRICS_PORT's.
 */
export async function opsRoutes(
  app: FastifyInstance,
  deps: { store: Pick<Store, 'ping'>; redis?: { ping(): Promise<void> } },
) {
  app.get('/healthz', { schema: healthSchema }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: readinessSchema }, async (_request, reply) => {
    const [database, redis] = await Promise.all([
      probe(deps.store),
      deps.redis ? probe(deps.redis) : undefined,
    ]);
    const checks = redis === undefined ? { database } : { database, redis };
    const ready = Object.values(checks).every((check) => check === 'ok');
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not_ready',
      checks,
    });
  });
}
