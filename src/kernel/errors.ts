/**
 * The closed set of machine-readable error codes. Each maps to one HTTP status in
 * `http/errors.ts`; clients may rely on a code's meaning never changing.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'malformed_request'
  | 'invalid_recipient'
  | 'missing_api_key'
  | 'invalid_api_key'
  | 'invalid_metrics_token'
  | 'insufficient_scope'
  | 'country_not_allowed'
  | 'number_type_not_allowed'
  | 'blocked_by_fraud_guard'
  | 'invalid_receipt_signature'
  | 'invalid_receipt_token'
  | 'verification_not_found'
  | 'fraud_block_not_found'
  | 'webhook_delivery_not_found'
  | 'message_not_found'
  | 'messenger_not_found'
  | 'conversation_not_found'
  | 'conversation_message_not_found'
  | 'messenger_session_required'
  | 'messenger_gate_mismatch'
  | 'conversation_closed'
  | 'conversation_taken'
  | 'conversation_not_taken'
  | 'console_login_failed'
  | 'console_totp_required'
  | 'console_totp_invalid'
  | 'console_session_required'
  | 'csrf_token_invalid'
  | 'console_role_forbidden'
  | 'console_totp_not_pending'
  | 'console_app_not_found'
  | 'console_api_key_not_found'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'request_timeout'
  | 'verification_not_pending'
  | 'dialect_not_configured'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_progress'
  | 'resend_cooldown'
  | 'max_sends_reached'
  | 'rate_limited'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'expectation_failed'
  | 'header_fields_too_large'
  | 'service_unavailable'
  | 'validator_unavailable'
  | 'internal_error';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A failure the caller can act on. Expected business outcomes (a wrong code, an expired
 * verification) are values, not errors; this is for requests that cannot be carried out.
 */
export class OtpdError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: {
      errors?: FieldError[];
      /** Milliseconds until the same request may succeed (answered as `Retry-After`). */
      retryAfterMs?: number;
      /** Name of the limit that refused the request. */
      limit?: string;
      /** The methods the path serves (answered as `Allow`). */
      allow?: readonly string[];
      [key: string]: unknown;
    } = {},
  ) {
    super(detail);
    this.name = 'OtpdError';
  }
}
