import { z } from 'zod';
import { webhookSecretSchema } from '../../webhooks/domain/webhook-secret.ts';
import { TEXT_KEYS, type TextKey } from './messenger-texts.ts';

/**
 * The `messenger` section of an app's settings: whether its web messenger is on, how a
 * visitor gets in, what the gate says, where it may be embedded, where visitor messages go
 * and how many codes one address may ask for. `{}` means a messenger that is off.
 */

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const textOverrides = z
  .object(
    Object.fromEntries(
      TEXT_KEYS.map((key) => [key, z.string().min(1).max(500).optional()]),
    ) as Record<TextKey, z.ZodOptional<z.ZodString>>,
  )
  .strict();

/** `https://shop.example` or `http://localhost:3000`: scheme, host and port, nothing else. */
const originSchema = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === value;
    } catch {
      return false;
    }
  }, 'must be an origin: scheme, host and optional port, without a path or trailing slash');

export const messengerBotSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2_048)
      .describe('Where visitor messages are POSTed as signed events'),
    secret: webhookSecretSchema,
  })
  .strict()
  .meta({ id: 'MessengerBot' });

export const messengerSettingsSchema = z
  .object({
    enabled: z
      .boolean()
      .default(false)
      .describe('Serve the messenger; while false its page and API answer 404'),
    authentication: z
      .enum(['none', 'otp'])
      .default('otp')
      .describe('`otp`: the chat opens after an SMS code; `none`: it opens at once'),
    preferredCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals')
      .nullable()
      .default(null)
      .describe("The phone step's preselected country; default the app's `preferredCountry`"),
    askName: z.boolean().default(false).describe("Ask for the visitor's name before the phone"),
    askEmail: z.boolean().default(false).describe("Ask for the visitor's email before the phone"),
    texts: z
      .record(z.string().regex(LOCALE, 'must be a BCP 47 language tag'), textOverrides)
      .default({})
      .describe(
        `Texts by locale over otpd's built-in ones (${TEXT_KEYS.join(', ')}); ` +
          "picked by the visitor's language, its prefix, then `en`",
      ),
    allowedOrigins: z
      .array(originSchema)
      .max(20)
      .default([])
      .describe('Origins whose pages may embed the messenger (CSP frame-ancestors)'),
    bot: messengerBotSchema
      .nullable()
      .default(null)
      .describe('The bot that receives visitor messages; none: they wait for an agent'),
    limits: z
      .object({
        requestsPerIp: z
          .object({
            max: z.number().int().min(1).max(1_000).default(2).describe('Code requests'),
            windowSeconds: z
              .number()
              .int()
              .min(60)
              .max(86_400)
              .default(3_600)
              .describe('Window length (s)'),
          })
          .strict()
          .prefault({})
          .describe(
            'Codes (first sends and resends) one visitor address may request through the ' +
              'messenger; default 2 per hour',
          ),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .describe('The web messenger: a chat on your site, opened after the phone is verified')
  .meta({ id: 'MessengerSettings' });

export type MessengerSettings = z.output<typeof messengerSettingsSchema>;
