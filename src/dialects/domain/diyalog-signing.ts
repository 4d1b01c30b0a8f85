import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The two signatures of the Diyalog dialect, both under the app's `dialects.diyalog.secret`:
 *
 * - a hidden button payload leaves otpd as `<payload>.<hex HMAC-SHA256 of
 *   "<messageId>.<payload>">`, so a press coming back proves the payload is the app's own and
 *   belongs to that message;
 * - a button press forwarded to the app's webhook carries `X-Signature`: the hex HMAC-SHA1 of
 *   the raw body, as Diyalog signs its webhooks.
 */

function payloadSignature(secret: string, messageId: string, payload: string): string {
  return createHmac('sha256', secret).update(`${messageId}.${payload}`).digest('hex');
}

export function signPayload(secret: string, messageId: string, payload: string): string {
  return `${payload}.${payloadSignature(secret, messageId, payload)}`;
}

/** The payload a signed one carries, when its signature is right for `messageId`. */
export function openSignedPayload(
  secret: string,
  messageId: string,
  signed: string,
): string | undefined {
  const dot = signed.lastIndexOf('.');
  if (dot < 0) return undefined;
  const payload = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(payloadSignature(secret, messageId, payload));
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : undefined;
}

/** `X-Signature` of a forwarded press: hex HMAC-SHA1 of the exact bytes sent. */
export function webhookSignature(secret: string, body: string): string {
  return createHmac('sha1', secret).update(body).digest('hex');
}
