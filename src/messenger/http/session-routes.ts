import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../http/schemas.ts';
import { clearCookie, readCookie, SESSION_COOKIE } from './messenger-cookies.ts';
import {
  type MessengerRouteDeps,
  PUBLIC,
  publicBodyProblems,
  publicProblems,
  sessionConversation,
} from './messenger-http.ts';
import { appParams, conversationSchema } from './messenger-schemas.ts';
import { conversationView } from './messenger-views.ts';

/** The visitor's session: which chat this browser is in, and leaving it. */
export async function sessionRoutes(app: FastifyInstance, deps: MessengerRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/messenger/:appId/api/session', {
    schema: {
      ...PUBLIC,
      operationId: 'getMessengerSession',
      summary: "The conversation of this browser's session; 401 when there is none",
      params: appParams,
      response: { 200: conversationSchema, ...publicProblems, ...problems(401) },
    },
    handler: async (request) =>
      conversationView(await sessionConversation(deps, request, request.params.appId)),
  });

  api.post('/messenger/:appId/api/logout', {
    schema: {
      ...PUBLIC,
      operationId: 'endMessengerSession',
      summary: 'End the session: the cookie stops working at once, here and in every copy',
      params: appParams,
      response: { 204: z.null().describe('The session is over'), ...publicBodyProblems },
    },
    handler: async (request, reply) => {
      const { appId } = request.params;
      await deps.gate.assertEnabled(appId);
      await deps.sessions.revoke(appId, readCookie(request, SESSION_COOKIE));
      clearCookie(request, reply, appId, SESSION_COOKIE);
      return reply.status(204).send(null);
    },
  });
}
