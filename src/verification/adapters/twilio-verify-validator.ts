import {
  callVerify,
  type TwilioVerifyAccount,
  twilioVerifyValidatorConfigSchema,
} from '../../delivery/adapters/twilio-verify-config.ts';
import { parseJson } from '../../outbound/http-template.ts';
import type { OutboundClient, OutboundResponse } from '../../ports/outbound.ts';
import { type ValidatorPlugin, ValidatorUnavailable } from '../validator-ports.ts';
import { unreachable } from './http-validator.ts';

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
    destinationFields: ['baseUrl', 'accountSid'],
  },
  configSchema: twilioVerifyValidatorConfigSchema,
  create(config, deps) {
    return {
      type: 'twilio-verify',
      async check(v, code) {
        const form = new URLSearchParams({ Code: code });
        if (v.codeReference !== null) form.set('VerificationSid', v.codeReference);
        else form.set('To', v.to);
        let response: OutboundResponse;
        try {
          response = await callVerify(deps.outbound, config, 'VerificationCheck', form);
        } catch (error) {
          throw unreachable(error, 'Twilio Verify');
        }
        const document = parseJson(response.body) as Record<string, unknown> | undefined;
        if (response.status === 404) return false;
        if (response.status === 429 && document?.code === TWILIO_MAX_CHECKS) return false;
        if (response.status !== 200) {
          throw new ValidatorUnavailable(
            `http_${response.status}`,
            `Twilio Verify answered HTTP ${response.status}, which is no verdict`,
          );
        }
        if (typeof document?.status !== 'string') {
          throw new ValidatorUnavailable(
            'unreadable_answer',
            'Twilio Verify answered HTTP 200 without a verification status',
          );
        }
        return document.status === 'approved';
      },
    };
  },
};
