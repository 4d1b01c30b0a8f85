import { z } from 'zod';

/** Twilio's own API origin: where Convertalk's send goes unless the app names another. */
export const CONVERTALK_TWILIO_BASE_URL = 'https://api.twilio.com';

const originUrl = z
  .url({ protocol: /^https?$/ })
  .max(2_048)
  .refine((value) => {
    const url = new URL(value);
    return url.search === '' && url.hash === '' && !url.username && !url.password;
  }, 'must be an origin with at most a path: no query, fragment or credentials');

/**
 * The `dialects` section of an app's settings: how each vendor dialect behaves for the app.
 * Every field has a default, so `{}` means "as the vendor does".
 */
export const dialectsSchema = z
  .object({
    convertalk: z
      .object({
        twilioBaseUrl: originUrl
          .default(CONVERTALK_TWILIO_BASE_URL)
          .describe(
            'Twilio API origin the Convertalk send-otp-sms endpoint posts to; default ' +
              `${CONVERTALK_TWILIO_BASE_URL}. Goes through the outbound guard`,
          ),
        systemOtp: z
          .enum(['reference', 'code'])
          .default('reference')
          .describe(
            "What send-otp-sms answers as `systemOtp`, the value the flow's verify step " +
              'compares: `reference`, an opaque sealed reference that verify-user-otp checks ' +
              '(default); `code`, the code itself, for flows that compare it locally — the code ' +
              "then sits in the flow's attributes, and attempts are no longer counted",
          ),
      })
      .strict()
      .prefault({})
      .describe('Convertalk chatbot endpoints under /convertalk'),
    diyalog: z
      .object({
        secret: z
          .string()
          .min(16)
          .max(256)
          .nullable()
          .default(null)
          .describe(
            'Signs hidden button payloads (HMAC-SHA256) and the button presses forwarded to ' +
              'webhookUrl (X-Signature, HMAC-SHA1). Stored encrypted, shown masked',
          ),
        webhookUrl: z
          .url({ protocol: /^https?$/ })
          .max(2_048)
          .nullable()
          .default(null)
          .describe(
            "Where button presses are forwarded in Diyalog's envelope; none: not forwarded. " +
              'Goes through the outbound guard',
          ),
      })
      .strict()
      .refine((d) => d.webhookUrl === null || d.secret !== null, {
        path: ['secret'],
        message: 'is needed with webhookUrl: forwarded presses are signed with it',
      })
      .prefault({})
      .describe('Diyalog sendmok and postback under /diyalog'),
    twilio: z
      .object({
        allowCustomCode: z
          .boolean()
          .default(false)
          .describe(
            "Accept Twilio's CustomCode: the app's own code is sent and checked (stored hashed " +
              'like any code). Default false: a CustomCode is refused with 60204, as on a ' +
              'Twilio service without custom codes enabled',
          ),
      })
      .strict()
      .prefault({})
      .describe('Twilio Verify v2 under /twilio'),
  })
  .strict()
  .prefault({})
  .describe('Vendor dialects');
