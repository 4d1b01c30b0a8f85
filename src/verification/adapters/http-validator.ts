import { callTemplate, readSuccess } from '../../outbound/http-template.ts';
import { usesPlaceholder } from '../../outbound/http-template-schema.ts';
import { type OutboundClient, OutboundError, type OutboundResponse } from '../../ports/outbound.ts';
import { type ValidatorPlugin, ValidatorUnavailable } from '../validator-ports.ts';
import { type HttpValidatorConfig, httpValidatorConfigSchema } from './http-validator-config.ts';

/** A verdict is a few bytes; a bigger answer is not one we understand. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface HttpValidatorDeps {
  outbound: OutboundClient;
}

/** The outbound failure as no verdict; its message names the host at most, never the URL. */
export function unreachable(error: unknown, remote: string): ValidatorUnavailable {
  if (error instanceof OutboundError) {
    return new ValidatorUnavailable(error.code, `${remote}: ${error.message}`);
  }
  return new ValidatorUnavailable('request_failed', `the request to ${remote} failed`);
}

/**
 * A third-party service that checks codes its sender made, asked by a request built from a
 * template through the guarded outbound client. Its errors never carry the answer, the URL or
 * the headers: those may hold the code or credentials (I6).
 */
export const httpValidator: ValidatorPlugin<HttpValidatorConfig, HttpValidatorDeps> = {
  metadata: {
    type: 'http',
    name: 'HTTP validator',
    description:
      'Asks a third-party service whether a code is right: URL, method, headers, body, success rule.',
    secretFields: ['request.headers', 'vars'],
    destinationFields: ['request.url', 'request.headers.host'],
  },
  configSchema: httpValidatorConfigSchema,
  create(config, deps) {
    const needsReference = usesPlaceholder(config.request, 'reference');
    return {
      type: 'http',
      async check(v, code) {
        if (needsReference && v.codeReference === null) {
          throw new ValidatorUnavailable(
            'no_reference',
            'the code is still being sent: the sender has not named it yet',
          );
        }
        let response: OutboundResponse;
        try {
          response = await callTemplate(
            deps.outbound,
            config,
            {
              ...config.vars,
              verificationId: v.id,
              to: v.to,
              toDigits: v.to.replace(/^\+/, ''),
              code,
              reference: v.codeReference ?? '',
            },
            MAX_RESPONSE_BYTES,
          );
        } catch (error) {
          throw unreachable(error, 'the validator');
        }
        if (config.wrongCodeStatus.includes(response.status)) return false;
        if (!config.success.status.includes(response.status)) {
          throw new ValidatorUnavailable(
            `http_${response.status}`,
            `the validator answered HTTP ${response.status}, which is no verdict`,
          );
        }
        const verdict = readSuccess(config.success, response.body);
        if (verdict === 'unreadable') {
          throw new ValidatorUnavailable(
            'unreadable_answer',
            `the validator answered HTTP ${response.status} without the value the success rule reads`,
          );
        }
        return verdict === 'yes';
      },
    };
  },
};
