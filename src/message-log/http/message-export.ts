import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { MessageFilters } from '../message-log-ports.ts';
import type { MessageSearch } from '../message-search.ts';
import { CSV_HEADER, csvRow, messageView } from './message-views.ts';

export type ExportFormat = 'csv' | 'ndjson';

/** The export's answer, as the OpenAPI document shows it. */
export const exportResponse = {
  description: 'Every matching message, newest first, streamed',
  content: {
    'text/csv': { schema: z.string().describe('A header line, then one message a line') },
    'application/x-ndjson': { schema: z.string().describe('One Message object (JSON) per line') },
  },
};

/**
 * Streams every entry matching `filters` as CSV or NDJSON. Lines are made as the stream is
 * read, from keyset pages, so neither the result nor the response is ever held whole; a
 * client that goes away stops the reads.
 */
export function sendExport(
  reply: FastifyReply,
  search: Pick<MessageSearch, 'exportEntries'>,
  appIds: readonly string[],
  filters: MessageFilters,
  format: ExportFormat,
): FastifyReply {
  const csv = format === 'csv';
  const lines = async function* () {
    if (csv) yield CSV_HEADER;
    for await (const entry of search.exportEntries(appIds, filters)) {
      yield csv ? csvRow(entry) : `${JSON.stringify(messageView(entry))}\n`;
    }
  };
  return reply
    .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
    .header('content-disposition', `attachment; filename="messages.${format}"`)
    .send(Readable.from(lines()));
}
