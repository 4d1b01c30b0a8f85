import { describe, expect, it } from 'vitest';
import { htmlBody, smtpFailure } from '../adapters/smtp-provider.ts';
import { smtpProviderConfigSchema } from '../adapters/smtp-provider-config.ts';
import { ProviderError } from '../provider-ports.ts';

const minimal = { name: 'mail', host: 'smtp.example.com', from: 'otp@shop.example' };

function issues(input: object) {
  const result = smtpProviderConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('smtp provider config', () => {
  it('has safe defaults: submission port, STARTTLS required, text only, 15 s', () => {
    expect(smtpProviderConfigSchema.parse(minimal)).toEqual({
      ...minimal,
      secure: false,
      starttls: 'required',
      subject: 'Your {{app}} verification code',
      html: false,
      timeoutMs: 15_000,
    });
  });

  it('accepts a named From and a login', () => {
    const config = smtpProviderConfigSchema.parse({
      ...minimal,
      from: 'Shop & Co <otp@shop.example>',
      auth: { user: 'apikey', pass: 's3cret' },
      secure: true,
      port: 465,
    });
    expect(config.auth).toEqual({ user: 'apikey', pass: 's3cret' });
  });

  it('names every bad field', () => {
    expect(
      issues({
        ...minimal,
        host: 'smtp.example.com\r\nRCPT TO:<x@y>',
        port: 0,
        starttls: 'maybe',
        from: 'Shop <otp@shop.example>\r\nBcc: everyone@example.com',
        subject: 'Code {{code}} for {{app}}',
        auth: { user: 'u' },
        extra: true,
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^host: /),
        expect.stringMatching(/^port: /),
        expect.stringMatching(/^starttls: /),
        expect.stringMatching(/^from: /),
        expect.stringMatching(/^auth\.pass: /),
        expect.stringMatching(/^: .*extra|^extra/),
      ]),
    );
    expect(issues({ ...minimal, subject: 'Your {{code}}' })).toEqual([
      'subject: unknown placeholder {{code}}; the subject knows {{app}}',
    ]);
    expect(issues({ ...minimal, subject: 'two\nlines' })).toEqual(['subject: must be one line']);
    expect(issues({ ...minimal, from: 'not an address' })[0]).toMatch(/^from: /);
  });
});

describe('smtp failures', () => {
  const map = (error: object) => {
    const mapped = smtpFailure(Object.assign(new Error('x'), error), 'smtp.example.com');
    return { code: mapped.code, retryable: mapped.retryable };
  };

  it('retries passing trouble and not considered answers', () => {
    expect(map({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' })).toEqual({
      code: 'smtp_550',
      retryable: false,
    });
    expect(map({ code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO' })).toEqual({
      code: 'smtp_451',
      retryable: true,
    });
    expect(map({ code: 'EMESSAGE', responseCode: 554, command: 'DATA' }).retryable).toBe(false);
    expect(map({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' })).toEqual({
      code: 'auth_failed',
      retryable: false,
    });
    expect(map({ code: 'EAUTH', responseCode: 454 }).retryable).toBe(true);
    expect(map({ code: 'ETLS', responseCode: 502 })).toEqual({
      code: 'tls_failed',
      retryable: false,
    });
    expect(map({ code: 'ECONNECTION' })).toEqual({ code: 'connection_failed', retryable: true });
    expect(map({ code: 'ETIMEDOUT' })).toEqual({ code: 'timeout', retryable: true });
    expect(map({ code: 'EABORT' })).toEqual({ code: 'timeout', retryable: true });
    expect(map({})).toEqual({ code: 'send_failed', retryable: true });
  });

  it("never carries the server's reply, which may name the recipient", () => {
    const error = smtpFailure(
      Object.assign(new Error('x'), {
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 5.1.1 <person@example.com>: mailbox unavailable',
        command: 'RCPT TO',
      }),
      'smtp.example.com',
    );
    expect(error.message).toBe('smtp.example.com answered 550 to RCPT');
  });

  it('passes its own refusals through', () => {
    const refusal = new ProviderError('blocked_address', false);
    expect(smtpFailure(refusal, 'h')).toBe(refusal);
  });
});

describe('html body', () => {
  it('escapes the text, keeps line breaks and emphasises the code standing alone', () => {
    const html = htmlBody('<b>Shop</b> & "Co"\ncode 123456 (not 91234567)', '123456');
    expect(html).toContain('&lt;b&gt;Shop&lt;/b&gt; &amp; &quot;Co&quot;<br>');
    expect(html).toContain(
      'code <strong style="font-size:1.4em;letter-spacing:0.15em">123456</strong>',
    );
    expect(html).toContain('not 91234567');
  });
});
