import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { isValidTwilioSignature, twilioSignature } from '../../domain/twilio-signature.ts';

const TOKEN = '12345abcdefauthtoken0987654321';
const URL = 'https://otp.example.com/v1/receipts/twilio/app_1?x=1';
const FORM = {
  MessageSid: 'SM0123456789abcdef0123456789abcdef',
  MessageStatus: 'delivered',
  AccountSid: `AC${'7d'.repeat(16)}`,
  To: '+905551234567',
  ApiVersion: '2010-04-01',
};

/** Our signer and checker against the official Twilio library's. */
describe('Twilio request signatures', () => {
  it('signs exactly as the official library does', () => {
    expect(twilioSignature(TOKEN, URL, FORM)).toBe(
      twilio.getExpectedTwilioSignature(TOKEN, URL, FORM),
    );
    const repeated = { ...FORM, Tag: ['b', 'a', 'b'] };
    expect(twilioSignature(TOKEN, URL, repeated)).toBe(
      twilio.getExpectedTwilioSignature(TOKEN, URL, repeated),
    );
  });

  it('accepts what the official library signs, and the library accepts what we sign', () => {
    const signed = twilio.getExpectedTwilioSignature(TOKEN, URL, FORM);
    expect(isValidTwilioSignature(TOKEN, URL, FORM, signed)).toBe(true);
    expect(twilio.validateRequest(TOKEN, twilioSignature(TOKEN, URL, FORM), URL, FORM)).toBe(true);
  });

  it('accepts the URL with or without its default port, as Twilio may sign either', () => {
    const withPort = 'https://otp.example.com:443/v1/receipts/twilio/app_1';
    const signed = twilio.getExpectedTwilioSignature(TOKEN, withPort, FORM);
    expect(
      isValidTwilioSignature(
        TOKEN,
        'https://otp.example.com/v1/receipts/twilio/app_1',
        FORM,
        signed,
      ),
    ).toBe(true);
    const other = 'https://otp.example.com:8443/v1/receipts/twilio/app_1';
    const signedOther = twilio.getExpectedTwilioSignature(TOKEN, other, FORM);
    expect(
      isValidTwilioSignature(
        TOKEN,
        'https://otp.example.com/v1/receipts/twilio/app_1',
        FORM,
        signedOther,
      ),
    ).toBe(false);
  });

  it('refuses a missing signature, another token, another URL or a changed field', () => {
    const signed = twilio.getExpectedTwilioSignature(TOKEN, URL, FORM);
    expect(isValidTwilioSignature(TOKEN, URL, FORM, undefined)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, URL, FORM, '')).toBe(false);
    expect(isValidTwilioSignature(TOKEN, URL, FORM, 'short')).toBe(false);
    expect(isValidTwilioSignature(`${TOKEN}x`, URL, FORM, signed)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, `${URL}2`, FORM, signed)).toBe(false);
    expect(
      isValidTwilioSignature(TOKEN, URL, { ...FORM, MessageStatus: 'undelivered' }, signed),
    ).toBe(false);
    expect(isValidTwilioSignature(TOKEN, URL, { ...FORM, Extra: '' }, signed)).toBe(false);
  });
});
