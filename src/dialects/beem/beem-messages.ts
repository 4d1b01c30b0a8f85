import type { ErrorCode } from '../../kernel/errors.ts';
import type { CheckReason } from '../../verification/domain/verification.ts';

/**
 * Beem OTP's result codes. The texts follow Beem's, except that no failure says "valid"
 * (Beem's "Invalid phone number" becomes "Phone number not recognised"): chatbot flows
 * often test the text for that word to mean success.
 */
export const BEEM_MESSAGES = {
  100: 'SMS sent successfully',
  101: 'Failed to send SMS',
  102: 'Phone number not recognised',
  103: 'Phone number missing',
  104: 'Application Id missing',
  106: 'Application not found',
  111: 'Pin missing',
  112: 'Pin Id missing',
  113: 'Pin Id not found',
  114: 'Incorrect Pin',
  115: 'Pin Timeout',
  116: 'Attempts Exceeded',
  117: 'Valid Pin',
  118: 'Pin already used',
  // otpd's own, beyond Beem's list: Beem documents no answer for these.
  120: 'Authentication failed',
  121: 'Route not found',
  122: 'Method not allowed',
} as const;

export type BeemCode = keyof typeof BEEM_MESSAGES;

export const beemMessage = (code: BeemCode) => ({ code, message: BEEM_MESSAGES[code] });

/** A check's outcome as Beem's verify result. */
export const CHECK_CODES: Record<CheckReason | 'approved', BeemCode> = {
  approved: 117,
  incorrect_code: 114,
  expired: 115,
  // Superseded by a newer pin, canceled by the app, or never delivered: no longer usable.
  canceled: 115,
  failed: 115,
  max_attempts_reached: 116,
  already_approved: 118,
};

/**
 * The one table from native errors to Beem: [code on /request, code on /verify, HTTP status].
 * Business outcomes answer 200, as Beem does; a limit also sends `Retry-After`. A body
 * nothing can be read from is 400 with the code of the first field it lacks. Server
 * failures (500, 503) are not in the table: they stay problem+json, for the client to retry.
 */
export const ERROR_CODES: Partial<Record<ErrorCode, [BeemCode, BeemCode, number]>> = {
  validation_failed: [104, 112, 400],
  invalid_json: [104, 112, 400],
  unsupported_media_type: [104, 112, 415],
  payload_too_large: [104, 112, 413],
  invalid_recipient: [102, 113, 200],
  missing_api_key: [120, 120, 401],
  invalid_api_key: [120, 120, 401],
  // A key without the `verifications` scope: Beem knows only bad credentials.
  insufficient_scope: [120, 120, 403],
  // Refused for delivery reasons: the SMS is not sent, so "failed to send".
  country_not_allowed: [101, 101, 200],
  number_type_not_allowed: [101, 101, 200],
  blocked_by_fraud_guard: [101, 101, 200],
  rate_limited: [101, 116, 200],
  resend_cooldown: [101, 116, 200],
  max_sends_reached: [101, 116, 200],
  verification_not_found: [113, 113, 200],
  verification_not_pending: [113, 113, 200],
  route_not_found: [121, 121, 404],
  method_not_allowed: [122, 122, 405],
};
