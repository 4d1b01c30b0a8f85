import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../http/auth.ts';
import { bodyProblemResponses, problems } from '../../http/schemas.ts';
import type { ConversationService } from '../conversation-service.ts';
import {
  afterQuery,
  conversationParams,
  conversationSchema,
  listConversationsQuery,
  messageSchema,
  postMessageBody,
} from './messenger-schemas.ts';
import { conversationView, messageView } from './messenger-views.ts';

/** The conversations API (API key): what bots and agents read and write. */
export async function conversationRoutes(
  app: FastifyInstance,
  deps: { conversations: ConversationService },
) {
  const { conversations } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const common = { tags: ['conversations'], security: [{ bearerAuth: [] }] };
  // No limit applies to these routes, so unlike the verification routes there is no 429.
  const apiProblems = problems(400, 401, 500, 503);
  const oneProblems = { ...apiProblems, ...problems(404) };
  // 409: the conversation is closed.
  const changeProblems = { ...oneProblems, ...bodyProblemResponses, ...problems(409) };

  api.get('/v1/conversations', {
    config: { scope: 'conversations' },
    schema: {
      ...common,
      operationId: 'listConversations',
      summary: 'Web messenger conversations, newest first, by status and phone',
      querystring: listConversationsQuery,
      response: {
        200: z.object({ data: z.array(conversationSchema), nextCursor: z.string().nullable() }),
        ...apiProblems,
      },
    },
    handler: async (request) => {
      const { cursor, ...filter } = request.query;
      const page = await conversations.list(principalOf(request).app.id, {
        ...filter,
        before: cursor,
        limit: filter.limit + 1,
      });
      const data = page.slice(0, filter.limit);
      const more = page.length > filter.limit;
      return {
        data: data.map(conversationView),
        nextCursor: more ? (data.at(-1)?.id ?? null) : null,
      };
    },
  });

  api.get('/v1/conversations/:id', {
    config: { scope: 'conversations' },
    schema: {
      ...common,
      operationId: 'getConversation',
      summary: 'One conversation',
      params: conversationParams,
      response: { 200: conversationSchema, ...oneProblems },
    },
    handler: async (request) =>
      conversationView(await conversations.mustGet(principalOf(request).app.id, request.params.id)),
  });

  api.get('/v1/conversations/:id/messages', {
    config: { scope: 'conversations' },
    schema: {
      ...common,
      operationId: 'listConversationMessages',
      summary: 'Messages of a conversation after a sequence number, oldest first',
      params: conversationParams,
      querystring: afterQuery,
      response: { 200: z.object({ data: z.array(messageSchema) }), ...oneProblems },
    },
    handler: async (request) => {
      const { after, limit } = request.query;
      const messages = await conversations.messages(
        principalOf(request).app.id,
        request.params.id,
        after,
        limit,
      );
      return { data: messages.map(messageView) };
    },
  });

  api.post('/v1/conversations/:id/messages', {
    config: { scope: 'conversations' },
    schema: {
      ...common,
      operationId: 'postConversationMessage',
      summary: "Write as the bot or an agent; an agent's message takes the conversation over",
      params: conversationParams,
      body: postMessageBody,
      response: { 201: messageSchema, ...changeProblems },
    },
    handler: async (request, reply) => {
      const { author, ...content } = request.body;
      const message = await conversations.fromApp(
        principalOf(request).app.id,
        request.params.id,
        author,
        content,
      );
      return reply.status(201).send(messageView(message));
    },
  });

  api.post('/v1/conversations/:id/close', {
    config: { scope: 'conversations' },
    schema: {
      ...common,
      operationId: 'closeConversation',
      summary:
        'End the conversation: status `closed`, a `system` message for the page, `conversation.closed` to the bot',
      params: conversationParams,
      response: { 200: conversationSchema, ...changeProblems },
    },
    handler: async (request) =>
      conversationView(await conversations.close(principalOf(request).app.id, request.params.id)),
  });

  api.post('/v1/conversations/:id/handover', {
    config: { scope: 'conversations' },
    schema: {
      ...common,
      operationId: 'handOverConversation',
      summary: 'Hand the conversation to a live agent (status `waiting`)',
      params: conversationParams,
      response: { 200: conversationSchema, ...changeProblems },
    },
    handler: async (request) =>
      conversationView(
        await conversations.handover(principalOf(request).app.id, request.params.id),
      ),
  });
}
