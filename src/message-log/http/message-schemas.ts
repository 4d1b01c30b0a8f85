import { z } from 'zod';
import { CHANNELS } from '../../kernel/recipients.ts';
import { MESSAGE_STATUSES } from '../message-log-ports.ts';

/** The message log's request and response shapes (validation and OpenAPI alike). */

const timestamp = z.iso.datetime();
const time = z.iso.datetime({ offset: true });
const text = (description: string) => z.string().min(1).max(254).optional().describe(description);

export const messageStatusSchema = z.enum(MESSAGE_STATUSES);

export const messageView = z
  .object({
    id: z.string(),
    verificationId: z.string(),
    channel: z.enum(CHANNELS),
    to: z.string().describe('The destination as stored (E.164 or email), unmasked'),
    country: z.string().nullable().describe('ISO 3166 country of a phone destination'),
    provider: z.string().describe("The provider's name in the app's settings"),
    providerMessageId: z.string().nullable(),
    status: messageStatusSchema.describe('The newest status of `timeline`'),
    timeline: z.array(
      z.object({
        status: messageStatusSchema,
        at: timestamp,
        error: z.string().optional().describe("The provider's error code"),
      }),
    ),
    latencyMs: z.number().int().describe('How long the provider call took'),
    errorCode: z.string().nullable(),
    price: z
      .object({
        amount: z.number().min(0).describe('What the provider charged'),
        currency: z.string().describe('ISO 4217, e.g. `USD`'),
      })
      .nullable()
      .describe("The provider's charge, when its receipts report one (Twilio's `Price`)"),
    txCode: z.string().nullable(),
    deviceId: z.string().nullable(),
    messageId: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Message' });

export const verificationMessagesList = z.object({
  data: z.array(messageView).describe('Every provider attempt, oldest first'),
});

/** The log's filters, shared by the page, the export and (later) the console's search. */
const filterFields = {
  txCode: text('Only messages of verifications with this `txCode`'),
  deviceId: text('Only messages of verifications with this `deviceId`'),
  messageId: text('Only messages of verifications with this `messageId`'),
  verificationId: text('Only the attempts of this verification'),
  to: text('Only messages to this destination (E.164 or email)'),
  status: messageStatusSchema.optional(),
  channel: z.enum(CHANNELS).optional(),
  provider: text("Only attempts through this provider (its name in the app's settings)"),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
    .optional()
    .describe('Only messages to phone numbers of this country, e.g. `TR`'),
  from: time.optional().describe('Only attempts made at or after this time'),
  until: time.optional().describe('Only attempts made before this time'),
};

export const messagesQuery = z
  .object({
    ...filterFields,
    cursor: z
      .string()
      .max(200)
      .optional()
      .describe("A previous page's `nextCursor`, for the page after it"),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    format: z
      .enum(['json', 'ndjson', 'csv'])
      .default('json')
      .describe(
        '`ndjson` or `csv` stream every matching message, newest first, in one response ' +
          '(`cursor` and `limit` do not apply); the same as `/v1/messages/export`',
      ),
  })
  .strict();

export const messagesExportQuery = z
  .object({
    ...filterFields,
    format: z
      .enum(['csv', 'ndjson'])
      .default('csv')
      .describe('`csv` (a header line, then one message a line) or `ndjson` (one per line)'),
  })
  .strict();

export const messageIdParams = z.object({
  id: z.string().min(1).max(64).describe('Message id (`msg_…`)'),
});

export const messageDetail = z.object({
  data: messageView,
  attempts: z
    .array(messageView)
    .describe("Every attempt of the message's verification, oldest first, this one among them"),
});

export const messagesPage = z.object({
  data: z.array(messageView).describe('Newest first'),
  nextCursor: z.string().nullable().describe('Null on the last page'),
});
