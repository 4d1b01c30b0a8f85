import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Convertalk flows store the person's phone as they typed it, often in international form
 * without `+` (`905551234567`). Digits alone are read first as a national number of the
 * app's preferredCountry, when that is a valid number there, else as international digits
 * when those are a valid number; anything else goes on as given, for the engine to judge.
 */
export function convertalkRecipient(toNumber: string, preferredCountry: string | null): string {
  const raw = toNumber.trim();
  if (!/^[1-9][0-9]{5,14}$/.test(raw)) return raw;
  if (preferredCountry) {
    const national = parsePhoneNumberFromString(raw, preferredCountry as CountryCode);
    if (national?.isValid()) return raw;
  }
  const international = parsePhoneNumberFromString(`+${raw}`);
  return international?.isValid() ? `+${raw}` : raw;
}
