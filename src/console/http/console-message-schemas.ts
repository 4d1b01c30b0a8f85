import { z } from 'zod';
import {
  messagesExportQuery,
  messagesQuery,
  messageView,
} from '../../message-log/http/message-schemas.ts';

/** The console's message search: the log's filters, one of the admin's apps, cursor pages. */

const appIdFilter = z
  .string()
  .min(1)
  .max(64)
  .optional()
  .describe("Only this app's messages; one the admin does not see matches nothing");

export const consoleMessagesQuery = messagesQuery
  .omit({ format: true })
  .extend({ appId: appIdFilter })
  .strict();

export const consoleMessagesExportQuery = messagesExportQuery
  .extend({ appId: appIdFilter })
  .strict();

export const consoleMessage = messageView
  .extend({
    appId: z.string(),
    to: z.string().describe('The destination masked: enough to tell two apart, no more'),
  })
  .meta({ id: 'ConsoleMessage' });

export const consoleMessagesPage = z.object({
  data: z.array(consoleMessage).describe('Newest first'),
  nextCursor: z.string().nullable().describe('Null on the last page'),
});

export const consoleMessageDetail = z.object({
  data: consoleMessage,
  attempts: z
    .array(consoleMessage)
    .describe("Every attempt of the message's verification, oldest first, this one among them"),
});
