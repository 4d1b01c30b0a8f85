import { z } from 'zod';
import { MAX_GIVEN_CODE_LENGTH } from '../../verification/domain/codes.ts';

/**
 * Diyalog's bot endpoints as its bots call them. Fields a bot adds beyond these are ignored,
 * as the vendor does.
 */

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2_048);

export const botParams = z.object({
  botAccessToken: z
    .string()
    .min(1)
    .max(256)
    .describe("One of the app's API keys: the bot's access token"),
});

const button = z
  .object({
    type: z.enum(['postback', 'web_url']),
    title: z.string().min(1).max(80).describe('The text on the button'),
    payload: z
      .string()
      .min(1)
      .max(1_000)
      .describe('What a press sends back (postback), or the http(s) URL it opens (web_url)'),
    payloadHidden: z
      .boolean()
      .default(false)
      .describe(
        'The person must not see the payload: it leaves otpd signed with ' +
          '`dialects.diyalog.secret` (postback buttons only)',
      ),
    payloadSeenByUser: z
      .string()
      .min(1)
      .max(1_000)
      .optional()
      .describe("What the chat shows as the person's answer when it is pressed"),
  })
  .superRefine((b, ctx) => {
    if (b.type === 'web_url' && !httpUrl.safeParse(b.payload).success) {
      ctx.addIssue({ code: 'custom', path: ['payload'], message: 'must be an http(s) URL' });
    }
    if (b.type === 'web_url' && b.payloadHidden) {
      ctx.addIssue({
        code: 'custom',
        path: ['payloadHidden'],
        message: 'only a postback payload can be hidden',
      });
    }
  });

export const sendmokBody = z.object({
  customerNo: z
    .string()
    .min(1)
    .max(128)
    .describe(
      "The person's id on the chat platform: the message's recipient. With the `webMessenger` " +
        "provider, a web messenger conversation id (or the verified phone of the app's open one)",
    ),
  messageId: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe('Your id for the message; button presses name it. Default: one otpd makes'),
  mokMessage: z.string().min(1).max(4_096).describe('The text the person receives'),
  mokValue: z
    .string()
    .min(1)
    .max(MAX_GIVEN_CODE_LENGTH)
    .optional()
    .describe(
      `The code in the message, for auto-fill: any text of 1 to ${MAX_GIVEN_CODE_LENGTH} ` +
        'characters. otpd keeps its hash as a verification that POST ' +
        '/v1/verifications/{id}/check, or a press of a button whose payload is the code, ' +
        'approves (only a signed press when that button hides its payload)',
    ),
  imageUrl: httpUrl.optional(),
  txCode: z.string().min(1).max(128).optional().describe('Kept in the message log'),
  deviceId: z.string().min(1).max(128).optional().describe('Kept in the message log'),
  buttonsV2: z.array(button).max(10).default([]),
});

export const sendmokAnswer = z.object({
  recipient_id: z.string().describe('customerNo'),
  message_id: z.string().describe('The message id: yours, or the one otpd made'),
  verification_id: z
    .string()
    .describe('The verification recording the message: its delivery and, with mokValue, its code'),
});

export const postbackBody = z.object({
  messageId: z.string().min(1).max(128).describe('The message whose button was pressed'),
  payload: z
    .string()
    .min(1)
    .max(2_000)
    .describe('The pressed button’s payload, as the message carried it (signed if hidden)'),
  customerNo: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe('Who pressed it; default the recipient of the message'),
});

export const postbackAnswer = z.object({
  success: z.literal(true),
  approved: z
    .boolean()
    .describe("True when the payload was the message's code and approved its verification"),
  forwarded: z
    .boolean()
    .describe('True when the press was queued for `dialects.diyalog.webhookUrl`'),
});
