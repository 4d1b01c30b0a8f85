import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MediaResponse } from '../../http/openapi.ts';
import { problems } from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { ConversationEvents } from '../../messenger/conversation-events.ts';
import { consoleProblems, requireConsoleSession, SIGNED_IN, signedIn } from './console-http.ts';
import { type ConsoleInboxDeps, inboxApps } from './console-inbox-routes.ts';
import { inboxEventsQuery } from './console-inbox-schemas.ts';
import { createInboxStream } from './console-inbox-stream.ts';
import { agentEmails } from './console-inbox-views.ts';

/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/**
 * A stream ends after this long (or at its session's end, if sooner); the browser reconnects
 * at once with Last-Event-ID, and the reconnect proves the session is still live: a signed-out
 * or disabled admin stops hearing the inbox within this time.
 */
const STREAM_LIFETIME_MS = 5 * 60_000;

/**
 * The inbox as Server-Sent Events, for the console's page (session cookie, no API key):
 * `conversation` and `message` events of the admin's apps, across a cluster's instances
 * through `ConversationEvents`.
 */
export async function consoleInboxEventRoutes(
  app: FastifyInstance,
  deps: ConsoleInboxDeps & { conversationEvents: ConversationEvents; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const open = new Set<() => void>();
  // Streams never go idle: end them so the server can close.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  api.get('/console/api/inbox/events', {
    onRequest: requireConsoleSession(deps),
    schema: {
      ...SIGNED_IN,
      operationId: 'streamConsoleInbox',
      summary: 'The inbox as Server-Sent Events (`conversation` and `message` events)',
      description:
        'A `conversation` event (an InboxConversation) when a conversation of the admin’s apps ' +
        'starts waiting for a person, is taken, handed back or closed; a `message` event (an ' +
        'InboxMessage) for each message of a conversation while it waits or is with an agent. ' +
        'Each `id` is a time: a reconnect with `Last-Event-ID` gets every change since shortly ' +
        'before it again, some perhaps twice (tell them apart by id and sequence). The stream ' +
        'ends every few minutes; the browser reconnects by itself.',
      querystring: inboxEventsQuery,
      headers: z.object({
        'last-event-id': z
          .string()
          .regex(/^\d{1,15}$/)
          .optional(),
      }),
      response: {
        200: {
          description:
            'An endless stream: `retry` and an `id`, then `conversation` and `message` events ' +
            '(`data` as JSON), and `: ping` comments with an `id`',
          content: { 'text/event-stream': { schema: z.string() } },
        } satisfies MediaResponse,
        ...consoleProblems,
        ...problems(404),
      },
    },
    handler: async (request, reply) => {
      const { session } = signedIn(request);
      const appIds = await inboxApps(deps, request, request.query.appId);
      const lastEventId = request.headers['last-event-id'];
      const raw = reply.raw;
      // Until the answer's head is out, what the stream writes waits here.
      let pending: string[] | null = [];
      let closed = false;
      let heartbeat: NodeJS.Timeout | undefined;
      let expiry: NodeJS.Timeout | undefined;
      let unsubscribe: (() => void)[] = [];
      function end() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(expiry);
        for (const stop of unsubscribe) stop();
        open.delete(end);
        if (pending === null) raw.end();
      }

      const stream = createInboxStream(
        {
          conversations: deps.conversations,
          emails: () => agentEmails(deps.console.store),
          clock: deps.clock,
        },
        appIds,
        (frame) => {
          if (pending) pending.push(frame);
          else if (!closed) raw.write(frame);
        },
      );
      stream.onFailure((error) => {
        request.log.warn({ err: error }, 'inbox stream read failed');
        end();
      });
      // Subscribed before the inbox is read: nothing that happens after the read is missed.
      unsubscribe = appIds.map((appId) =>
        deps.conversationEvents.subscribeApp(appId, (notice) => stream.wake(notice)),
      );
      if (lastEventId !== undefined) stream.resume(Number(lastEventId));
      // A browser gone, or a server closing, while the inbox is read ends it too.
      open.add(end);
      raw.on('close', end);
      try {
        await stream.ready;
      } catch (error) {
        end();
        throw error;
      }
      if (closed) throw new OtpdError('service_unavailable', 'the inbox could not be read; retry');

      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: 2000\nid: ${deps.clock.now()}\n\n`);
      for (const frame of pending) raw.write(frame);
      pending = null;

      heartbeat = setInterval(() => stream.heartbeat(), HEARTBEAT_MS);
      const lifetime = Math.min(STREAM_LIFETIME_MS, session.expiresAt - deps.clock.now());
      expiry = setTimeout(end, Math.max(0, lifetime));
    },
  });
}
