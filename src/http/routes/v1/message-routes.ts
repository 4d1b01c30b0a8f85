import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OtpdError } from '../../../domain/errors.ts';
import type { MessageFilters, MessageLog, MessageLogEntry } from '../../../ports/message-log.ts';
import type { VerificationService } from '../../../services/verifications.ts';
import { principalOf } from '../../auth.ts';
import { messagesPage, messagesQuery, verificationMessagesList } from '../../message-schemas.ts';
import {
  CSV_HEADER,
  csvRow,
  decodeCursor,
  encodeCursor,
  messageView,
} from '../../message-views.ts';
import { idParams, problemResponses } from '../../schemas.ts';

/** Rows an export reads per query while it streams. */
const EXPORT_PAGE = 500;

/**
 * A query string turns an unescaped `+` into a space, so `?to=+90555…` arrives as
 * ` 90555…`: digits alone are read as an international number. Emails compare lower-cased.
 */
function storedForm(to: string): string {
  const trimmed = to.trim();
  if (/^\d+$/.test(trimmed)) return `+${trimmed}`;
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
}

/** Every entry matching `filters`, newest first, read a page at a time. */
async function* allEntries(
  log: Pick<MessageLog, 'list'>,
  appId: string,
  filters: MessageFilters,
): AsyncGenerator<MessageLogEntry> {
  let cursor = null;
  do {
    const page: Awaited<ReturnType<MessageLog['list']>> = await log.list(
      [appId],
      filters,
      cursor,
      EXPORT_PAGE,
    );
    yield* page.entries;
    cursor = page.nextCursor;
  } while (cursor);
}

/** The message log of the calling app: per verification, searched, exported. */
export async function messageRoutes(
  app: FastifyInstance,
  deps: {
    messageLog: Pick<MessageLog, 'list' | 'forVerification'>;
    verifications: Pick<VerificationService, 'get'>;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];
  const security = [{ bearerAuth: [] }];

  api.get('/v1/verifications/:id/messages', {
    config: { scope: 'messages:read' },
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
    config: { scope: 'messages:read' },
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
            'application/x-ndjson': {
              schema: z.string().describe('One Message object (JSON) per line'),
            },
            'text/csv': { schema: z.string().describe('A header line, then one message a line') },
          },
        },
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const appId = principalOf(request).app.id;
      const q = request.query;
      const filters: MessageFilters = {
        txCode: q.txCode,
        deviceId: q.deviceId,
        to: q.to === undefined ? undefined : storedForm(q.to),
        status: q.status,
        channel: q.channel,
        provider: q.provider,
        from: q.from === undefined ? undefined : Date.parse(q.from),
        until: q.until === undefined ? undefined : Date.parse(q.until),
      };

      if (q.format === 'ndjson' || q.format === 'csv') {
        const csv = q.format === 'csv';
        const lines = async function* () {
          if (csv) yield CSV_HEADER;
          for await (const entry of allEntries(deps.messageLog, appId, filters)) {
            yield csv ? csvRow(entry) : `${JSON.stringify(messageView(entry))}\n`;
          }
        };
        // A stream is sent as it is; the typed reply only knows the JSON page.
        const raw = reply as FastifyReply;
        raw
          .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
          .header('content-disposition', `attachment; filename="messages.${q.format}"`);
        return raw.send(Readable.from(lines()));
      }

      const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor);
      if (q.cursor !== undefined && !cursor) {
        const message = 'must be a nextCursor returned by this endpoint';
        throw new OtpdError('validation_failed', `cursor ${message}`, {
          errors: [{ field: 'cursor', message }],
        });
      }
      const page = await deps.messageLog.list([appId], filters, cursor, q.limit);
      return {
        data: page.entries.map(messageView),
        nextCursor: page.nextCursor && encodeCursor(page.nextCursor),
      };
    },
  });
}
