import { z } from 'zod';
import { fraudGuardSchema } from '../../abuse/domain/fraud.ts';
import { geoSchema, numberTypesSchema } from '../../abuse/domain/geo.ts';
import { limitsSchema } from '../../abuse/domain/limits.ts';
import { safelistSchema } from '../../abuse/domain/safelist.ts';
import { dialectsSchema } from '../../dialects/domain/dialect-settings.ts';
import type { Channel } from '../../kernel/recipients.ts';
import { messengerSettingsSchema } from '../../messenger/domain/messenger-settings.ts';
import { MAX_CODE_LENGTH, MIN_CODE_LENGTH } from '../../verification/domain/codes.ts';
import { testNumbersSchema } from '../../verification/domain/test-numbers.ts';
import { DEFAULTS } from '../../verification/domain/verification.ts';
import { webhookSecretSchema } from '../../webhooks/domain/webhook-secret.ts';

/**
 * An app's settings document: verification defaults, delivery providers per channel,
 * message templates and webhooks. One zod schema validates `PUT /v1/settings` and
 * `otpd apps update`, and documents both in OpenAPI. Every field has a default, so `{}`
 * is a valid document meaning "all defaults".
 */

/** Lifecycle events a webhook may subscribe to. */
export const WEBHOOK_EVENTS = [
  'verification.created',
  'verification.approved',
  'verification.expired',
  'verification.canceled',
  'verification.max_attempts_reached',
  'verification.failed',
  'message.sent',
  'message.delivered',
  'message.failed',
] as const;

/** A BCP 47 language tag such as `en`, `tr` or `pt-BR`. */
export const localeTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag');

const count = (min: number, max: number) => z.number().int().min(min).max(max);

export const verificationSettingsSchema = z
  .object({
    codeLength: count(MIN_CODE_LENGTH, MAX_CODE_LENGTH)
      .default(DEFAULTS.codeLength)
      .describe('Digits in a code when the request names no `codeLength`'),
    ttlSeconds: count(60, 86_400)
      .default(DEFAULTS.ttlSeconds)
      .describe('Seconds a code stays valid when the request names no `ttlSeconds`'),
    maxAttempts: count(1, 20)
      .default(DEFAULTS.maxAttempts)
      .describe('Checks allowed per verification; a resend does not reset them'),
    maxSends: count(1, 20)
      .default(DEFAULTS.maxSends)
      .describe('Codes sent per verification, the first one included'),
    resendCooldownSeconds: count(0, 3_600)
      .default(DEFAULTS.resendCooldownSeconds)
      .describe('Seconds after a send before the next resend is accepted'),
  })
  .strict()
  .describe('Defaults for new verifications; a request may still set codeLength and ttlSeconds')
  .meta({ id: 'VerificationSettings' });

const templateText = z
  .string()
  .min(1)
  .max(1_000)
  .refine((s) => /\{\{\s*code\s*\}\}/.test(s), 'must contain the {{code}} placeholder');

const perLocale = z
  .record(localeTag, templateText)
  .describe('Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}}');

export const templatesSchema = z
  .object({
    sms: perLocale.optional(),
    whatsapp: perLocale.optional(),
    email: perLocale.optional(),
    messenger: perLocale.optional(),
    voice: perLocale.optional(),
  })
  .strict()
  .describe(
    'Message templates per channel and locale. Looked up by the verification locale, its ' +
      'prefixes (`pt` for `pt-BR`), the app `defaultLocale` and its prefixes, then `en`; at each ' +
      "tag the app's template wins over otpd's built-in text (en, tr, sw, hi, ar, fr, es, de, pt)",
  )
  .meta({ id: 'MessageTemplates' });

/** The Android SMS Retriever hash: 11 characters of base64 (see domain/sms-autofill.ts). */
export const ANDROID_APP_HASH = /^[A-Za-z0-9+/]{11}$/;

export const androidAppHashSchema = z
  .string()
  .regex(ANDROID_APP_HASH, 'must be the 11-character SMS Retriever app hash')
  .nullable()
  .default(null)
  .describe(
    "The Android app's SMS Retriever hash, e.g. `FA+9qCX9VSu`: added to every SMS on a line " +
      'of its own so the app reads the code by itself. SMS only',
  );

