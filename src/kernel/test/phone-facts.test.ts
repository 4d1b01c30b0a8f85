import * as libphonenumber from 'libphonenumber-js/max';
import { describe, expect, it, vi } from 'vitest';
import { phoneCountry, phoneType } from '../phone-facts.ts';

vi.mock('libphonenumber-js/max', async (importOriginal) => {
  const actual = await importOriginal<typeof import('libphonenumber-js/max')>();
  return { ...actual, parsePhoneNumberFromString: vi.fn(actual.parsePhoneNumberFromString) };
});
const parse = vi.mocked(libphonenumber.parsePhoneNumberFromString);

describe('phone facts', () => {
  it('names the country and type of an E.164 number', () => {
    expect(phoneCountry('+905551234567')).toBe('TR');
    expect(phoneCountry('+255712345678')).toBe('TZ');
    expect(phoneCountry('+14155550100')).toBe('US');
    expect(phoneType('+905321234567')).toBe('MOBILE');
    expect(phoneType('+19005550123')).toBe('PREMIUM_RATE');
    expect(phoneCountry('+80012345678')).toBeUndefined();
    expect(phoneType('+999')).toBeUndefined();
  });

  it('parses a number once however often its facts are asked', () => {
    const before = parse.mock.calls.length;
    for (let i = 0; i < 5; i++) {
      expect(phoneCountry('+905331234567')).toBe('TR');
      expect(phoneType('+905331234567')).toBe('MOBILE');
    }
    expect(parse.mock.calls.length - before).toBe(1);
  });

  it('keeps a bounded number of numbers and still answers for forgotten ones', () => {
    const first = '+14155550000';
    expect(phoneCountry(first)).toBe('US');
    for (let i = 1; i < 5000; i++) phoneCountry(`+1415555${String(i).padStart(4, '0')}`);
    const before = parse.mock.calls.length;
    expect(phoneCountry(first)).toBe('US'); // long forgotten: parsed again, same answer
    expect(parse.mock.calls.length - before).toBe(1);
  });
});
