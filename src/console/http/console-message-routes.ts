import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppStore } from '../../apps/app-store-ports.ts';
import { problems } from '../../http/schemas.ts';
import { OtpdError } from '../../kernel/errors.ts';
import { maskDestination } from '../../kernel/mask.ts';
import { exportResponse, sendExport } from '../../message-log/http/message-export.ts';
import { filtersFrom } from '../../message-log/http/message-filters.ts';
import { messageIdParams } from '../../message-log/http/message-schemas.ts';
import { decodeCursor, encodeCursor, messageView } from '../../message-log/http/message-views.ts';
import type { MessageLogEntry } from '../../message-log/message-log-ports.ts';
import type { MessageSearch } from '../../message-log/message-search.ts';
import type { Console } from '../console-graph.ts';
import { consoleProblems, requireConsoleSession, SIGNED_IN, signedIn } from './console-http.ts';
import {
  consoleMessageDetail,
  consoleMessagesExportQuery,
  consoleMessagesPage,
  consoleMessagesQuery,
} from './console-message-schemas.ts';

/** A log entry as the console shows it: with its app, its destination masked. */
export function consoleMessageView(entry: MessageLogEntry) {
  return { ...messageView(entry), appId: entry.appId, to: maskDestination(entry.to) };
}

/**
 * The apps whose messages the signed-in admin may read: every app for an owner, their own
 * for an admin or a viewer, narrowed to `appId` when asked. An agent answers conversations
 * and never reads the log.
 */
async function readableApps(
  request: FastifyRequest,
  store: Pick<AppStore, 'listApps'>,
  appId: string | undefined,
): Promise<string[]> {
  const { admin } = signedIn(request);
  if (admin.role === 'agent') {
    throw new OtpdError('console_role_forbidden', 'an agent does not read the message log');
  }
  const apps =
    admin.role === 'owner' ? (await store.listApps()).map((app) => app.id) : admin.appIds;
  return appId === undefined ? [...apps] : apps.filter((id) => id === appId);
}

/** The message log in the console: searched in pages, one message, and exported. */
export async function consoleMessageRoutes(
  app: FastifyInstance,
  deps: {
    console: Console;
    messageSearch: MessageSearch;
    store: Pick<AppStore, 'listApps'>;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireConsoleSession(deps);
  const readProblems = { ...consoleProblems, ...problems(403) };

  api.get('/console/api/messages', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'listConsoleMessages',
      summary: "The message log of the admin's apps, filtered, newest first, in cursor pages",
      querystring: consoleMessagesQuery,
      response: { 200: consoleMessagesPage, ...readProblems },
    },
    handler: async (request) => {
      const q = request.query;
      const appIds = await readableApps(request, deps.store, q.appId);
      const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor);
      if (q.cursor !== undefined && !cursor) {
        const message = 'must be a nextCursor returned by this endpoint';
        throw new OtpdError('validation_failed', `cursor ${message}`, {
          errors: [{ field: 'cursor', message }],
        });
      }
      const page = await deps.messageSearch.search(appIds, filtersFrom(q), cursor, q.limit);
      return {
        data: page.entries.map(consoleMessageView),
        nextCursor: page.nextCursor && encodeCursor(page.nextCursor),
      };
    },
  });

  api.get('/console/api/messages/export', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'exportConsoleMessages',
      summary: "Every message of the admin's apps matching the filters, streamed as CSV or NDJSON",
      description:
        'The same lines as `/v1/messages/export`, destinations unmasked; each export is ' +
        'written to the audit log with its filters.',
      querystring: consoleMessagesExportQuery,
      response: { 200: exportResponse, ...readProblems },
    },
    handler: async (request, reply) => {
      const { format, appId, ...rest } = request.query;
      const appIds = await readableApps(request, deps.store, appId);
      const filters = filtersFrom(rest);
      await deps.console.audit.record({
        actor: `admin:${signedIn(request).admin.email}`,
        action: 'messages.exported',
        appId,
        details: {
          format,
          // The audit log is read more widely than the export: it keeps no destination whole.
          filters: { ...rest, ...(rest.to === undefined ? {} : { to: maskDestination(rest.to) }) },
        },
      });
      return sendExport(reply as FastifyReply, deps.messageSearch, appIds, filters, format);
    },
  });

  api.get('/console/api/messages/:id', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'getConsoleMessage',
      summary: "One message of the admin's apps: its status timeline and its every attempt",
      params: messageIdParams,
      response: { 200: consoleMessageDetail, ...readProblems, ...problems(404) },
    },
    handler: async (request) => {
      const appIds = await readableApps(request, deps.store, undefined);
      const { entry, attempts } = await deps.messageSearch.detail(appIds, request.params.id);
      return { data: consoleMessageView(entry), attempts: attempts.map(consoleMessageView) };
    },
  });
}
