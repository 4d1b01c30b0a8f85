import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MediaResponse } from '../../http/openapi.ts';
import { problems } from '../../http/schemas.ts';
import {
  type MessengerRouteDeps,
  PUBLIC,
  publicProblems,
  sessionConversation,
} from './messenger-http.ts';
import { appParams } from './messenger-schemas.ts';
import { visitorMessageView } from './messenger-views.ts';

/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
const PAGE = 100;

/**
 * The chat's messages as Server-Sent Events: `id` is the message's sequence, so a browser
 * that reconnects sends `Last-Event-ID` and gets exactly what it missed, from the store.
 * A publish only wakes the stream; what it sends always comes from the store, in order.
 */
export async function eventRoutes(app: FastifyInstance, deps: MessengerRouteDeps) {
  const { conversations, events } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const open = new Set<() => void>();
  // Streams never go idle: end them so the server can close.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  api.get('/messenger/:appId/api/events', {
    schema: {
      ...PUBLIC,
      operationId: 'streamMessengerEvents',
      summary: 'The chat as Server-Sent Events (`message` events, `Last-Event-ID` resume)',
      params: appParams,
      querystring: z.object({ after: z.coerce.number().int().min(0).optional() }),
      headers: z.object({
        'last-event-id': z
          .string()
          .regex(/^\d{1,12}$/)
          .optional(),
      }),
      response: {
        200: {
          description:
            'An endless stream: `retry`, then one `message` event per message (`id` its sequence, `data` the message as JSON), and `: ping` comments',
          content: { 'text/event-stream': { schema: z.string() } },
        } satisfies MediaResponse,
        ...publicProblems,
        ...problems(401),
      },
    },
    handler: async (request, reply) => {
      const c = await sessionConversation(deps, request, request.params.appId);
      let sent = Number(request.headers['last-event-id'] ?? request.query.after ?? 0);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 2000\n\n');

      let closed = false;
      let reading = Promise.resolve();
      const catchUp = async () => {
        for (;;) {
          if (closed) return;
          const page = await conversations.messages(c.appId, c.id, sent, PAGE);
          for (const m of page) {
            raw.write(
              `id: ${m.sequence}\nevent: message\ndata: ${JSON.stringify(visitorMessageView(m))}\n\n`,
            );
            sent = m.sequence;
          }
          if (page.length < PAGE) return;
        }
      };
      // Reads run one after another, so no message is sent twice or out of order.
      const wake = () => {
        reading = reading.then(catchUp).catch((error) => {
          request.log.warn({ err: error }, 'event stream read failed');
          end();
        });
      };
      const unsubscribe = events.subscribe(c.appId, c.id, wake);
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
      function end() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        raw.end();
      }
      open.add(end);
      raw.on('close', end);
      wake();
    },
  });
}
