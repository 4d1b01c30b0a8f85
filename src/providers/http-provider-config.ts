import { z } from 'zod';
import { isJsonPointer } from '../domain/json-pointer.ts';
import { MESSAGE_STATUSES } from '../ports/message-log.ts';

/** Placeholders every http provider may use; `vars` add more. */
export const HTTP_PLACEHOLDERS = [
  'to',
  'toDigits',
  'code',
  'message',
  'locale',
  'verificationId',
  'messageId',
] as const;

/** `{{name}}`, spaces inside the braces allowed. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const json: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(json),
    z.record(z.string(), json),
  ]),
);
const pointer = z.string().refine(isJsonPointer, 'must be a JSON pointer such as /ok or /data/id');

/** One pointer, or several tried in order (the first that finds a value wins). */
const pointers = z.union([pointer, z.array(pointer).min(1).max(5)]);

/**
 * How the gateway's delivery receipts read (`POST /v1/receipts/http/{appId}/{name}`). The
 * pointers look into the receipt's body (JSON, or form fields as a flat object).
 */
export const httpReceiptConfigSchema = z
  .object({
    token: z
      .string()
      .min(16, 'must be at least 16 characters')
      .max(256)
      .describe(
        'Shared secret the gateway sends as `?token=` or the `X-Otpd-Receipt-Token` header. ' +
          'Stored encrypted; read back masked',
      ),
    messageIdPointer: pointers.describe(
      "Where the receipt keeps the gateway's id of the message (the one messageIdPointer found)",
    ),
    statusPointer: pointers.describe("Where the receipt keeps the gateway's status"),
    errorPointer: pointers
      .optional()
      .describe("Where the receipt keeps the gateway's error code, if it sends one"),
    statusMap: z
      .record(z.string().min(1).max(100), z.enum(MESSAGE_STATUSES))
      .refine((map) => Object.keys(map).length > 0, 'must map at least one status')
      .describe(
        "The gateway's statuses to otpd's (queued, sent, delivered, undelivered, failed), " +
          'e.g. {"DELIVRD": "delivered"}; matched exactly, then ignoring case. Others are ignored',
      ),
  })
  .strict()
  .meta({ id: 'HttpReceiptConfig' });

export type HttpReceiptConfig = z.infer<typeof httpReceiptConfigSchema>;

/** A record whose keys must match `pattern`; a bad key is named with `message`. */
const namedRecord = (pattern: RegExp, message: string) =>
  z.record(z.string().regex(pattern), z.string(), {
    error: (issue) => (issue.code === 'invalid_key' ? message : undefined),
  });

/**
 * The settings of one http provider (issue 3 point 3), validated as a whole: every
 * placeholder must be known, the URL must be http(s) once filled, and the body must suit its
 * encoding. A bad document is refused naming each field, before anything is sent. App
 * settings hold it as `{"type": "http", …}`; the provider registry adds and strips `type`.
 */
export const httpProviderConfigSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, ".", "_" and "-", at most 63')
      .describe('Names this gateway in the message log and in receipts'),
    request: z
      .object({
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH']).default('POST'),
        url: z.string().min(1).describe('http(s) URL; placeholders in it are URL-encoded'),
        headers: namedRecord(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a header name')
          .default({})
          .describe('Header values take placeholders'),
        body: json
          .optional()
          .describe(
            'JSON for "json"; a flat object of fields for "form" and "query". Strings take placeholders',
          ),
        encoding: z
          .enum(['json', 'form', 'query'])
          .default('json')
          .describe('"query" adds the body fields to the URL, for GET gateways'),
      })
      .strict(),
    success: z
      .object({
        status: z
          .array(z.number().int().min(100).max(599))
          .min(1)
          .default([200, 201, 202])
          .describe('Statuses that may mean success'),
        jsonPointer: pointer
          .nullable()
          .default(null)
          .describe('With equals: the answer must be JSON whose value here equals equals'),
        equals: json.optional().describe('The value jsonPointer must find'),
        bodyContains: z.string().min(1).nullable().default(null),
        bodyNotContains: z.string().min(1).nullable().default(null),
      })
      .strict()
      .prefault({}),
    messageIdPointer: pointer
      .nullable()
      .default(null)
      .describe("Where the gateway's answer keeps its id for the message (JSON pointer)"),
    receipt: httpReceiptConfigSchema
      .optional()
      .describe('Delivery receipts from this gateway; without it its receipts are refused'),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(5_000)
      .describe('Time limit of one attempt: resolving, connecting and the whole answer'),
    vars: namedRecord(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a name of letters, digits and "_"')
      .default({})
      .describe('Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written'),
  })
  .strict()
  .superRefine((config, ctx) => {
    const known = new Set<string>([...HTTP_PLACEHOLDERS, ...Object.keys(config.vars)]);
    const check = (text: string, path: (string | number)[]) => {
      for (const [, name] of text.matchAll(PLACEHOLDER)) {
        if (!known.has(name as string)) {
          // zod extends an issue's path in place: each issue gets its own copy.
          ctx.addIssue({
            code: 'custom',
            path: [...path],
            message: `unknown placeholder {{${name}}}`,
          });
        }
      }
    };
    const { request, success } = config;
    check(request.url, ['request', 'url']);
    const sample = request.url.replace(PLACEHOLDER, 'x');
    if (!/^https?:\/\//i.test(sample) || !URL.canParse(sample)) {
      ctx.addIssue({ code: 'custom', path: ['request', 'url'], message: 'must be an http(s) URL' });
    }
    for (const [name, value] of Object.entries(request.headers)) {
      check(value, ['request', 'headers', name]);
    }
    walkStrings(request.body, ['request', 'body'], check);
    for (const name of Object.keys(config.vars)) {
      if ((HTTP_PLACEHOLDERS as readonly string[]).includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['vars', name],
          message: 'is a built-in placeholder',
        });
      }
    }
    if (request.encoding !== 'json' && request.body !== undefined && !isFlatFields(request.body)) {
      ctx.addIssue({
        code: 'custom',
        path: ['request', 'body'],
        message: `with encoding "${request.encoding}" must be an object of strings, numbers and booleans`,
      });
    }
    if (request.method === 'GET' && request.encoding !== 'query' && request.body !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['request', 'encoding'],
        message: 'a GET request has no body: use "query" to send the fields in the URL',
      });
    }
    if ((success.jsonPointer === null) !== (success.equals === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['success', success.jsonPointer === null ? 'jsonPointer' : 'equals'],
        message: 'jsonPointer and equals go together',
      });
    }
  });

export type HttpProviderConfig = z.infer<typeof httpProviderConfigSchema>;

/** Visits every string in a JSON value, with its path. */
export function walkStrings(
  value: Json | undefined,
  path: (string | number)[],
  visit: (text: string, path: (string | number)[]) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walkStrings(item, [...path, i], visit);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit);
  }
}

function isFlatFields(body: Json): body is Record<string, string | number | boolean> {
  return (
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    Object.values(body).every((v) => ['string', 'number', 'boolean'].includes(typeof v))
  );
}
