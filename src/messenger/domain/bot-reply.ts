import { z } from 'zod';

/** What a bot or an agent may write: the messages of a bot's answer, and an agent's reply. */

/** A button under a message: a postback to the bot, or a link. */
export const buttonSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('postback'),
      title: z.string().min(1).max(40),
      payload: z.string().min(1).max(1_000),
    })
    .strict(),
  z
    .object({
      type: z.literal('web_url'),
      title: z.string().min(1).max(40),
      url: z.url({ protocol: /^https?$/ }).max(2_048),
    })
    .strict(),
]);

/** A message a bot or an agent writes. */
export const botReplySchema = z
  .object({
    text: z.string().min(1).max(4_000).optional(),
    image: z
      .url({ protocol: /^https$/ })
      .max(2_048)
      .optional()
      .describe('An https image URL'),
    buttons: z.array(buttonSchema).max(10).optional(),
  })
  .strict()
  .refine((m) => m.text !== undefined || m.image !== undefined, 'needs a text or an image');
export type BotReply = z.output<typeof botReplySchema>;
