import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../http/schemas.ts';
import { checkView } from '../../verification/http/verification-views.ts';
import type { ConversationRecord } from '../conversation-store.ts';
import {
  clearCookie,
  GATE_COOKIE,
  readCookie,
  SESSION_COOKIE,
  setCookie,
} from './messenger-cookies.ts';
import {
  type MessengerRouteDeps,
  PUBLIC,
  publicBodyProblems,
  publicProblems,
  visitorOf,
} from './messenger-http.ts';
import {
  appParams,
  checkGateBody,
  conversationSchema,
  localeSchema,
  openWithoutCodeBody,
  startGateBody,
  verificationParams,
} from './messenger-schemas.ts';
import { conversationView } from './messenger-views.ts';

const gateVerification = z.object({
  id: z.string(),
  to: z.string(),
  expiresAt: z.string(),
  resendAvailableAt: z.string(),
  attemptsRemaining: z.number().int(),
  codeLength: z.number().int(),
});

/** The gate: the page's configuration, the phone's verification and the chat it opens. */
export async function gateRoutes(app: FastifyInstance, deps: MessengerRouteDeps) {
  const { gate, sessions, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    conversation: ConversationRecord,
  ) {
    const { token, expiresAt } = await sessions.issue(conversation.appId, conversation.id);
    setCookie(request, reply, conversation.appId, {
      name: SESSION_COOKIE,
      value: token,
      expiresAt,
    });
  }

  api.get('/messenger/:appId/api/config', {
    schema: {
      ...PUBLIC,
      operationId: 'getMessengerConfig',
      summary: "The messenger's settings and texts in the visitor's language",
      params: appParams,
      querystring: z.object({ locale: localeSchema.optional() }),
      response: { 200: z.object({}).passthrough(), ...publicProblems },
    },
    handler: async (request) =>
      gate.config(request.params.appId, visitorOf(request, request.query.locale)),
  });

  api.post('/messenger/:appId/api/verifications', {
    schema: {
      ...PUBLIC,
      operationId: 'startMessengerVerification',
      summary: "Send a code to the visitor's phone (counts against the per-IP rule)",
      params: appParams,
      body: startGateBody,
      // 403: the app's rules refuse the number; 409: the messenger opens without a code;
      // 429: the per-IP rule or the app's send limits.
      response: { 201: gateVerification, ...publicBodyProblems, ...problems(403, 409, 429) },
    },
    handler: async (request, reply) => {
      const { appId } = request.params;
      const started = await gate.start(appId, request.body, visitorOf(request));
      setCookie(request, reply, appId, {
        name: GATE_COOKIE,
        value: started.pass,
        expiresAt: started.passExpiresAt,
      });
      return reply.status(201).send(started.verification);
    },
  });

  api.post('/messenger/:appId/api/verifications/:id/check', {
    schema: {
      ...PUBLIC,
      operationId: 'checkMessengerVerification',
      summary: 'Check the code; a right one opens the chat and sets the session cookie',
      params: verificationParams,
      body: checkGateBody,
      response: {
        200: z.object({
          id: z.string(),
          status: z.string(),
          valid: z.boolean(),
          reason: z.string().nullable(),
          attemptsRemaining: z.number().int(),
          conversation: conversationSchema.optional(),
        }),
        ...publicBodyProblems,
        // The failed-check limits of the destination and the address.
        ...problems(429),
      },
    },
    handler: async (request, reply) => {
      const { appId, id } = request.params;
      const sealed = readCookie(request, GATE_COOKIE);
      const { outcome, conversation } = await gate.check(
        appId,
        id,
        request.body.code,
        sealed,
        visitorOf(request),
      );
      const view = checkView(outcome, clock.now());
      if (!conversation) return view;
      await startSession(request, reply, conversation);
      clearCookie(request, reply, appId, GATE_COOKIE);
      return { ...view, conversation: conversationView(conversation) };
    },
  });

  api.post('/messenger/:appId/api/verifications/:id/resend', {
    schema: {
      ...PUBLIC,
      operationId: 'resendMessengerVerification',
      summary: 'Send a new code (counts against the per-IP rule and the resend cooldown)',
      params: verificationParams,
      // 409: the verification is over; 429: the per-IP rule, the cooldown, the send budget.
      response: { 200: gateVerification, ...publicBodyProblems, ...problems(403, 409, 429) },
    },
    handler: async (request) => {
      const { appId, id } = request.params;
      return gate.resend(appId, id, readCookie(request, GATE_COOKIE), visitorOf(request));
    },
  });

  api.post('/messenger/:appId/api/conversations', {
    schema: {
      ...PUBLIC,
      operationId: 'openMessengerConversation',
      summary: 'Open the chat without a code (authentication `none`)',
      params: appParams,
      body: openWithoutCodeBody,
      // 409: the messenger asks for a code first.
      response: { 201: conversationSchema, ...publicBodyProblems, ...problems(409) },
    },
    handler: async (request, reply) => {
      const { appId } = request.params;
      const conversation = await gate.openWithoutCode(appId, request.body, visitorOf(request));
      await startSession(request, reply, conversation);
      return reply.status(201).send(conversationView(conversation));
    },
  });
}
