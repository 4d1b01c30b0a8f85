import { describe, expect, it } from 'vitest';
import { androidAppHashSchema, webOtpHostSchema } from '../../settings/domain/settings.ts';
import { withAutofillLines } from '../domain/sms-autofill.ts';

const TEXT = 'Acme doğrulama kodunuz: 048213. 10 dakika geçerlidir.';
const none = { androidAppHash: null, webOtpHost: null };

describe('withAutofillLines', () => {
  it('leaves the text alone when no option is set', () => {
    expect(withAutofillLines(TEXT, 'sms', '048213', none)).toBe(TEXT);
  });

  it('puts the SMS Retriever hash on a line of its own at the end, without <#>', () => {
    const body = withAutofillLines(TEXT, 'sms', '048213', {
      ...none,
      androidAppHash: 'FA+9qCX9VSu',
    });
    expect(body).toBe(`${TEXT}\nFA+9qCX9VSu`);
    expect(body).not.toContain('<#>');
  });

  it('ends with the WebOTP line `@host #code`', () => {
    const body = withAutofillLines(TEXT, 'sms', '048213', { ...none, webOtpHost: 'shop.example' });
    expect(body).toBe(`${TEXT}\n@shop.example #048213`);
  });

  it('with both: the hash line, then the WebOTP line last (nothing may follow it)', () => {
    const body = withAutofillLines(TEXT, 'sms', '048213', {
      androidAppHash: 'FA+9qCX9VSu',
      webOtpHost: 'shop.example',
    });
    expect(body.split('\n')).toEqual([TEXT, 'FA+9qCX9VSu', '@shop.example #048213']);
  });

  it('drops trailing whitespace of the text, so the lines follow it directly', () => {
    const body = withAutofillLines(`${TEXT} \n\n`, 'sms', '048213', {
      ...none,
      webOtpHost: 'shop.example',
    });
    expect(body).toBe(`${TEXT}\n@shop.example #048213`);
  });

  it('adds nothing on whatsapp, email or messenger', () => {
    const both = { androidAppHash: 'FA+9qCX9VSu', webOtpHost: 'shop.example' };
    for (const channel of ['whatsapp', 'email', 'messenger'] as const) {
      expect(withAutofillLines(TEXT, channel, '048213', both)).toBe(TEXT);
    }
  });
});

describe('the settings options', () => {
  it('androidAppHash: 11 base64 characters, or null (the default)', () => {
    expect(androidAppHashSchema.parse(undefined)).toBeNull();
    expect(androidAppHashSchema.parse('FA+9qCX9VSu')).toBe('FA+9qCX9VSu');
    expect(androidAppHashSchema.parse('ab/9qCX9VS0')).toBe('ab/9qCX9VS0');
    for (const bad of ['FA+9qCX9VS', 'FA+9qCX9VSuu', '<#>FA+9qCX9', 'FA+9qCX9VS=', 'FA 9qCX9VSu']) {
      expect(androidAppHashSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('webOtpHost: a bare host name, or null (the default)', () => {
    expect(webOtpHostSchema.parse(undefined)).toBeNull();
    for (const good of ['shop.example', 'localhost', 'a-b.c1.example', 'xn--bcher-kva.example']) {
      expect(webOtpHostSchema.parse(good)).toBe(good);
    }
    for (const bad of [
      'https://shop.example',
      'shop.example:8443',
      'shop.example/path',
      'shop example',
      '@shop.example',
      '-shop.example',
      'shop..example',
      'shop.example.',
      '',
      `${'a'.repeat(64)}.example`,
    ]) {
      expect(webOtpHostSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
