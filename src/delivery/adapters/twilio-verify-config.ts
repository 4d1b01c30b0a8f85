import { z } from 'zod';
import { timeoutMsSchema } from '../../outbound/http-template-schema.ts';
import type { OutboundClient, OutboundResponse } from '../../ports/outbound.ts';

/** Where Twilio Verify lives; tests point `baseUrl` at a local fake instead. */
export const TWILIO_VERIFY_API = 'https://verify.twilio.com';

/**
 * The account and Verify service both halves of the Twilio Verify pair use: the sender
 * (start a verification) and the validator (check its code). Twilio owns the code.
 */
export const twilioVerifyAccountSchema = z.object({
  accountSid: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID: AC and 32 hex digits')
    .describe('Account SID (AC…), also the Basic auth user'),
  authToken: z
    .string()
    .min(1)
    .max(256)
    .describe("The account's auth token. Stored encrypted; read back masked"),
  serviceSid: z
    .string()
    .regex(/^VA[0-9a-fA-F]{32}$/, 'must be a Twilio Verify Service SID: VA and 32 hex digits')
    .describe('The Verify service (VA…) that makes, sends and checks the codes'),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .default(TWILIO_VERIFY_API)
    .describe(
      `Twilio Verify API origin; default ${TWILIO_VERIFY_API}. Goes through the outbound guard`,
    )
    .refine((url) => {
      const base = URL.canParse(url) ? new URL(url) : undefined;
      return !base || (base.search === '' && base.hash === '' && !base.username && !base.password);
    }, 'must be an origin with at most a path: no query, fragment or credentials'),
  timeoutMs: timeoutMsSchema,
});
export type TwilioVerifyAccount = z.infer<typeof twilioVerifyAccountSchema>;

/** The sender: an account, and the name the message log shows. */
export const twilioVerifyProviderConfigSchema = twilioVerifyAccountSchema
  .extend({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, ".", "_" and "-", at most 63')
      .describe('Names this provider in the message log'),
  })
  .strict();
export type TwilioVerifyProviderConfig = z.infer<typeof twilioVerifyProviderConfigSchema>;

/** The validator: the same account and service as the sender. */
export const twilioVerifyValidatorConfigSchema = twilioVerifyAccountSchema.strict();

/** A Verification resource is about 1 KB; an answer this big is not Twilio's. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * One Verify API call, `POST {baseUrl}/v2/Services/{serviceSid}/{resource}` with Basic auth
 * and a form body, through the guarded client. Fails only with `OutboundError`.
 */
export function callVerify(
  outbound: OutboundClient,
  account: TwilioVerifyAccount,
  resource: 'Verifications' | 'VerificationCheck',
  form: URLSearchParams,
): Promise<OutboundResponse> {
  const base = account.baseUrl.replace(/\/+$/, '');
  const credentials = Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64');
  return outbound.request({
    method: 'POST',
    url: `${base}/v2/Services/${encodeURIComponent(account.serviceSid)}/${resource}`,
    headers: {
      authorization: `Basic ${credentials}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: form.toString(),
    timeoutMs: account.timeoutMs,
    maxResponseBytes: MAX_RESPONSE_BYTES,
  });
}
