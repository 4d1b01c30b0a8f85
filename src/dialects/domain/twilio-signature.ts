import { createHmac, timingSafeEqual } from 'node:crypto';

export type FormParams = Record<string, string | string[]>;

/**
 * Twilio's request signature (X-Twilio-Signature): HMAC-SHA1 under the account's auth token
 * over the full URL Twilio called, followed by every form field's name and value, sorted by
 * name (a repeated field: each distinct value, sorted); base64.
 */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name] ?? '';
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) data += name + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The spellings of one URL Twilio may have signed: as given, and with the scheme's default
 * port left out or written out (Twilio signs the URL as configured, proxies may rewrite it).
 */
function spellings(url: string): string[] {
  if (!URL.canParse(url)) return [url];
  const parsed = new URL(url);
  const port = DEFAULT_PORT[parsed.protocol];
  if (port === undefined || (parsed.port !== '' && parsed.port !== port)) return [url];
  const withoutPort = url.replace(/^(https?:\/\/[^/:?#]+):\d+/i, '$1');
  const withPort = withoutPort.replace(/^(https?:\/\/[^/:?#]+)/i, `$1:${port}`);
  return [...new Set([url, withoutPort, withPort])];
}

/** Checks a signature in constant time; a missing or malformed one is simply not valid. */
export function isValidTwilioSignature(
  authToken: string,
  url: string,
  params: FormParams,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const given = Buffer.from(signature);
  let valid = false;
  for (const candidate of spellings(url)) {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    // Every spelling is compared, so the time taken does not tell which one matched.
    valid = (expected.length === given.length && timingSafeEqual(expected, given)) || valid;
  }
  return valid;
}
