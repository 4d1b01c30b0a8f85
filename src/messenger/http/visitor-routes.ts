import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../http/schemas.ts';
import { checkView } from '../../verification/http/verification-views.ts';
import {
  type MessengerRouteDeps,
  PUBLIC,
  publicBodyProblems,
  publicProblems,
  sessionConversation,
} from './messenger-http.ts';
import {
  afterQuery,
  appParams,
  confirmCodeBody,
  conversationSchema,
  messageParams,
  postbackBody,
  visitorMessageBody,
  visitorMessageSchema,
} from './messenger-schemas.ts';
import { conversationView, visitorMessageView } from './messenger-views.ts';

/**
 * What the visitor does in the chat: read, write, press a button, confirm a code a message
 * delivered, ask for a person, end it.
 */
export async function visitorRoutes(app: FastifyInstance, deps: MessengerRouteDeps) {
  const { conversations, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  // 401: no live session; 409: the conversation is closed.
  const responses = { ...publicBodyProblems, ...problems(401, 409) };

  api.get('/messenger/:appId/api/messages', {
    schema: {
      ...PUBLIC,
      operationId: 'listMessengerMessages',
      summary: 'The messages of the chat after a sequence number, oldest first',
      params: appParams,
      querystring: afterQuery,
      response: {
        200: z.object({ data: z.array(visitorMessageSchema) }),
        ...publicProblems,
        ...problems(401),
      },
    },
    handler: async (request) => {
      const c = await sessionConversation(deps, request, request.params.appId);
      const { after, limit } = request.query;
      const messages = await conversations.messages(c.appId, c.id, after, limit);
      return { data: messages.map(visitorMessageView) };
    },
  });

  api.post('/messenger/:appId/api/messages', {
    schema: {
      ...PUBLIC,
      operationId: 'postMessengerMessage',
      summary: 'Write to the chat; the bot hears it while it has the conversation',
      params: appParams,
      body: visitorMessageBody,
      response: { 201: visitorMessageSchema, ...responses },
    },
    handler: async (request, reply) => {
      const c = await sessionConversation(deps, request, request.params.appId);
      const message = await conversations.fromVisitor(c, request.body.text);
      return reply.status(201).send(visitorMessageView(message));
    },
  });

  api.post('/messenger/:appId/api/postback', {
    schema: {
      ...PUBLIC,
      operationId: 'pressMessengerButton',
      summary: 'Press a postback button of a message in the chat',
      params: appParams,
      body: postbackBody,
      response: { 201: visitorMessageSchema, ...responses },
    },
    handler: async (request, reply) => {
      const c = await sessionConversation(deps, request, request.params.appId);
      const { messageId, payload, button } = request.body;
      const choice = button === undefined ? { payload: payload ?? '' } : { button };
      const message = await conversations.postback(c, messageId, choice);
      return reply.status(201).send(visitorMessageView(message));
    },
  });

  api.post('/messenger/:appId/api/messages/:messageId/code', {
    schema: {
      ...PUBLIC,
      operationId: 'confirmMessengerCode',
      summary: 'Confirm the code a message of the chat delivered (a check of its verification)',
      params: messageParams,
      body: confirmCodeBody,
      response: {
        200: z.object({
          id: z.string(),
          status: z.string(),
          valid: z.boolean(),
          reason: z.string().nullable(),
          attemptsRemaining: z.number().int(),
        }),
        ...responses,
        // The failed-check limits of the destination and the address.
        ...problems(429),
      },
    },
    handler: async (request) => {
      const c = await sessionConversation(deps, request, request.params.appId);
      const outcome = await conversations.confirmCode(
        c,
        request.params.messageId,
        request.body.code,
        request.ip,
      );
      return checkView(outcome, clock.now());
    },
  });

  api.post('/messenger/:appId/api/handover', {
    schema: {
      ...PUBLIC,
      operationId: 'requestMessengerAgent',
      summary: 'Ask for a person: the conversation waits for a live agent',
      params: appParams,
      response: { 200: conversationSchema, ...responses },
    },
    handler: async (request) => {
      const c = await sessionConversation(deps, request, request.params.appId);
      return conversationView(await conversations.handover(c.appId, c.id));
    },
  });

  api.post('/messenger/:appId/api/close', {
    schema: {
      ...PUBLIC,
      operationId: 'endMessengerChat',
      summary:
        'End the chat: the conversation closes (the session stays, so the page shows the end)',
      params: appParams,
      response: { 200: conversationSchema, ...responses },
    },
    handler: async (request) => {
      const c = await sessionConversation(deps, request, request.params.appId);
      return conversationView(await conversations.close(c.appId, c.id));
    },
  });
}
