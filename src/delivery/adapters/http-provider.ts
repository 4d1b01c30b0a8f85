import { CHANNELS } from '../../kernel/recipients.ts';
import { callTemplate, idAt, readSuccess } from '../../outbound/http-template.ts';
import { type Json, usesPlaceholder } from '../../outbound/http-template-schema.ts';
import type { OutboundClient, OutboundResponse } from '../../ports/outbound.ts';
import { type OutboundMessage, ProviderError, type ProviderPlugin } from '../provider-ports.ts';
import { type HttpProviderConfig, httpProviderConfigSchema } from './http-provider-config.ts';
import { outboundFailure } from './outbound-failure.ts';

/** A gateway's answer is a verdict and an id; anything bigger is not a gateway we understand. */
const MAX_RESPONSE_BYTES = 256 * 1024;

export interface HttpProviderDeps {
  outbound: OutboundClient;
}

function placeholderValues(message: OutboundMessage, vars: Record<string, string>) {
  const buttons = message.chat?.buttons ?? [];
  return {
    ...vars,
    to: message.to,
    toDigits: message.to.replace(/^\+/, ''),
    code: message.code ?? '',
    message: message.body,
    locale: message.locale,
    verificationId: message.verificationId,
    messageId: message.messageId ?? '',
    imageUrl: message.chat?.imageUrl ?? '',
    buttons: JSON.stringify(buttons),
  };
}

/** Placeholders a JSON body takes whole: `"buttons": "{{buttons}}"` sends an array. */
function structuredValues(message: OutboundMessage): Record<string, Json> {
  return { buttons: (message.chat?.buttons ?? []) as unknown as Json };
}

/**
 * An unaccepted status. 5xx is the gateway's own trouble, 408 and 429 ask us to come back
 * later: retryable. Any other status (4xx, an unfollowed 3xx, an unlisted 2xx) is the
 * gateway's considered answer to this request as configured; sending it again gets the same
 * answer, so the remedy is failover to the next provider, not repetition.
 */
function statusFailure(response: { status: number; body: string }): ProviderError {
  const { status } = response;
  const retryable = status >= 500 || status === 408 || status === 429;
  return new ProviderError(
    `http_${status}`,
    retryable,
    `the gateway answered HTTP ${status}`,
    response,
  );
}

/**
 * Any third-party gateway reached by an HTTP request built from a template,
 * sent through the guarded outbound client. Its errors never carry the gateway's answer in
 * their message, the URL or the headers: those may hold the code or credentials (I6).
 */
export const httpProvider: ProviderPlugin<HttpProviderConfig, HttpProviderDeps> = {
  metadata: {
    type: 'http',
    name: 'HTTP gateway',
    channels: CHANNELS,
    description:
      'Sends through any gateway with an HTTP API: URL, method, headers, body, success rule.',
    // Every header value and var, not just well-known names: gateways invent their own
    // (`X-Gateway-Key`, `{{sender_pass}}`). Keep credentials there, not in the URL.
    secretFields: ['request.headers', 'vars', 'receipt.token'],
    // The Host header too: with it, one address can serve another site (its TLS name as well).
    destinationFields: ['request.url', 'request.headers.host'],
  },
  configSchema: httpProviderConfigSchema,
  generatesCode: (config) => config.generatesCode,
  create(config, deps) {
    const needsCode = usesPlaceholder(config.request, 'code');
    return {
      name: config.name,
      generatesCode: config.generatesCode,
      async send(message) {
        if (needsCode && message.code === undefined) {
          // A wiring fault, not the gateway's: sending a message without its code helps no one.
          throw new ProviderError('code_unavailable', false, '{{code}} is used but was not given');
        }
        let response: OutboundResponse;
        try {
          response = await callTemplate(
            deps.outbound,
            config,
            placeholderValues(message, config.vars),
            MAX_RESPONSE_BYTES,
            structuredValues(message),
          );
        } catch (error) {
          throw outboundFailure(error, 'the gateway');
        }
        const answer = { status: response.status, body: response.body };
        if (!config.success.status.includes(response.status)) throw statusFailure(answer);
        // A failure here is not retryable: the gateway answered and said no (a bad number, no
        // balance), and would say it again.
        if (readSuccess(config.success, response.body) !== 'yes') {
          throw new ProviderError(
            'success_rule_failed',
            false,
            `the gateway answered HTTP ${response.status} but its body does not meet the success rule`,
            answer,
          );
        }
        const receipt = {
          providerMessageId:
            config.messageIdPointer === null ? null : idAt(response.body, config.messageIdPointer),
          response: answer,
        };
        if (config.referencePointer === null) return receipt;
        const reference = idAt(response.body, config.referencePointer);
        if (reference === null) {
          // The code went out, but without its id the validator could not be asked about it:
          // the person must ask again. Sending it again now would send a second code.
          throw new ProviderError(
            'reference_missing',
            false,
            'the service accepted the request but its answer has no value at referencePointer',
            answer,
          );
        }
        return { ...receipt, reference };
      },
    };
  },
};
