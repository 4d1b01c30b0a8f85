import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppStore } from '../../apps/app-store-ports.ts';
import { problems } from '../../http/schemas.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { ConversationService } from '../../messenger/conversation-service.ts';
import type { Console } from '../console-graph.ts';
import type { AdminRole } from '../console-store.ts';
import {
  consoleBodyProblems,
  consoleProblems,
  requireConsoleSession,
  requireManagedApp,
  requireRole,
  SIGNED_IN,
  signedIn,
  visibleApps,
} from './console-http.ts';
import {
  agentMessageBody,
  inboxConversation,
  inboxDetail,
  inboxDetailQuery,
  inboxMessage,
  inboxPage,
  inboxParams,
  inboxQuery,
} from './console-inbox-schemas.ts';
import { agentEmails, inboxConversationView, inboxMessageView } from './console-inbox-views.ts';

/** Who answers conversations; a viewer reads the inbox only. */
const ANSWERING: readonly AdminRole[] = ['owner', 'admin', 'agent'];

export interface ConsoleInboxDeps {
  console: Console;
  conversations: ConversationService;
  store: Pick<AppStore, 'listApps'>;
}

/**
 * The apps whose inbox the admin reads: every app for an owner, their own for the others,
 * narrowed to `appId`. An app outside them answers as if it did not exist (404).
 */
export async function inboxApps(
  deps: Pick<ConsoleInboxDeps, 'store'>,
  request: FastifyRequest,
  appId: string | undefined,
): Promise<readonly string[]> {
  const { admin } = signedIn(request);
  const mine = visibleApps(admin) ?? (await deps.store.listApps()).map((app) => app.id);
  if (appId === undefined) return mine;
  if (!mine.includes(appId)) {
    throw new OtpdError('console_app_not_found', 'no such app among the apps you manage');
  }
  return [appId];
}

/**
 * The agent inbox: the messenger conversations of the admin's apps that wait for a person or
 * are with one, each with the visitor's verified details and messages; taking one, writing
 * in it, handing it back to the bot and closing it. Taking, handing back and closing are
 * written to the audit log (never a message's text or the visitor's phone).
 */
