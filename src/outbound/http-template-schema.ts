import { z } from 'zod';
import { isJsonPointer } from '../kernel/json-pointer.ts';

/**
 * The settings shape of an HTTP request built from a template — URL, method, headers, body —
 * and of the rule that reads its answer. Shared by every part of otpd that calls a service an
 * app describes this way: the http provider (a sender) and the http validator.
 */

/** `{{name}}`, spaces inside the braces allowed. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
// Named: OpenAPI can only refer to a recursive schema through a component of its own.
export const json: z.ZodType<Json> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(json),
      z.record(z.string(), json),
    ]),
  )
  .meta({ id: 'JsonValue', description: 'Any JSON value' });
export const jsonPointer = z
  .string()
  .refine(isJsonPointer, 'must be a JSON pointer such as /ok or /data/id');

/** A record whose keys must match `pattern`; a bad key is named with `message`. */
export const namedRecord = (pattern: RegExp, message: string) =>
  z.record(z.string().regex(pattern), z.string(), {
    error: (issue) => (issue.code === 'invalid_key' ? message : undefined),
  });

export const requestTemplateSchema = z
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
      .describe('"query" adds the body fields to the URL, for GET services'),
  })
  .strict();
export type RequestTemplate = z.infer<typeof requestTemplateSchema>;

export const successRuleSchema = z
  .object({
    status: z
      .array(z.number().int().min(100).max(599))
      .min(1)
      .default([200, 201, 202])
      .describe('Statuses that may mean success'),
    jsonPointer: jsonPointer
      .nullable()
      .default(null)
      .describe('With equals: the answer must be JSON whose value here equals equals'),
    equals: json.optional().describe('The value jsonPointer must find'),
    bodyContains: z.string().min(1).nullable().default(null),
    bodyNotContains: z.string().min(1).nullable().default(null),
  })
  .strict()
  .prefault({});
export type SuccessRule = z.infer<typeof successRuleSchema>;

export const timeoutMsSchema = z
  .number()
  .int()
  .min(100)
  .max(60_000)
  .default(5_000)
  .describe('Time limit of one attempt: resolving, connecting and the whole answer');

export const varsSchema = namedRecord(
  /^[A-Za-z_][A-Za-z0-9_]*$/,
  'a name of letters, digits and "_"',
)
  .default({})
  .describe('Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written');

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

/** Visits every string of a request template that takes placeholders, with its path. */
export function walkTemplate(
  request: RequestTemplate,
  visit: (text: string, path: (string | number)[]) => void,
): void {
  visit(request.url, ['request', 'url']);
  for (const [name, value] of Object.entries(request.headers)) {
    visit(value, ['request', 'headers', name]);
  }
  walkStrings(request.body, ['request', 'body'], visit);
}

/** Whether a request template uses `{{name}}` anywhere. */
export function usesPlaceholder(request: RequestTemplate, name: string): boolean {
  let found = false;
  walkTemplate(request, (text) => {
    for (const [, used] of text.matchAll(PLACEHOLDER)) found ||= used === name;
  });
  return found;
}

interface TemplateParts {
  request: RequestTemplate;
  success: SuccessRule;
  vars: Record<string, string>;
}

/**
 * The cross-field rules of a template with its success rule and vars: every placeholder is
 * one of `builtIn` or a var, the URL is http(s) once filled, the body suits its encoding, and
 * jsonPointer goes with equals. Each problem is reported with its path, for a superRefine.
 */
export function checkTemplate(
  config: TemplateParts,
  builtIn: readonly string[],
  ctx: z.RefinementCtx,
): void {
  const { request, success } = config;
  const known = new Set<string>([...builtIn, ...Object.keys(config.vars)]);
  walkTemplate(request, (text, path) => {
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
  });
  const sample = request.url.replace(PLACEHOLDER, 'x');
  if (!/^https?:\/\//i.test(sample) || !URL.canParse(sample)) {
    ctx.addIssue({ code: 'custom', path: ['request', 'url'], message: 'must be an http(s) URL' });
  }
  for (const name of Object.keys(config.vars)) {
    if (builtIn.includes(name)) {
      ctx.addIssue({ code: 'custom', path: ['vars', name], message: 'is a built-in placeholder' });
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
}

function isFlatFields(body: Json): body is Record<string, string | number | boolean> {
  return (
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    Object.values(body).every((v) => ['string', 'number', 'boolean'].includes(typeof v))
  );
}
