import { parseJson } from '../outbound/http-template.ts';
import type { OutboundClient, OutboundResponse } from '../outbound/outbound.ts';
import { type ValidatorPlugin, ValidatorUnavailable } from '../ports/validator.ts';
import {
  type TwilioVerifyAccount,
  twilioVerifyValidatorConfigSchema,
  verifyHeaders,
  verifyUrl,
} from '../providers/twilio-verify-config.ts';
import { unreachable } from './http-validator.ts';

const MAX_RESPONSE_BYTES = 64 * 1024;

/** Twilio's "max check attempts reached": its verification will never approve a code. */
const TWILIO_MAX_CHECKS = 60202;

/**
 * Checks a code Twilio Verify made (`POST /v2/Services/{sid}/VerificationCheck`), by the
 * Verification SID the twilio-verify sender kept, or by the number when there is none.
 * 200 is a verdict (`status: "approved"`); 404 means Twilio has no pending verification
 * (expired, approved or closed), so no code can be right; so does 60202. Anything else —
 * 401, 5xx, a rate limit, an answer without `status` — is no verdict.
 */
export const twilioVerifyValidator: ValidatorPlugin<
  TwilioVerifyAccount,
  { outbound: OutboundClient }
> = {
  metadata: {
    type: 'twilio-verify',
    name: 'Twilio Verify',
    description: 'Twilio Verify checks the codes it made (pair with the twilio-verify sender).',
    secretFields: ['authToken'],
  },
  configSchema: twilioVerifyValidatorConfigSchema,
  create(config, deps) {
    const url = verifyUrl(config, 'VerificationCheck');
    const headers = verifyHeaders(config);
    return {
      type: 'twilio-verify',
      async check(v, code) {
        const form = new URLSearchParams({ Code: code });
        if (v.codeReference !== null) form.set('VerificationSid', v.codeReference);
        else form.set('To', v.to);
        let response: OutboundResponse;
        try {
          response = await deps.outbound.request({
            method: 'POST',
            url,
            headers,
            body: form.toString(),
            timeoutMs: config.timeoutMs,
            maxResponseBytes: MAX_RESPONSE_BYTES,
          });
        } catch (error) {
          throw unreachable(error, 'Twilio Verify');
        }
        const document = parseJson(response.body) as Record<string, unknown> | undefined;
        if (response.status === 404) return false;
        if (response.status === 429 && document?.code === TWILIO_MAX_CHECKS) return false;
        if (response.status !== 200 || typeof document?.status !== 'string') {
          throw new ValidatorUnavailable(
            `http_${response.status}`,
            `Twilio Verify answered HTTP ${response.status} without a verdict`,
          );
        }
        return document.status === 'approved';
      },
    };
  },
};