/** A DNS host name without scheme, port or path, as WebOTP's `@host` takes it. */
export const webOtpHostSchema = z
  .string()
  .max(253)
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
    'must be a host name such as shop.example, without scheme, port or path',
  )
  .nullable()
  .default(null)
  .describe(
    'Host the code is bound to (WebOTP, origin-bound one-time codes), e.g. `shop.example`: ' +
      'every SMS ends with the line `@shop.example #CODE`, so browsers on that site fill it in. ' +
      'SMS only',
  );

export const webhookSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2_048)
      .describe('Where events are POSTed'),
    events: z
      .array(z.enum(WEBHOOK_EVENTS))
      .min(1)
      .describe('The events sent to this URL')
      .refine((events) => new Set(events).size === events.length, 'must not repeat an event'),
    secret: webhookSecretSchema,
  })
  .strict()
  .meta({ id: 'Webhook' });

/** What every provider entry has: its plug-in `type`; the rest is the plug-in's own config. */
export interface ProviderEntry {
  type: string;
  [field: string]: unknown;
}

/** Every channel delivers through the sandbox until the app configures a provider. */
export const DEFAULT_PROVIDERS: ProviderEntry[] = [{ type: 'console' }];

/** An app's `validator`: `{type}` and that type's own config (see validators/registry.ts). */
export interface ValidatorEntry {
  type: string;
  [field: string]: unknown;
}

/** otpd checks its own codes unless the app names a third-party validator. */
export const BUILTIN_VALIDATOR: ValidatorEntry = { type: 'builtin' };

/**
 * The settings schema over the provider and validator entries the registries know (see
 * providers/registry.ts and validators/registry.ts).
 */
export function createSettingsSchema(
  providerEntry: z.ZodType<ProviderEntry>,
  validatorEntry: z.ZodType<ValidatorEntry>,
) {
  const channel = (name: Channel) =>
    z
      .object({
        providers: z
          .array(providerEntry)
          .min(1)
          .max(5)
          .default(DEFAULT_PROVIDERS)
          .describe(
            `Providers for ${name}, in order: when one fails the next is tried at once. ` +
              'Default: the sandbox (`console`)',
          ),
        failoverOnUndelivered: z
          .boolean()
          .default(false)
          .describe(
            'When a delivery receipt says the newest code never arrived (undelivered or failed), ' +
              'send a new code through the providers after the one that failed, at most once ' +
              'per provider. Default false',
          ),
      })
      .strict()
      .prefault({});
  return z
    .object({
      verification: verificationSettingsSchema.prefault({}),
      defaultLocale: localeTag
        .default('en')
        .describe('Locale of a verification whose request names none; picks its template'),
      preferredCountry: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals')
        .nullable()
        .default(null)
        .describe('Country assumed for a national phone number sent without `country`, e.g. `TR`'),
      androidAppHash: androidAppHashSchema,
      webOtpHost: webOtpHostSchema,
      channels: z
        .object({
          sms: channel('sms'),
          whatsapp: channel('whatsapp'),
          email: channel('email'),
          messenger: channel('messenger'),
          voice: channel('voice'),
        })
        .strict()
        .prefault({})
        .describe('Delivery per channel'),
      validator: validatorEntry
        .default(BUILTIN_VALIDATOR)
        .describe(
          'Who checks codes a sender made itself (`generatesCode`, twilio-verify): `builtin` ' +
            "(default; otpd checks its own codes), `http` or `twilio-verify`. otpd's own codes " +
            'are always checked by otpd',
        ),
      templates: templatesSchema.prefault({}),
      limits: limitsSchema.prefault({}),
      fraudGuard: fraudGuardSchema.prefault({}),
      geo: geoSchema.prefault({}),
      numberTypes: numberTypesSchema.prefault({}),
      safelist: safelistSchema,
      testNumbers: testNumbersSchema,
      webhooks: z
        .array(webhookSchema)
        .max(10)
        .default([])
        .describe('Event subscriptions: signed (Standard Webhooks) POSTs of lifecycle events'),
      dialects: dialectsSchema,
      messenger: messengerSettingsSchema.prefault({}),
    })
    .strict()
    .describe('App settings; every field is optional on PUT and takes its default');
}

export type SettingsSchema = ReturnType<typeof createSettingsSchema>;
export type AppSettings = z.output<SettingsSchema>;
