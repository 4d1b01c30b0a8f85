import type { FastifyInstance } from 'fastify';
import { eventRoutes } from './event-routes.ts';
import { gateRoutes } from './gate-routes.ts';
import type { MessengerRouteDeps } from './messenger-http.ts';
import { sessionRoutes } from './session-routes.ts';
import { visitorRoutes } from './visitor-routes.ts';

export type { MessengerRouteDeps } from './messenger-http.ts';

/** The messenger's public API under `/messenger/{appId}/api/`: no API key, cookies instead. */
export async function messengerRoutes(app: FastifyInstance, deps: MessengerRouteDeps) {
  await gateRoutes(app, deps);
  await sessionRoutes(app, deps);
  await visitorRoutes(app, deps);
  await eventRoutes(app, deps);
}
