import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type EmailRules, emailAddressProblem } from './email-address.ts';
import { OtpdError } from './errors.ts';

/** `voice` reads the code out in a phone call placed to the number. */
export const CHANNELS = ['sms', 'whatsapp', 'email', 'messenger', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels whose destinations are phone numbers (geo, number types, pumping, test numbers). */
export function isPhoneChannel(channel: Channel): channel is 'sms' | 'whatsapp' | 'voice' {
  return channel === 'sms' || channel === 'whatsapp' || channel === 'voice';
}

// A chat platform's own id for a person (a customer number, a user id): opaque to otpd, so
// only what could never be one is refused — blanks, whitespace inside, control characters.
const CHAT_ID = /^[^\s\p{Cc}]{1,128}$/u;

/**
 * The canonical form of a destination: E.164 for phone channels, lower-cased for email, the
 * chat platform's id as given for messenger. Throws `invalid_recipient` with the reason when
 * the input can never be delivered to. Email follows the grammar of email-address.ts;
 * deliverability is the provider's question.
 */
export function normalizeRecipient(
  to: string,
  channel: Channel,
  country?: string,
  emailRules: EmailRules = {},
): string {
  const raw = to.trim();
  if (channel === 'messenger') {
    if (!CHAT_ID.test(raw)) throw invalid('a messenger id is 1 to 128 characters without spaces');
    return raw;
  }
  if (channel === 'email') {
    const problem = emailAddressProblem(raw, emailRules);
    if (problem) throw invalid(`"${raw}" is not an email address: ${problem}`);
    return raw.toLowerCase();
  }
  const international = raw.startsWith('+') || raw.startsWith('00');
  if (!international && !country) {
    throw invalid('a national phone number needs "country" (ISO 3166 alpha-2), or use +E.164');
  }
  const phone = parsePhoneNumberFromString(raw.startsWith('00') ? `+${raw.slice(2)}` : raw, {
    defaultCountry: international ? undefined : (country?.toUpperCase() as CountryCode),
    // The whole input must be the number: no text around it to silently drop.
    extract: false,
  });
  if (!phone) throw invalid(`"${raw}" is not a phone number`);
  if (phone.ext) throw invalid(`"${raw}" has an extension; codes go to the number alone`);
  if (!phone.isValid()) {
    throw invalid(`"${raw}" is not a valid phone number for ${phone.country ?? 'any country'}`);
  }
  return phone.number;
}

function invalid(detail: string): OtpdError {
  return new OtpdError('invalid_recipient', detail, { errors: [{ field: 'to', message: detail }] });
}
