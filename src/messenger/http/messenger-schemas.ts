import { z } from 'zod';
import { CONVERSATION_STATUSES, MESSAGE_AUTHORS } from '../conversation-store.ts';
import { buttonSchema } from '../domain/bot-reply.ts';

/** Request and response shapes of the messenger's routes; they also document OpenAPI. */

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const localeSchema = z.string().regex(LOCALE, 'must be a BCP 47 language tag');

export const appParams = z.object({ appId: z.string().min(1).max(64).describe('App id') });
export const verificationParams = appParams.extend({
  id: z.string().min(1).max(64).describe('Verification id'),
});
export const conversationParams = z.object({
  id: z.string().min(1).max(64).describe('Conversation id'),
});

export const postMessageBody = z
  .object({
    author: z.enum(['bot', 'agent']).describe('Who writes: the bot or a live agent'),
    text: z.string().min(1).max(4_000).optional(),
    image: z
      .url({ protocol: /^https$/ })
      .max(2_048)
      .optional(),
    buttons: z.array(buttonSchema).max(10).optional(),
  })
  .strict()
  .refine((m) => m.text !== undefined || m.image !== undefined, 'needs a text or an image');

export const visitorMessageBody = z.object({ text: z.string().trim().min(1).max(4_000) }).strict();
export const postbackBody = z
  .object({
    messageId: z.string().min(1).max(64),
    payload: z.string().min(1).max(1_000).optional().describe('The pressed button’s payload'),
    button: z
      .number()
      .int()
      .min(0)
      .max(9)
      .optional()
      .describe('Or the pressed button’s place among the message’s postback buttons, from 0'),
  })
  .strict()
  .refine((b) => (b.payload === undefined) !== (b.button === undefined), {
    message: 'give either payload or button',
    path: ['payload'],
  });

export const messageParams = appParams.extend({
  messageId: z.string().min(1).max(64).describe('The message that delivered the code'),
});

export const startGateBody = z
  .object({
    phone: z.string().min(3).max(32).describe('E.164, or national in the preferred country'),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
      .optional(),
    name: z.string().trim().min(1).max(100).optional(),
    email: z.email().max(254).optional(),
    locale: localeSchema.optional(),
  })
  .strict();

export const openWithoutCodeBody = startGateBody.omit({ phone: true, country: true });

export const checkGateBody = z.object({ code: z.string().min(1).max(16) }).strict();

export const afterQuery = z.object({
  after: z.coerce.number().int().min(0).default(0).describe('Sequence of the last message seen'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const listConversationsQuery = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 number')
    .optional(),
  cursor: z.string().min(1).max(64).optional().describe('`nextCursor` of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const conversationSchema = z
  .object({
    id: z.string(),
    status: z.enum(CONVERSATION_STATUSES),
    phone: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    locale: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Conversation' });

/** A button as a message shows it; a message sent through Diyalog's sendmok keeps its fields. */
const shownButtonSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('postback'),
    title: z.string(),
    payload: z
      .string()
      .optional()
      .describe('Signed when hidden; the chat page is never given a hidden payload'),
    payloadHidden: z.boolean().optional(),
    payloadSeenByUser: z.string().nullable().optional(),
  }),
  z.object({ type: z.literal('web_url'), title: z.string(), url: z.string() }),
]);

const messageFields = {
  id: z.string(),
  conversationId: z.string(),
  sequence: z.number().int(),
  author: z.enum(MESSAGE_AUTHORS),
  text: z.string().nullable(),
  image: z.string().nullable(),
  buttons: z.array(shownButtonSchema),
  createdAt: z.string(),
};

export const messageSchema = z
  .object({
    ...messageFields,
    verification: z
      .object({
        verificationId: z.string(),
        diyalogMessageId: z
          .string()
          .nullable()
          .describe('Set when the message was sent through Diyalog’s sendmok'),
      })
      .nullable()
      .describe('The verification the `messenger` channel delivered with this message'),
  })
  .meta({ id: 'ConversationMessage' });

/** A message as the chat page gets it: with its code, for the code form. */
export const visitorMessageSchema = z
  .object({
    ...messageFields,
    code: z
      .string()
      .nullable()
      .describe('The code the message delivered, which the page offers to confirm'),
  })
  .meta({ id: 'MessengerMessage' });

export const confirmCodeBody = z.object({ code: z.string().trim().min(1).max(16) }).strict();
