import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toOtpdError } from '../../http/errors.ts';
import type { ErrorCode } from '../../kernel/errors.ts';
import type { Logger } from '../../observability/logger.ts';

/** Twilio's numbered errors that the Verify dialect answers with (twilio.com/docs/errors). */
type TwilioCode =
  | 20003
  | 20004
  | 20403
  | 20404
  | 20500
  | 20503
  | 60200
  | 60202
  | 60203
  | 60204
  | 60205
  | 60212
  | 60223
  | 60410
  | 60605;

/** Where a native error happened: a limit means something else on a send than on a check. */
export type TwilioContext = 'send' | 'check' | 'other';

/**
 * The one table from native error codes to Twilio's: [Twilio code, HTTP status]. A limit
 * refusing a send is 60203 (max send attempts), refusing a check 60202 (max check attempts).
 */
const TABLE: Record<ErrorCode, [TwilioCode | Record<TwilioContext, TwilioCode>, number]> = {
  validation_failed: [60200, 400],
  invalid_json: [60200, 400],
  malformed_request: [60200, 400],
  invalid_recipient: [60200, 400],
  missing_api_key: [20003, 401],
  invalid_api_key: [20003, 401],
  invalid_metrics_token: [20003, 401],
  insufficient_scope: [20403, 403],
  country_not_allowed: [60605, 403],
  number_type_not_allowed: [60205, 400],
  blocked_by_fraud_guard: [60410, 403],
  verification_not_found: [20404, 404],
  fraud_block_not_found: [20404, 404],
  route_not_found: [20404, 404],
  method_not_allowed: [20004, 405],
  request_timeout: [60200, 408],
  webhook_delivery_not_found: [20404, 404],
  message_not_found: [20404, 404],
  // The messenger's errors never reach the dialect; listed so the table stays total.
  messenger_not_found: [20404, 404],
  conversation_not_found: [20404, 404],
  conversation_message_not_found: [20404, 404],
  messenger_session_required: [20003, 401],
  messenger_gate_mismatch: [60200, 409],
  conversation_closed: [60200, 409],
  conversation_taken: [60200, 409],
  conversation_not_taken: [60200, 409],
  // The console's errors never reach the dialect; listed so the table stays total.
  console_login_failed: [20003, 401],
  console_totp_required: [20003, 401],
  console_totp_invalid: [20003, 401],
  console_session_required: [20003, 401],
  csrf_token_invalid: [20003, 403],
  console_role_forbidden: [20003, 403],
  console_totp_not_pending: [60200, 409],
  console_app_not_found: [20404, 404],
  console_api_key_not_found: [20404, 404],
  // Receipt routes are not under the dialect; listed so the table stays total.
  invalid_receipt_signature: [20003, 403],
  invalid_receipt_token: [20003, 403],
  dialect_not_configured: [60200, 409],
  // Twilio forgets a verification once it is finished; clients expect 404 then.
  verification_not_pending: [20404, 404],
  idempotency_key_in_progress: [60212, 429],
  payload_too_large: [60200, 413],
  uri_too_long: [60200, 414],
  unsupported_media_type: [60200, 415],
  expectation_failed: [60200, 417],
  header_fields_too_large: [60200, 431],
  idempotency_key_reused: [60200, 422],
  resend_cooldown: [60212, 429],
  max_sends_reached: [60203, 429],
  rate_limited: [{ send: 60203, check: 60202, other: 60212 }, 429],
  internal_error: [20500, 500],
  service_unavailable: [20503, 503],
  validator_unavailable: [20503, 503],
};

const MESSAGES: Record<TwilioCode, string> = {
  20003: 'Authenticate',
  20004: 'Method not allowed',
  20403: 'Forbidden',
  20404: 'The requested resource was not found',
  20500: 'An internal server error has occurred',
  20503: 'Service unavailable',
  60200: 'Invalid parameter',
  60202: 'Max check attempts reached',
  60203: 'Max send attempts reached',
  60204: 'Service does not support this feature',
  60205: 'SMS is not supported by this phone number',
  60212: 'Too many concurrent requests for phone number',
  60223: 'Delivery channel disabled',
  60410: 'Verification delivery attempt blocked',
  60605: 'Verification delivery attempt blocked: geo permissions',
};

/** An error as Twilio renders it. */
export class TwilioError extends Error {
  constructor(
    readonly twilioCode: TwilioCode,
    readonly status: number,
    detail?: string,
    readonly retryAfterMs?: number,
    /** The methods the path serves, answered as `Allow` on a 405. */
    readonly allow?: readonly string[],
  ) {
    super(detail ? `${MESSAGES[twilioCode]}: ${detail}` : MESSAGES[twilioCode]);
    this.name = 'TwilioError';
  }
}

export const twilioNotFound = (what: string) => new TwilioError(20404, 404, what);
export const twilioInvalid = (detail: string) => new TwilioError(60200, 400, detail);

/** Whatever was thrown, as the Twilio error a client written for Twilio expects. */
export function toTwilioError(
  error: unknown,
  context: TwilioContext,
  logger: Logger,
  request: FastifyRequest,
): TwilioError {
  if (error instanceof TwilioError) return error;
  const native = toOtpdError(error as FastifyError, logger, request);
  const [mapped, status] = TABLE[native.code];
  const code = typeof mapped === 'number' ? mapped : mapped[context];
  return new TwilioError(
    code,
    status,
    native.detail,
    native.extra.retryAfterMs,
    native.extra.allow,
  );
}

/** `{code, message, more_info, status}`, as Twilio answers every error. */
export function sendTwilioError(reply: FastifyReply, error: TwilioError): FastifyReply {
  if (error.retryAfterMs !== undefined) {
    reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  }
  if (error.status === 401) reply.header('www-authenticate', 'Basic realm="otpd"');
  if (error.allow) reply.header('allow', error.allow.join(', '));
  return reply
    .status(error.status)
    .type('application/json')
    .send({
      code: error.twilioCode,
      message: error.message,
      more_info: `https://www.twilio.com/docs/errors/${error.twilioCode}`,
      status: error.status,
    });
}
