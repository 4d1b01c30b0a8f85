import { SECRET_KEY } from '../settings/domain/settings-secrets.ts';
import { challengesAuthorization } from './auth-challenge.ts';

/**
 * The last pass over the generated OpenAPI document: what the per-route schemas cannot say
 * (top-level tags and servers, problem documents' media type, descriptions of error answers)
 * and what the zod conversion leaves behind (`$id`s that are fragments, components no
 * operation uses). Pure: takes the document @fastify/swagger built and returns the one served.
 */

/** Every tag an operation may carry, in the order the docs page lists them. */
export const TAGS = [
  { name: 'verifications', description: 'The native API: start, read, check, resend, cancel' },
  { name: 'messages', description: 'The message log: every delivery attempt, searched, exported' },
  {
    name: 'analytics',
    description:
      'Verifications, conversion and delivery over time, per app, channel, provider or country',
  },
  { name: 'sandbox', description: 'Messages the sandbox provider captured instead of sending' },
  { name: 'settings', description: "The app's settings document and test sends" },
  { name: 'fraud', description: "The SMS-pumping guard's decisions" },
  { name: 'webhooks', description: 'The webhook delivery log' },
  {
    name: 'receipts',
    description: 'Delivery receipts from providers, each authenticated by its own means',
  },
  {
    name: 'twilio',
    description:
      "Twilio Verify v2, compatible: Basic auth with the app's account SID and an API key; errors in Twilio's shape",
  },
  {
    name: 'beem',
    description:
      "Beem OTP, compatible: Basic auth with the app id and an API key; outcomes as Beem's codes",
  },
  { name: 'convertalk', description: "Convertalk's chatbot endpoints, with the app's API key" },
  { name: 'diyalog', description: "Diyalog's bot endpoints; the bot access token is in the path" },
  {
    name: 'messenger',
    description:
      "The web messenger's public API, called by its page: the phone gate, the visitor's session and chat (session cookie)",
  },
  {
    name: 'conversations',
    description: 'Web messenger conversations, for the bot and live agents, with an API key',
  },
  {
    name: 'audit',
    description: "The app's audit log: settings changes, keys, unblocks, exports; hash-chained",
  },
  {
    name: 'console',
    description:
      "The admin console's API, called by its page: sign-in, the session (cookie, with an X-CSRF-Token on changes), TOTP, the audit log, analytics",
  },
  { name: 'operations', description: 'Liveness, readiness and metrics, for the infrastructure' },
] as const;

export type Tag = (typeof TAGS)[number]['name'];

/** What a problem document with each status means; the codes are the stable `code`s. */
const PROBLEM_DESCRIPTIONS: Record<string, string> = {
  '400':
    'The request is not valid (`validation_failed`, `invalid_json`, `invalid_recipient`, …); `errors` names each bad field',
  '401':
    "No API key, or one that is unknown or revoked (`missing_api_key`, `invalid_api_key`); on the messenger's API, no live session cookie (`messenger_session_required`); on the console's, no live session (`console_session_required`) or a failed sign-in (`console_login_failed`, `console_totp_required`, `console_totp_invalid`)",
  '403':
    'The API key lacks the scope the operation needs (`insufficient_scope`, with `scope` naming it), refused by a rule of the app or a receipt check (`country_not_allowed`, `number_type_not_allowed`, `blocked_by_fraud_guard`, `invalid_receipt_signature`, `invalid_receipt_token`), a console change without the CSRF token of its session (`csrf_token_invalid`), or a console page the role of the admin does not open (`console_role_forbidden`)',
  '404':
    'No such resource of this app (`verification_not_found`, `conversation_not_found`, `messenger_not_found`, `console_app_not_found`, `console_api_key_not_found`, …)',
  '409':
    'The resource cannot do this now (`verification_not_pending`, `dialect_not_configured`, `idempotency_key_in_progress`, `conversation_closed`, `messenger_gate_mismatch`, `console_totp_not_pending`)',
  '413': 'The body is larger than 64 KiB (`payload_too_large`)',
  '415': 'The body is not of a media type this operation reads (`unsupported_media_type`)',
  '422': 'The Idempotency-Key was used for another request (`idempotency_key_reused`)',
  '429':
    'A limit was reached (`rate_limited`, `resend_cooldown`, `max_sends_reached`); `limit` names it and `Retry-After` says when to try again',
  '500': 'A fault on our side, logged (`internal_error`)',
  '503':
    'Temporarily unavailable (`service_unavailable`, `validator_unavailable`); retry after `Retry-After`',
};

const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
};

const DEFAULT_DESCRIPTION = 'Default Response';
const PROBLEM_REF = '#/components/schemas/Problem';
const RETRY_AFTER = {
  description: 'Seconds until the same request may succeed',
  schema: { type: 'integer', minimum: 1 },
};

const WWW_AUTHENTICATE = {
  description: 'The scheme to authenticate with: `Bearer`, or `Basic` on the compatible APIs',
  schema: { type: 'string' },
};

type Json = Record<string, unknown>;
interface Response {
  description?: string;
  content?: Record<string, { schema?: Json }>;
  headers?: Record<string, unknown>;
}
interface Operation {
  security?: Record<string, string[]>[];
  responses?: Record<string, Response>;
}
export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json>; [key: string]: unknown };
  [key: string]: unknown;
}

