import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, type FieldError, OtpdError } from '../kernel/errors.ts';
import type { Logger } from '../observability/logger.ts';
import { challengesAuthorization } from './auth-challenge.ts';

/** The one place error codes meet HTTP: each code's status and title. */
const STATUS: Record<ErrorCode, [number, string]> = {
  validation_failed: [400, 'The request is not valid'],
  invalid_json: [400, 'The body is not valid JSON'],
  malformed_request: [400, 'The request is not well-formed HTTP'],
  invalid_recipient: [400, 'The destination cannot receive codes'],
  missing_api_key: [401, 'An API key is required'],
  invalid_api_key: [401, 'The API key is not valid'],
  invalid_metrics_token: [401, 'The metrics token is missing or wrong'],
  insufficient_scope: [403, 'The API key does not have the scope this request needs'],
  country_not_allowed: [403, "The app's geo permissions refuse this country"],
  number_type_not_allowed: [403, "The app's settings refuse this kind of number"],
  blocked_by_fraud_guard: [403, 'The SMS-pumping guard blocks this number range'],
  invalid_receipt_signature: [403, 'The receipt is not signed by the configured account'],
  invalid_receipt_token: [403, 'The receipt does not carry the configured token'],
  verification_not_found: [404, 'No such verification'],
  fraud_block_not_found: [404, 'No such fraud guard decision'],
  webhook_delivery_not_found: [404, 'No such webhook delivery'],
  message_not_found: [404, 'No such message in the log'],
  route_not_found: [404, 'No such route'],
  messenger_not_found: [404, 'No messenger is enabled for this app'],
  conversation_not_found: [404, 'No such conversation'],
  conversation_message_not_found: [404, 'No such message in this conversation'],
  messenger_session_required: [401, 'Verify your phone number to open the chat'],
  messenger_gate_mismatch: [409, "The messenger's authentication does not take this request"],
  conversation_closed: [409, 'The conversation is closed'],
  conversation_taken: [409, 'Another agent has the conversation'],
  conversation_not_taken: [409, 'Take the conversation first'],
  console_login_failed: [401, 'The email or the password is wrong'],
  console_totp_required: [401, 'Enter the code of your authenticator app'],
  console_totp_invalid: [401, 'The authenticator or recovery code is wrong'],
  console_session_required: [401, 'Sign in to the console'],
  csrf_token_invalid: [403, 'The request does not carry the CSRF token of its session'],
  console_role_forbidden: [403, "The admin's role does not allow this"],
  console_totp_not_pending: [409, 'No authenticator enrolment is waiting to be confirmed'],
  console_app_not_found: [404, 'No such app among the apps you manage'],
  console_api_key_not_found: [404, 'No such API key in this app'],
  method_not_allowed: [405, 'The path does not serve this method'],
  request_timeout: [408, 'The request did not arrive in time'],
  verification_not_pending: [409, 'The verification is finished'],
  dialect_not_configured: [409, "The app's dialect settings do not allow this request"],
  idempotency_key_in_progress: [409, 'A request with this Idempotency-Key is still running'],
  payload_too_large: [413, 'The body is too large'],
  uri_too_long: [414, 'The URL is too long'],
  unsupported_media_type: [415, "The body's media type is not accepted here"],
  expectation_failed: [417, 'The Expect header asks for something otpd does not do'],
  idempotency_key_reused: [422, 'The Idempotency-Key was used for another request'],
  resend_cooldown: [429, 'Too soon to send another code'],
  max_sends_reached: [429, 'No more codes for this verification'],
  rate_limited: [429, 'A limit was reached'],
  header_fields_too_large: [431, 'The request headers are too large'],
  internal_error: [500, 'Something went wrong on our side'],
  service_unavailable: [503, 'Temporarily unavailable'],
  validator_unavailable: [503, "The app's validator gave no verdict; no attempt was spent"],
};

/**
 * Whether a 401 of this route asks for `Authorization: Bearer` (RFC 6750): only where the
 * route declares an HTTP authentication scheme (an API key, the metrics token). The
 * messenger's session cookie and Diyalog's token in the path are no such scheme, so their
 * 401s challenge nothing — the OpenAPI document declares the header by the same rule.
 */
function challengesBearer(reply: FastifyReply): boolean {
  const schema = reply.request.routeOptions.schema as { security?: object[] } | undefined;
  return challengesAuthorization(schema?.security);
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code][0];
}

/** An RFC 9457 problem document for an error. */
export function problemBody(error: OtpdError) {
  const [status, title] = STATUS[error.code];
  const { retryAfterMs: _omit, allow: _header, ...extra } = error.extra;
  return {
    ...extra,
    type: `urn:otpd:problem:${error.code}`,
    title,
    status,
    code: error.code,
    detail: error.detail,
  };
}

export function sendProblem(reply: FastifyReply, error: OtpdError): FastifyReply {
  const body = problemBody(error);
  if (error.extra.retryAfterMs !== undefined) {
    reply.header('retry-after', String(Math.max(1, Math.ceil(error.extra.retryAfterMs / 1000))));
  }
  if (body.status === 401 && challengesBearer(reply)) reply.header('www-authenticate', 'Bearer');
  if (error.extra.allow) reply.header('allow', error.extra.allow.join(', '));
  return reply.status(body.status).type('application/problem+json').send(body);
}

/** Turns whatever was thrown into a problem the client can act on; only bugs become 500s. */
export function toOtpdError(
  error: FastifyError | Error,
  logger: Logger,
  request: FastifyRequest,
): OtpdError {
  if (error instanceof OtpdError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const errors: FieldError[] = error.validation.flatMap((issue) => {
      const path = [where, ...issue.instancePath.split('/').filter(Boolean)];
      // An unknown key is reported on its parent object; name the key itself.
      const unknown = issue.keyword === 'unrecognized_keys' ? (issue.params.keys as string[]) : [];
      if (unknown.length === 0) return [{ field: path.join('.'), message: issue.message }];
      return unknown.map((key) => ({ field: [...path, key].join('.'), message: 'unknown field' }));
    });
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new OtpdError('validation_failed', detail, { errors });
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new OtpdError('payload_too_large', 'the body must be at most 64 KiB');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new OtpdError('unsupported_media_type', 'send the body as application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new OtpdError('invalid_json', 'the body is not valid JSON');
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new OtpdError('invalid_json', 'the body is not valid JSON');
  }
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode < 500) {
    return new OtpdError('validation_failed', fastifyError.message);
  }
  if (isDatabaseUnavailable(error)) {
    logger.error({ err: error, reqId: request.id }, 'database unavailable');
    return new OtpdError(
      'service_unavailable',
      'the database is not answering right now; retry shortly',
      { retryAfterMs: DATABASE_RETRY_MS },
    );
  }
  logger.error({ err: error, reqId: request.id }, 'unhandled error');
  return new OtpdError('internal_error', 'the error was logged; try again later');
}

/** What a client is told to wait when the database gave no connection. */
const DATABASE_RETRY_MS = 1_000;

/**
 * The database was out of reach, or every pooled connection stayed busy past the pool's
 * wait (pg-pool says so only in its message): a moment of overload or an outage, not a bug,
 * so the client may retry.
 */
function isDatabaseUnavailable(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (
    error.message === 'timeout exceeded when trying to connect' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET'
  );
}
