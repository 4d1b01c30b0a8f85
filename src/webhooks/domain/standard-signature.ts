import { createHmac } from 'node:crypto';

const PREFIX = 'whsec_';

/**
 * Decoded keys of the secrets in use. A server holds a handful (one per webhook and bot), and
 * decoding one per request cost more than the HMAC itself.
 */
const keys = new Map<string, Buffer>();
const MAX_KEYS = 1_000;

function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (key === undefined) {
    key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
    if (key.length === 0) throw new Error("a webhook secret can't be empty");
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/**
 * The `webhook-signature` header of Standard Webhooks: `v1,` and the base64 HMAC-SHA256, under
 * the secret's decoded bytes, of `<id>.<unix seconds>.<body>`. Node's HMAC, not the reference
 * library's JavaScript SHA-256: every webhook delivery and bot message is signed.
 */
export function signStandardWebhook(secret: string, id: string, sentAt: Date, body: string) {
  const seconds = Math.floor(sentAt.getTime() / 1000);
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${seconds}.${body}`);
  return `v1,${mac.digest('base64')}`;
}
