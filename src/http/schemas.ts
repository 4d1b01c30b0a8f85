import { z } from 'zod';
import { CHANNELS } from '../kernel/recipients.ts';
import { ANDROID_APP_HASH } from '../settings/domain/settings.ts';
import { MAX_CODE_LENGTH, MIN_CODE_LENGTH } from '../verification/domain/codes.ts';
import { DELIVERY_STATUSES, STATUSES } from '../verification/domain/verification.ts';

/**
 * The native API's request and response shapes. The same objects validate requests and
 * generate `/openapi.json`, so the documentation cannot drift from the behaviour.
 */

const shortText = (max: number) => z.string().min(1).max(max);

export const channelSchema = z
  .enum(CHANNELS)
  .describe('Delivery channel; default `sms`. `voice` reads the code out in a phone call');

export const countrySchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
  .describe("Country for a national phone number, e.g. `TR`; default the app's `preferredCountry`");

/** The end user's address, which the app passes on for the per-IP limits. */
export const clientIpSchema = z
  .union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' })
  .describe(
    "Your end user's IP address, for the per-IP limits (`limits.createPerClientIp`, " +
      '`limits.failedChecksPerDestinationAndIp`); leave it out on calls that have no end user',
  );

export const idParams = z.object({ id: shortText(64).describe('Verification id') });

export const startBody = z
  .object({
    to: shortText(254).describe(
      'Phone number (E.164, or national with `country`) or email address',
    ),
    channel: channelSchema.optional(),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag')
      .optional()
      .describe("Picks the message template; default the app's `defaultLocale`"),
    country: countrySchema.optional(),
    codeLength: z
      .number()
      .int()
      .min(MIN_CODE_LENGTH)
      .max(MAX_CODE_LENGTH)
      .optional()
      .describe("Digits in the code; default from the app's settings (6 unless changed)"),
    ttlSeconds: z
      .number()
      .int()
      .min(60)
      .max(86_400)
      .optional()
      .describe("Default from the app's settings (600 unless changed)"),
    txCode: shortText(128)
      .optional()
      .describe('Your transaction reference, kept in the message log'),
    deviceId: shortText(128).optional(),
    messageId: shortText(128).optional(),
    metadata: z
      .record(z.string().max(64), z.unknown())
      .refine((m) => JSON.stringify(m).length <= 4096, 'must serialize to at most 4096 bytes')
      .optional(),
    content: z
      .string()
      .max(1000)
      .refine((s) => /\{\{\s*code\s*\}\}/.test(s), 'must contain the {{code}} placeholder')
      .optional()
      .describe(
        'Message template for this verification; placeholders {{code}}, {{app}}, {{minutes}}',
      ),
    androidAppHash: z
      .string()
      .regex(ANDROID_APP_HASH, 'must be the 11-character SMS Retriever app hash')
      .optional()
      .describe("This SMS's Android SMS Retriever hash line, over the app's `androidAppHash`"),
    clientIp: clientIpSchema.optional(),
  })
  .strict();

const codeSchema = z
  .string()
  .regex(/^[0-9]{1,20}$/, 'must be the digits the person received')
  .describe('The code the person typed');

export const checkBody = z
  .object({ code: codeSchema, clientIp: clientIpSchema.optional() })
  .strict();

export const checkByDestinationBody = z
  .object({
    to: shortText(254),
    code: codeSchema,
    channel: channelSchema.optional(),
    country: countrySchema.optional(),
    clientIp: clientIpSchema.optional(),
  })
  .strict();

/** A resend needs no body; an app may pass its end user's IP. */
export const resendBody = z.object({ clientIp: clientIpSchema.optional() }).strict().nullish();

const timestamp = z.iso.datetime();

export const verificationView = z
  .object({
    id: z.string(),
    appId: z.string(),
    to: z.string(),
    channel: channelSchema,
    locale: z.string().nullable(),
    status: z.enum(STATUSES),
    reason: z.string().nullable().describe('Why the verification left `pending`'),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    attemptsRemaining: z.number().int(),
    sends: z.number().int(),
    maxSends: z.number().int(),
    createdAt: timestamp,
    expiresAt: timestamp,
    resendAvailableAt: timestamp.nullable().describe('Null when no further send is possible'),
    approvedAt: timestamp.nullable(),
    txCode: z.string().nullable(),
    deviceId: z.string().nullable(),
    messageId: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    test: z
      .boolean()
      .describe(
        "True for one of the app's test numbers: fixed code, never sent, never counted by a limit",
      ),
    delivery: z.object({
      status: z.enum(DELIVERY_STATUSES),
      provider: z.string().nullable(),
      updatedAt: timestamp,
    }),
  })
  .meta({ id: 'Verification' });

export const checkView = z
  .object({
    id: z.string(),
    status: z.enum(STATUSES),
    valid: z.boolean(),
    reason: z
      .enum([
        'incorrect_code',
        'expired',
        'max_attempts_reached',
        'already_approved',
        'canceled',
        'failed',
      ])
      .nullable(),
    attemptsRemaining: z.number().int(),
  })
  .meta({ id: 'CheckResult' });

export const sandboxQuery = z.object({
  to: z
    .string()
    .min(1)
    .max(254)
    .optional()
    .describe('Only messages to this destination (as stored)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const sandboxList = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      verificationId: z.string(),
      to: z.string(),
      channel: channelSchema,
      body: z.string(),
      createdAt: timestamp,
    }),
  ),
});

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code'),
    detail: z.string(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          pointer: z
            .string()
            .optional()
            .describe('The field as a JSON Pointer into the body (console settings)'),
        }),
      )
      .optional(),
    limit: z.string().optional(),
    blockId: z
      .string()
      .optional()
      .describe('With `blocked_by_fraud_guard`: the decision, at `/v1/fraud/blocks`'),
    cause: z
      .string()
      .optional()
      .describe(
        'With `validator_unavailable`: why no verdict came (`timeout`, `http_503`, `unreadable_answer`, `no_reference`, …)',
      ),
    verificationStatus: z
      .enum(STATUSES)
      .optional()
      .describe('With `verification_not_pending`: the status the verification is in'),
  })
  // RFC 9457 lets a problem carry extension members; clients ignore those they do not know.
  .loose()
  .meta({ id: 'Problem' });

/** Problem answers, as `response` entries: each status answers a problem document. */
export function problems<S extends number>(...statuses: S[]): Record<S, typeof problem> {
  return Object.fromEntries(statuses.map((status) => [status, problem])) as Record<
    S,
    typeof problem
  >;
}

/** Error responses every authenticated route may give. */
export const problemResponses = problems(400, 401, 404, 429, 500, 503);

/** What a request with a body may also be refused for: its size and its media type. */
export const bodyProblemResponses = problems(413, 415);
