import type { OutboundClient, OutboundResponse } from '../../ports/outbound.ts';
import { ProviderError, type ProviderPlugin } from '../provider-ports.ts';
import { outboundFailure, parseJson } from './outbound-failure.ts';
import {
  callVerify,
  type TwilioVerifyProviderConfig,
  twilioVerifyProviderConfigSchema,
} from './twilio-verify-config.ts';

export interface TwilioVerifyProviderDeps {
  outbound: OutboundClient;
}

/**
 * Twilio Verify as the owner of the code (integration mode 3): otpd starts a Twilio
 * verification (`POST /v2/Services/{sid}/Verifications`), Twilio makes and sends the code,
 * and the Verification SID it answers with is the reference its validator checks with.
 * Errors carry Twilio's error code, never its message (it quotes the number, I6).
 */
export const twilioVerifyProvider: ProviderPlugin<
  TwilioVerifyProviderConfig,
  TwilioVerifyProviderDeps
> = {
  metadata: {
    type: 'twilio-verify',
    name: 'Twilio Verify',
    channels: ['sms', 'whatsapp', 'email'],
    description:
      'Twilio Verify makes and sends the code; pair it with the twilio-verify validator.',
    secretFields: ['authToken'],
    destinationFields: ['baseUrl', 'accountSid'],
  },
  configSchema: twilioVerifyProviderConfigSchema,
  generatesCode: () => true,
  create(config, deps) {
    return {
      name: config.name,
      generatesCode: true,
      async send(message) {
        const form = new URLSearchParams({ To: message.to, Channel: message.channel });
        if (message.locale) form.set('Locale', message.locale);
        let response: OutboundResponse;
        try {
          response = await callVerify(deps.outbound, config, 'Verifications', form);
        } catch (error) {
          throw outboundFailure(error, 'Twilio Verify');
        }
        const answer = { status: response.status, body: response.body };
        const document = parseJson(response.body) as Record<string, unknown> | undefined;
        if (response.status < 200 || response.status > 299) {
          const twilioCode = typeof document?.code === 'number' ? document.code : null;
          const { status } = response;
          // As for Programmable Messaging: Twilio's own trouble and "slow down" may pass.
          const retryable = status >= 500 || status === 408 || status === 429;
          throw new ProviderError(
            twilioCode === null ? `http_${status}` : `twilio_${twilioCode}`,
            retryable,
            `Twilio Verify answered HTTP ${status}`,
            answer,
          );
        }
        const sid = document?.sid;
        if (typeof sid !== 'string' || sid === '') {
          // Twilio took the request and sent a code; without its SID it cannot be checked.
          throw new ProviderError(
            'reference_missing',
            false,
            'Twilio Verify answered without a Verification SID',
            answer,
          );
        }
        return { providerMessageId: sid, reference: sid, response: answer };
      },
    };
  },
};
