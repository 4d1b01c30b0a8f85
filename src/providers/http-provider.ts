import { isDeepStrictEqual } from 'node:util';
import { resolvePointer } from '../domain/json-pointer.ts';
import { CHANNELS } from '../domain/recipients.ts';
import type { OutboundClient } from '../outbound/outbound.ts';
import { type OutboundMessage, ProviderError, type ProviderPlugin } from '../ports/provider.ts';
import {
  type HttpProviderConfig,
  httpProviderConfigSchema,
  type Json,
  PLACEHOLDER,
  walkStrings,
} from './http-provider-config.ts';
import { outboundFailure, parseJson } from './outbound-failure.ts';

/** A gateway's answer is a verdict and an id; anything bigger is not a gateway we understand. */
const MAX_RESPONSE_BYTES = 256 * 1024;

export interface HttpProviderDeps {
  outbound: OutboundClient;
}

function usesPlaceholder(config: HttpProviderConfig, name: string): boolean {
  let found = false;
  const visit = (text: string) => {
    for (const [, used] of text.matchAll(PLACEHOLDER)) found ||= used === name;
  };
  visit(config.request.url);
  for (const value of Object.values(config.request.headers)) visit(value);
  walkStrings(config.request.body, [], visit);
  return found;
}

/** Fills placeholders in one pass, so a value that itself looks like `{{…}}` stays as it is. */
function fill(template: string, values: Record<string, string>, encode = (s: string) => s): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? encode(values[name] as string) : whole,
  );
}

function fillJson(value: Json, values: Record<string, string>): Json {
  if (typeof value === 'string') return fill(value, values);
  if (Array.isArray(value)) return value.map((item) => fillJson(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v, values)]));
  }
  return value;
}

function placeholderValues(message: OutboundMessage, vars: Record<string, string>) {
  return {
    ...vars,
    to: message.to,
    toDigits: message.to.replace(/^\+/, ''),
    code: message.code ?? '',
    message: message.body,
    locale: message.locale,
    verificationId: message.verificationId,
    messageId: message.messageId ?? '',
  };
}

interface HttpCall {
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function buildCall(config: HttpProviderConfig, values: Record<string, string>): HttpCall {
  const { request } = config;
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, fill(value, values)]),
  );
  const hasHeader = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  const url = fill(request.url, values, encodeURIComponent);
  if (request.body === undefined) return { url, headers, body: undefined };
  const filled = fillJson(request.body, values);
  if (request.encoding === 'json') {
    if (!hasHeader('content-type')) headers['content-type'] = 'application/json';
    return { url, headers, body: JSON.stringify(filled) };
  }
  const fields = Object.entries(filled as Record<string, string | number | boolean>).map(
    ([k, v]): [string, string] => [k, String(v)],
  );
  if (request.encoding === 'form') {
    if (!hasHeader('content-type')) headers['content-type'] = 'application/x-www-form-urlencoded';
    return { url, headers, body: new URLSearchParams(fields).toString() };
  }
  const withQuery = new URL(url);
  for (const [k, v] of fields) withQuery.searchParams.append(k, v);
  return { url: withQuery.toString(), headers, body: undefined };
}

/**
 * An unaccepted status. 5xx is the gateway's own trouble, 408 and 429 ask us to come back
 * later: retryable. Any other status (4xx, an unfollowed 3xx, an unlisted 2xx) is the
 * gateway's considered answer to this request as configured; sending it again gets the same
 * answer, so the remedy is failover to the next provider, not repetition.
 */
function statusFailure(status: number): ProviderError {
  const retryable = status >= 500 || status === 408 || status === 429;
  return new ProviderError(`http_${status}`, retryable, `the gateway answered HTTP ${status}`);
}

/**
 * Whether a listed-status answer also says yes. A failure here is not retryable: the gateway
 * answered and said no (a bad number, no balance), and would say it again.
 */
function meetsSuccessRule(success: HttpProviderConfig['success'], body: string): boolean {
  if (success.bodyContains !== null && !body.includes(success.bodyContains)) return false;
  if (success.bodyNotContains !== null && body.includes(success.bodyNotContains)) return false;
  if (success.jsonPointer === null) return true;
  const document = parseJson(body);
  return (
    document !== undefined &&
    isDeepStrictEqual(resolvePointer(document, success.jsonPointer), success.equals)
  );
}

function messageIdOf(pointerText: string | null, body: string): string | null {
  if (pointerText === null) return null;
  const document = parseJson(body);
  const id = document === undefined ? undefined : resolvePointer(document, pointerText);
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * Any third-party gateway reached by an HTTP request built from a template (issue 3 point 3),
 * sent through the guarded outbound client. Its errors never carry the gateway's answer, the
 * URL or the headers: those may hold the code or credentials (I6).
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
  },
  configSchema: httpProviderConfigSchema,
  create(config, deps) {
    const needsCode = usesPlaceholder(config, 'code');
    return {
      name: config.name,
      async send(message) {
        if (needsCode && message.code === undefined) {
          // A wiring fault, not the gateway's: sending a message without its code helps no one.
          throw new ProviderError('code_unavailable', false, '{{code}} is used but was not given');
        }
        let call: HttpCall;
        try {
          call = buildCall(config, placeholderValues(message, config.vars));
        } catch {
          // Only a filled-in URL can fail to build (e.g. a var that is not a valid host).
          throw new ProviderError('invalid_url', false, 'the filled-in request URL is not valid');
        }
        let response: Awaited<ReturnType<OutboundClient['request']>>;
        try {
          response = await deps.outbound.request({
            method: config.request.method,
            ...call,
            timeoutMs: config.timeoutMs,
            maxResponseBytes: MAX_RESPONSE_BYTES,
          });
        } catch (error) {
          throw outboundFailure(error, 'the gateway');
        }
        if (!config.success.status.includes(response.status)) throw statusFailure(response.status);
        if (!meetsSuccessRule(config.success, response.body)) {
          throw new ProviderError(
            'success_rule_failed',
            false,
            `the gateway answered HTTP ${response.status} but its body does not meet the success rule`,
          );
        }
        return { providerMessageId: messageIdOf(config.messageIdPointer, response.body) };
      },
    };
  },
};
