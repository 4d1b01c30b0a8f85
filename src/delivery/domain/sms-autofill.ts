import type { Channel } from '../../kernel/recipients.ts';

/**
 * The lines that let a phone fill in the code by itself, appended to a rendered SMS.
 *
 * - Android SMS Retriever: the app's 11-character hash on a line of its own. Google asks
 *   that the message include the hash (early versions wanted it last and a `<#>` prefix;
 *   neither is required now, so otpd writes no `<#>`). Keep the whole message within
 *   140 bytes for the Retriever: one segment.
 * - WebOTP / origin-bound one-time codes (WICG): `@host #code` as the last line; nothing may
 *   follow it, so it comes after the hash line when both are set.
 *
 * Only SMS: both are read from SMS by the phone; WhatsApp autofill works through its own
 * template buttons, not message text.
 */
export interface AutofillOptions {
  /** The Android app's SMS Retriever hash, e.g. `FA+9qCX9VSu`; `null` for none. */
  androidAppHash: string | null;
  /** The host the code is bound to, e.g. `shop.example`; `null` for none. */
  webOtpHost: string | null;
}

/** The channels the autofill lines are added on. */
export const AUTOFILL_CHANNELS: readonly Channel[] = ['sms'];

/** `body` (trailing whitespace dropped) with the lines the options ask for on `channel`. */
export function withAutofillLines(
  body: string,
  channel: Channel,
  code: string,
  options: AutofillOptions,
): string {
  if (!AUTOFILL_CHANNELS.includes(channel)) return body;
  const lines = [body.trimEnd()];
  if (options.androidAppHash) lines.push(options.androidAppHash);
  if (options.webOtpHost) lines.push(`@${options.webOtpHost} #${code}`);
  return lines.join('\n');
}