export async function consoleInboxRoutes(app: FastifyInstance, deps: ConsoleInboxDeps) {
  const { conversations } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireConsoleSession(deps);
  const oneProblems = { ...consoleProblems, ...problems(404) };
  // 403: a viewer, or no CSRF token; 409: closed, held by another agent, or not taken.
  const actProblems = { ...consoleBodyProblems, ...problems(404, 409) };
  const view = async (c: Parameters<typeof inboxConversationView>[0]) =>
    inboxConversationView(c, await agentEmails(deps.console.store));

  /** The signed-in admin, allowed to answer conversations of this app. */
  function answering(request: FastifyRequest, appId: string) {
    const { admin } = signedIn(request);
    requireRole(admin, ANSWERING, 'a viewer reads the inbox and answers no conversation');
    requireManagedApp(admin, appId);
    return admin;
  }

  async function audited(
    request: FastifyRequest,
    action: string,
    c: { appId: string; id: string },
  ): Promise<void> {
    await deps.console.audit.record({
      actor: `admin:${signedIn(request).admin.email}`,
      action,
      appId: c.appId,
      target: c.id,
    });
  }

  api.get('/console/api/inbox', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'listConsoleInbox',
      summary: "Messenger conversations of the admin's apps waiting for a person or with one",
      description:
        'Newest first, in cursor pages. Without `status`: `waiting` and `agent`. Every role ' +
        'reads its apps (an owner every app); an app outside them is 404.',
      querystring: inboxQuery,
      response: { 200: inboxPage, ...oneProblems },
    },
    handler: async (request) => {
      const { appId, status, limit, cursor } = request.query;
      const appIds = await inboxApps(deps, request, appId);
      const page = await conversations.inbox(appIds, {
        statuses: status ? [status] : ['waiting', 'agent'],
        before: cursor,
        limit: limit + 1,
      });
      const emails = await agentEmails(deps.console.store);
      const data = page.slice(0, limit);
      return {
        data: data.map((c) => inboxConversationView(c, emails)),
        nextCursor: page.length > limit ? (data.at(-1)?.id ?? null) : null,
      };
    },
  });

  api.get('/console/api/inbox/:appId/:id', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'getConsoleInboxConversation',
      summary: "One conversation: the visitor's verified phone, name and email, and its messages",
      params: inboxParams,
      querystring: inboxDetailQuery,
      response: { 200: inboxDetail, ...oneProblems },
    },
    handler: async (request) => {
      const { appId, id } = request.params;
      requireManagedApp(signedIn(request).admin, appId);
      const { after, limit } = request.query;
      const c = await conversations.mustGet(appId, id);
      const messages = await conversations.messages(appId, id, after, limit + 1);
      return {
        conversation: await view(c),
        messages: messages.slice(0, limit).map(inboxMessageView),
        more: messages.length > limit,
      };
    },
  });

  api.post('/console/api/inbox/:appId/:id/take', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'takeConsoleInboxConversation',
      summary: 'Take a waiting conversation: it is yours to answer (status `agent`)',
      description:
        'A `taken` system message tells the visitor. Taking one you hold already changes ' +
        'nothing; one another agent holds is 409 `conversation_taken`. Audited as ' +
        '`conversation.taken`.',
      params: inboxParams,
      response: { 200: inboxConversation, ...actProblems },
    },
    handler: async (request) => {
      const { appId, id } = request.params;
      const admin = answering(request, appId);
      const { conversation, taken } = await conversations.desk.take(appId, id, admin.id);
      if (taken) await audited(request, 'conversation.taken', conversation);
      return view(conversation);
    },
  });

  api.post('/console/api/inbox/:appId/:id/messages', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'postConsoleInboxMessage',
      summary: 'Write to the visitor, as the agent holding the conversation',
      description:
        'The page shows it at once. Only while you hold the conversation: otherwise 409 ' +
        '`conversation_not_taken`, `conversation_taken` or `conversation_closed`.',
      params: inboxParams,
      body: agentMessageBody,
      response: { 201: inboxMessage, ...actProblems },
    },
    handler: async (request, reply) => {
      const { appId, id } = request.params;
      const admin = answering(request, appId);
      const message = await conversations.desk.write(appId, id, admin.id, request.body.text);
      return reply.status(201).send(inboxMessageView(message));
    },
  });

  api.post('/console/api/inbox/:appId/:id/hand-back', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'handBackConsoleInboxConversation',
      summary: 'Hand a conversation you hold back to the bot (status `bot`)',
      description:
        'A `handed_back` system message tells the visitor, and the bot hears ' +
        '`conversation.handed_back`. Audited as `conversation.handed_back`.',
      params: inboxParams,
      response: { 200: inboxConversation, ...actProblems },
    },
    handler: async (request) => {
      const { appId, id } = request.params;
      const admin = answering(request, appId);
      const conversation = await conversations.desk.handBack(appId, id, admin.id);
      await audited(request, 'conversation.handed_back', conversation);
      return view(conversation);
    },
  });

  api.post('/console/api/inbox/:appId/:id/close', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'closeConsoleInboxConversation',
      summary: 'End the conversation (status `closed`), unless another agent holds it',
      description:
        'A `closed` system message ends the chat and the bot hears `conversation.closed`. ' +
        'Audited as `conversation.closed`.',
      params: inboxParams,
      response: { 200: inboxConversation, ...actProblems },
    },
    handler: async (request) => {
      const { appId, id } = request.params;
      const admin = answering(request, appId);
      const conversation = await conversations.desk.close(appId, id, admin.id);
      await audited(request, 'conversation.closed', conversation);
      return view(conversation);
    },
  });
}
