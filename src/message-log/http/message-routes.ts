import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/auth.ts';
import { idParams, problemResponses } from '../../http/schemas.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { VerificationService } from '../../verification/verifications.ts';
import type { MessageLog } from '../message-log-ports.ts';
import type { MessageSearch } from '../message-search.ts';
import { exportResponse, sendExport } from './message-export.ts';
import { filtersFrom } from './message-filters.ts';
import {
  messageDetail,
  messageIdParams,
  messagesExportQuery,
  messagesPage,
  messagesQuery,
  verificationMessagesList,
} from './message-schemas.ts';
import { decodeCursor, encodeCursor, messageView } from './message-views.ts';

/** The message log of the calling app: per verification, searched, one by one, exported. */
export async function messageRoutes(
  app: FastifyInstance,
  deps: {
    messageLog: Pick<MessageLog, 'forVerification'>;
    messageSearch: MessageSearch;
    verifications: Pick<VerificationService, 'get'>;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];
  const security = [{ bearerAuth: [] }];
  const config = { scope: 'messages:read' as const };

  api.get('/v1/verifications/:id/messages', {
    config,
    schema: {
      tags,
      security,
      operationId: 'listVerificationMessages',
      summary: 'Every delivery attempt of a verification: provider, status timeline, error',
      params: idParams,
      response: { 200: verificationMessagesList, ...problemResponses },
    },
    handler: async (request) => {
      const appId = principalOf(request).app.id;
      // Another app's verification is not found (I5), like one that never existed.
      await deps.verifications.get(appId, request.params.id);
      const entries = await deps.messageLog.forVerification(appId, request.params.id);
      return { data: entries.map(messageView) };
    },
  });

  api.get('/v1/messages', {
    config,
    schema: {
      tags,
      security,
      operationId: 'listMessages',
      summary: 'The message log, filtered, newest first, in cursor pages or as an export',
      description:
        'Without `format`, a page of at most `limit` messages and the `nextCursor` of the ' +
        'next. `format=ndjson` (one message per line) and `format=csv` stream every ' +
        'matching message. Holds no codes and no message texts.',
      querystring: messagesQuery,
      response: {
        200: {
          description: 'A page (JSON), or every matching message (`format=ndjson` or `csv`)',
          content: {
            'application/json': { schema: messagesPage },
            ...exportResponse.content,
          },
        },
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const appIds = [principalOf(request).app.id];
      const q = request.query;
      const filters = filtersFrom(q);
      if (q.format === 'ndjson' || q.format === 'csv') {
        // A stream is sent as it is; the typed reply only knows the JSON page.
        return sendExport(reply as FastifyReply, deps.messageSearch, appIds, filters, q.format);
      }
      const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor);
      if (q.cursor !== undefined && !cursor) {
        const message = 'must be a nextCursor returned by this endpoint';
        throw new OtpdError('validation_failed', `cursor ${message}`, {
          errors: [{ field: 'cursor', message }],
        });
      }
      const page = await deps.messageSearch.search(appIds, filters, cursor, q.limit);
      return {
        data: page.entries.map(messageView),
        nextCursor: page.nextCursor && encodeCursor(page.nextCursor),
      };
    },
  });

  api.get('/v1/messages/export', {
    config,
    schema: {
      tags,
      security,
      operationId: 'exportMessages',
      summary: 'Every message matching the filters, streamed as CSV or NDJSON',
      description:
        'Read from the log a page at a time while it is sent, so any number of messages can ' +
        'be exported. CSV cells a spreadsheet would run as a formula (starting with `=`, ' +
        "`+`, `-`, `@`) are prefixed with `'`, except plain numbers such as E.164 " +
        'destinations. Holds no codes and no message texts.',
      querystring: messagesExportQuery,
      response: { 200: exportResponse, ...problemResponses },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const appIds = [principalOf(request).app.id];
      return sendExport(
        reply as FastifyReply,
        deps.messageSearch,
        appIds,
        filtersFrom(q),
        q.format,
      );
    },
  });

  api.get('/v1/messages/:id', {
    config,
    schema: {
      tags,
      security,
      operationId: 'getMessage',
      summary: "One message: its status timeline, and its verification's every attempt",
      params: messageIdParams,
      response: { 200: messageDetail, ...problemResponses },
    },
    handler: async (request) => {
      const appIds = [principalOf(request).app.id];
      const { entry, attempts } = await deps.messageSearch.detail(appIds, request.params.id);
      return { data: messageView(entry), attempts: attempts.map(messageView) };
    },
  });
}