/** Problem answers are `application/problem+json` and say what their status means. */
function finishResponse(status: string, response: Response, challenges: boolean): void {
  const json = response.content?.['application/json'];
  if (response.content && json?.schema?.$ref === PROBLEM_REF) {
    const { 'application/json': _moved, ...others } = response.content;
    response.content = { 'application/problem+json': json, ...others };
    if (response.description === DEFAULT_DESCRIPTION) {
      response.description = PROBLEM_DESCRIPTIONS[status] ?? 'A problem document (RFC 9457)';
    }
  }
  if (status === '429' || status === '503') {
    response.headers = { 'Retry-After': RETRY_AFTER, ...response.headers };
  }
  if (status === '401' && challenges) {
    response.headers = { 'WWW-Authenticate': WWW_AUTHENTICATE, ...response.headers };
  }
  if (response.description !== DEFAULT_DESCRIPTION) return;
  if (SUCCESS_DESCRIPTIONS[status]) response.description = SUCCESS_DESCRIPTIONS[status];
  else if (PROBLEM_DESCRIPTIONS[status]) {
    // A compatible API's own error shape, translated from the native problem.
    response.description = `In the compatible API's error shape. ${PROBLEM_DESCRIPTIONS[status]}`;
  }
}

/** Every `$ref` target under `value`. */
function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') into.add(inner);
      else collectRefs(inner, into);
    }
  }
}

/**
 * Keeps the schema components reachable from the operations. The zod conversion emits an
 * input and an output form of every named schema; most are used in one direction only.
 */
function pruneSchemas(doc: OpenApiDocument): void {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  const prefix = '#/components/schemas/';
  const reachable = new Set<string>();
  const pending = new Set<string>();
  collectRefs(doc.paths, pending);
  while (pending.size > 0) {
    const [ref] = pending;
    pending.delete(ref as string);
    const name = (ref as string).slice(prefix.length);
    if (!(ref as string).startsWith(prefix) || reachable.has(name)) continue;
    reachable.add(name);
    const found = new Set<string>();
    collectRefs(schemas[name], found);
    for (const next of found) pending.add(next);
  }
  for (const name of Object.keys(schemas)) {
    if (!reachable.has(name)) delete schemas[name];
  }
}

const MASKED_NOTE = 'Read back masked: `••••` and, for a long one, its last 4 characters';

/** A secret string as it is read back: masked, so none of its input rules hold. */
function relaxSecret(schema: Json): void {
  if (schema.type !== 'string') return;
  for (const rule of ['pattern', 'minLength', 'maxLength', 'format']) delete schema[rule];
  schema.description = schema.description ? `${schema.description}. ${MASKED_NOTE}` : MASKED_NOTE;
}

/** Relaxes every property named like a secret (settings-secrets.ts) under `schema`. */
function relaxSecretsIn(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) relaxSecretsIn(item);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const schema = value as Json;
  const properties = schema.properties as Record<string, Json> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    if (SECRET_KEY.test(name)) relaxSecret(property);
  }
  for (const inner of Object.values(schema)) relaxSecretsIn(inner);
}

/**
 * Secrets in answers (a settings document read back) are masked: the schemas of responses
 * say so. Requests keep their rules; the zod conversion gives responses their own
 * components (`Webhook` beside `WebhookInput`), so relaxing those leaves requests alone.
 */
function relaxResponseSecrets(doc: OpenApiDocument): void {
  const prefix = '#/components/schemas/';
  const refs = new Set<string>();
  const requestRefs = new Set<string>();
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item)) {
      relaxSecretsIn(operation.responses);
      collectRefs(operation.responses, refs);
      const { responses: _answers, ...request } = operation as Json;
      collectRefs(request, requestRefs);
    }
  }
  const schemas = doc.components?.schemas ?? {};
  const seen = new Set<string>();
  const pending = [...refs];
  while (pending.length > 0) {
    const name = (pending.pop() as string).slice(prefix.length);
    if (seen.has(name) || !schemas[name]) continue;
    seen.add(name);
    const inner = new Set<string>();
    collectRefs(schemas[name], inner);
    pending.push(...inner);
  }
  for (const name of seen) {
    if (!requestRefs.has(`${prefix}${name}`)) relaxSecretsIn(schemas[name]);
  }
}

export function finishDocument(
  doc: OpenApiDocument,
  options: { servers: { url: string; description: string }[] },
): OpenApiDocument {
  for (const schema of Object.values(doc.components?.schemas ?? {})) {
    // A component's `$id` is a fragment (`#/components/schemas/…`), which JSON Schema
    // 2020-12 forbids; the component's place in the document already names it.
    delete schema.$id;
  }
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item)) {
      // Only a scheme of HTTP authentication has a challenge; the messenger's cookie has none.
      const challenges = challengesAuthorization(operation.security);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        finishResponse(status, response, challenges);
      }
    }
  }
  pruneSchemas(doc);
  relaxResponseSecrets(doc);
  const { openapi, info, ...rest } = doc;
  return {
    openapi,
    info,
    servers: options.servers,
    tags: TAGS.map((tag) => ({ ...tag })),
    ...rest,
  };
}
