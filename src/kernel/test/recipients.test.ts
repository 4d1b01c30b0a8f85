import { describe, expect, it } from 'vitest';
import { OtpdError } from '../errors.ts';
import { type Channel, isPhoneChannel, normalizeRecipient } from '../recipients.ts';

function refusal(to: string, channel: Channel, country?: string): OtpdError {
  try {
    normalizeRecipient(to, channel, country);
  } catch (error) {
    expect(error).toBeInstanceOf(OtpdError);
    return error as OtpdError;
  }
  throw new Error(`"${to}" was accepted`);
}

describe('normalizeRecipient: phone numbers', () => {
  it.each([
    ['+905551234567', '+905551234567'],
    ['+14155550100', '+14155550100'],
    ['+447911123456', '+447911123456'],
    ['+255712345678', '+255712345678'],
    ['+44 7911-123-456', '+447911123456'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['  +90 555 123 45 67  ', '+905551234567'],
  ])('keeps international %s as %s', (input, e164) => {
    expect(normalizeRecipient(input, 'sms')).toBe(e164);
  });

  it('reads a 00 prefix as +', () => {
    expect(normalizeRecipient('00447911123456', 'sms')).toBe('+447911123456');
    expect(normalizeRecipient('00 90 555 123 45 67', 'whatsapp')).toBe('+905551234567');
  });

  it.each([
    ['0555 123 45 67', 'TR', '+905551234567'],
    ['(415) 555-0100', 'US', '+14155550100'],
    ['07911 123456', 'GB', '+447911123456'],
    ['0712-345-678', 'TZ', '+255712345678'],
    ['0555 123 45 67', 'tr', '+905551234567'],
  ])('reads national %s in %s as %s', (input, country, e164) => {
    expect(normalizeRecipient(input, 'sms', country)).toBe(e164);
  });

  it('ignores country for a number that is already international', () => {
    expect(normalizeRecipient('+447911123456', 'sms', 'TR')).toBe('+447911123456');
  });

  it('refuses a national number without a country', () => {
    const error = refusal('0555 123 45 67', 'sms');
    expect(error.code).toBe('invalid_recipient');
    expect(error.detail).toMatch(/country/);
    expect(error.extra.errors).toEqual([{ field: 'to', message: error.detail }]);
  });

  it.each([
    ['+90 555 123'],
    ['+4479111234567'],
    ['+999123456'],
    ['+'],
    ['not a number'],
    ['+44 7700 900123'],
  ])('refuses %s', (input) => {
    expect(refusal(input, 'sms').code).toBe('invalid_recipient');
  });

  it('refuses a national number that is not valid in the given country', () => {
    expect(refusal('555', 'sms', 'TR').code).toBe('invalid_recipient');
    expect(refusal('hello', 'sms', 'US').code).toBe('invalid_recipient');
    // An unknown country is a bad request, not a crash.
    expect(refusal('0555 123 45 67', 'sms', 'XX').code).toBe('invalid_recipient');
    expect(refusal('0555 123 45 67', 'sms', 'Turkey').code).toBe('invalid_recipient');
  });
});

describe('normalizeRecipient: email', () => {
  it('lower-cases and trims an address', () => {
    expect(normalizeRecipient(' Ada.Lovelace@Example.COM ', 'email')).toBe(
      'ada.lovelace@example.com',
    );
  });

  it.each([
    ['ada'],
    ['ada@'],
    ['@example.com'],
    ['ada@example'],
    ['ada@@example.com'],
    ['ada lovelace@example.com'],
    ['ada@example.c'],
    [`${'a'.repeat(65)}@example.com`],
    [`ada@${'a'.repeat(250)}.com`],
  ])('refuses %s', (input) => {
    expect(refusal(input, 'email').code).toBe('invalid_recipient');
  });

  it.each([
    ['Ada <ada@example.com>', 'a display name'],
    ['ada@example.com (Ada)', 'a comment'],
    ['ada(home)@example.com', 'a comment in the local part'],
    ['ada@[192.0.2.1]', 'an IPv4 literal'],
    ['ada@[IPv6:2001:db8::1]', 'an IPv6 literal'],
    ['ada@192.0.2.1', 'a bare IP as domain'],
    ['"ada lovelace"@example.com', 'a quoted local part'],
    ['ada@localhost', 'a domain without a dot'],
    ['ada@-example.com', 'a label starting with a hyphen'],
    ['ada@example-.com', 'a label ending with a hyphen'],
    ['ada@exa_mple.com', 'an underscore in a label'],
    ['ada@example..com', 'an empty label'],
    [`ada@${'a'.repeat(64)}.com`, 'a label over 63 characters'],
    ['ada@example.123', 'a numeric top-level label'],
    ['.ada@example.com', 'a leading dot'],
    ['ada.@example.com', 'a trailing dot in the local part'],
    ['ada..lovelace@example.com', 'two dots in a row'],
    ['ada@example.com.', 'a trailing dot in the domain'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`, 'over 254'],
  ])('refuses %s (%s): a mail system would read it differently or not at all', (input) => {
    const error = refusal(input, 'email');
    expect(error.code).toBe('invalid_recipient');
    expect(error.extra.errors).toEqual([{ field: 'to', message: error.detail }]);
  });

  it.each([
    ['ada+otp@example.com', 'ada+otp@example.com'],
    ["o'neil@example.co.uk", "o'neil@example.co.uk"],
    [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
    ['ada@xn--bcher-kva.example', 'ada@xn--bcher-kva.example'],
    ['Ada@Sub.Example.ORG', 'ada@sub.example.org'],
  ])('accepts the everyday address %s', (input, canonical) => {
    expect(normalizeRecipient(input, 'email')).toBe(canonical);
  });

  it('accepts a quoted local part only when the operator allows it', () => {
    expect(refusal('"Ada Lovelace"@example.com', 'email').detail).toContain('quoted');
    expect(
      normalizeRecipient('"Ada Lovelace"@example.com', 'email', undefined, {
        allowQuotedLocalPart: true,
      }),
    ).toBe('"ada lovelace"@example.com');
    // Allowing quotes allows nothing else.
    expect(() =>
      normalizeRecipient('Ada <ada@example.com>', 'email', undefined, {
        allowQuotedLocalPart: true,
      }),
    ).toThrow(OtpdError);
  });

  it('does not treat a phone number as an email', () => {
    expect(refusal('+905551234567', 'email').code).toBe('invalid_recipient');
  });

  it('refuses phone input with anything around the number', () => {
    expect(refusal('+90 555 123 45 67 ext. 12', 'sms').detail).toContain('extension');
    expect(refusal('+905551234567x', 'sms').code).toBe('invalid_recipient');
    expect(refusal('call +905551234567', 'sms').code).toBe('invalid_recipient');
  });
});

describe('normalizeRecipient: messenger', () => {
  it("keeps the chat platform's id as given, trimmed", () => {
    expect(normalizeRecipient(' 905551234567 ', 'messenger')).toBe('905551234567');
    expect(normalizeRecipient('user:Ada-42', 'messenger')).toBe('user:Ada-42');
    expect(normalizeRecipient('x'.repeat(128), 'messenger')).toBe('x'.repeat(128));
  });

  it.each([[''], ['   '], ['two words'], ['tab\there'], ['bell\u0007'], ['x'.repeat(129)]])(
    'refuses %j',
    (input) => {
      expect(refusal(input, 'messenger').code).toBe('invalid_recipient');
    },
  );

  it('is no phone channel: no country, geo or pumping rule applies', () => {
    expect(isPhoneChannel('messenger')).toBe(false);
    expect(isPhoneChannel('email')).toBe(false);
    expect(isPhoneChannel('sms')).toBe(true);
    expect(isPhoneChannel('whatsapp')).toBe(true);
  });
});
