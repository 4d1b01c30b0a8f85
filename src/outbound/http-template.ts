import { isDeepStrictEqual } from 'node:util';
import { resolvePointer } from '../kernel/json-pointer.ts';
import { type OutboundClient, OutboundError, type OutboundResponse } from '../ports/outbound.ts';
import {
  type Json,
  PLACEHOLDER,
  type RequestTemplate,
  type SuccessRule,
} from './http-template-schema.ts';

/** Fills placeholders in one pass, so a value that itself looks like `{{…}}` stays as it is. */
function fill(template: string, values: Record<string, string>, encode = (s: string) => s): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? encode(values[name] as string) : whole,
  );
}

/** A JSON string that is one placeholder and nothing else: `"{{buttons}}"`. */
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/**
 * Fills a JSON body. A string that is exactly a placeholder of `structured` becomes that
 * value itself (an array, an object), so `"buttons": "{{buttons}}"` sends a JSON array;
 * elsewhere such a placeholder is filled with the value's JSON text.
 */
function fillJson(
  value: Json,
  values: Record<string, string>,
  structured: Record<string, Json>,
): Json {
  if (typeof value === 'string') {
    const name = WHOLE_PLACEHOLDER.exec(value)?.[1];
    if (name !== undefined && Object.hasOwn(structured, name)) return structured[name] as Json;
    return fill(value, values);
  }
  if (Array.isArray(value)) return value.map((item) => fillJson(item, values, structured));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillJson(v, values, structured)]),
    );
  }
  return value;
}

/** A filled-in request, ready for the outbound client. */
export interface HttpCall {
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/**
 * The request a template makes with `values` for its placeholders (`structured` for those a
 * JSON body may take whole). Throws only when the filled-in URL is not a URL (e.g. a var
 * that is not a valid host).
 */
export function buildCall(
  request: RequestTemplate,
  values: Record<string, string>,
  structured: Record<string, Json> = {},
): HttpCall {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, fill(value, values)]),
  );
  const hasHeader = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  const url = fill(request.url, values, encodeURIComponent);
  if (request.body === undefined) return { url, headers, body: undefined };
  const filled = fillJson(request.body, values, structured);
  if (request.encoding === 'json') {
    if (!hasHeader('content-type')) headers['content-type'] = 'application/json';
    return { url, headers, body: JSON.stringify(filled) };
  }
  // A field given whole (`{{buttons}}`) goes as its JSON text.
  const fields = Object.entries(filled as Record<string, Json>).map(([k, v]): [string, string] => [
    k,
    typeof v === 'string' ? v : JSON.stringify(v),
  ]);
  if (request.encoding === 'form') {
    if (!hasHeader('content-type')) headers['content-type'] = 'application/x-www-form-urlencoded';
    return { url, headers, body: new URLSearchParams(fields).toString() };
  }
  const withQuery = new URL(url);
  for (const [k, v] of fields) withQuery.searchParams.append(k, v);
  return { url: withQuery.toString(), headers, body: undefined };
}

/**
 * Fills a template and sends it through the guarded client. Fails only with `OutboundError`;
 * a filled-in URL that is not a URL is `invalid_url`.
 */
export async function callTemplate(
  outbound: OutboundClient,
  template: { request: RequestTemplate; timeoutMs: number },
  values: Record<string, string>,
  maxResponseBytes: number,
  structured: Record<string, Json> = {},
): Promise<OutboundResponse> {
  let call: HttpCall;
  try {
    call = buildCall(template.request, values, structured);
  } catch {
    // Only a filled-in URL can fail to build (e.g. a var that is not a valid host).
    throw new OutboundError('invalid_url', 'the filled-in request URL is not valid');
  }
  return outbound.request({
    method: template.request.method,
    ...call,
    timeoutMs: template.timeoutMs,
    maxResponseBytes,
  });
}

/** A response body as JSON, or undefined when it is not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The value at `pointer` in a JSON answer; undefined when the answer is not JSON or has none. */
export function valueAt(body: string, pointer: string): unknown {
  const document = parseJson(body);
  return document === undefined ? undefined : resolvePointer(document, pointer);
}

/** A string or number at `pointer`, as a string; null when there is none. */
export function idAt(body: string, pointer: string): string | null {
  const id = valueAt(body, pointer);
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * What a listed-status answer says under the success rule: `yes`, `no`, or `unreadable` when
 * the rule asks for a JSON value and the answer is not JSON or lacks that place. Callers that
 * must not guess (a validator) tell the last apart; a sender counts it as no.
 */
export function readSuccess(success: SuccessRule, body: string): 'yes' | 'no' | 'unreadable' {
  if (success.bodyContains !== null && !body.includes(success.bodyContains)) return 'no';
  if (success.bodyNotContains !== null && body.includes(success.bodyNotContains)) return 'no';
  if (success.jsonPointer === null) return 'yes';
  const value = valueAt(body, success.jsonPointer);
  if (value === undefined) return 'unreadable';
  return isDeepStrictEqual(value, success.equals) ? 'yes' : 'no';
}
