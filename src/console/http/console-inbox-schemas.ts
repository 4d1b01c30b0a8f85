import { z } from 'zod';
import { CONVERSATION_STATUSES, MESSAGE_AUTHORS } from '../../messenger/conversation-store.ts';

/** Request and response shapes of the console's inbox; they also document OpenAPI. */

const id = z.string().min(1).max(64);
const appIdFilter = id.optional().describe("One of the admin's apps; default all of them");

export const inboxQuery = z
  .object({
    appId: appIdFilter,
    status: z
      .enum(CONVERSATION_STATUSES)
      .optional()
      .describe('One status; default the open inbox: `waiting` and `agent`'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: id.optional().describe("An earlier page's nextCursor"),
  })
  .strict();

export const inboxEventsQuery = z.object({ appId: appIdFilter }).strict();

export const inboxParams = z.object({
  appId: id.describe('The app of the conversation'),
  id: id.describe('Conversation id'),
});

export const inboxDetailQuery = z
  .object({
    after: z.coerce
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('Only messages after this sequence (what the page has already)'),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export const agentMessageBody = z.object({ text: z.string().trim().min(1).max(4_000) }).strict();

export const inboxConversation = z
  .object({
    id: z.string(),
    appId: z.string(),
    status: z.enum(CONVERSATION_STATUSES),
    phone: z.string().nullable().describe('The verified phone (E.164); null without a code gate'),
    name: z.string().nullable(),
    email: z.string().nullable(),
    locale: z.string(),
    agent: z
      .object({ id: z.string(), email: z.string().nullable() })
      .nullable()
      .describe(
        'The console admin holding it (status `agent`); null when nobody in the console holds it',
      ),
    lastSequence: z.number().int().describe('The sequence of its newest message'),
    createdAt: z.string(),
    updatedAt: z.string().describe('Its last message or change of status'),
  })
  .meta({ id: 'InboxConversation' });

export const inboxMessage = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    sequence: z.number().int(),
    author: z.enum(MESSAGE_AUTHORS),
    text: z
      .string()
      .nullable()
      .describe(
        'For `system`: `handover`, `taken`, `handed_back` or `closed`. Null for a message that delivered a code',
      ),
    image: z.string().nullable(),
    buttons: z.array(
      z.object({
        type: z.enum(['postback', 'web_url']),
        title: z.string(),
        url: z.string().optional(),
      }),
    ),
    codeHidden: z
      .boolean()
      .describe('The message delivered a verification code: its text is not shown to agents'),
    createdAt: z.string(),
  })
  .meta({ id: 'InboxMessage' });

export const inboxPage = z.object({
  data: z.array(inboxConversation).describe('Newest first'),
  nextCursor: z.string().nullable().describe('Null on the last page'),
});

export const inboxDetail = z.object({
  conversation: inboxConversation,
  messages: z.array(inboxMessage).describe('Oldest first, after `after`'),
  more: z.boolean().describe('More messages follow: ask again after the last one'),
});
