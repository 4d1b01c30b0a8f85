import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpProvider } from '../adapters/http-provider.ts';
import { httpProviderConfigSchema } from '../adapters/http-provider-config.ts';

const parse = (input: unknown) => httpProvider.configSchema.parse(input);

/** The paths and messages of every issue, for asserting that each bad field is named. */
function issues(input: unknown): string[] {
  try {
    parse(input);
  } catch (error) {
    return (error as { issues: Array<{ path: unknown[]; message: string }> }).issues.map(
      (i) => `${i.path.join('.')}: ${i.message}`,
    );
  }
  throw new Error('the config was accepted');
}

const minimal = { name: 'gw-a', request: { url: 'https://gw.example/send' } };

describe('http provider config', () => {
  it('accepts the documented example as written, once the registry has taken `type` off', () => {
    const config = parse({
      name: 'gw-a',
      request: {
        method: 'POST',
        url: 'https://gw.example/send?key={{apiKey}}',
        headers: { Authorization: 'Bearer …' },
        body: { to: '{{to}}', text: '{{message}}' },
        encoding: 'json',
      },
      success: {
        status: [200, 201, 202],
        jsonPointer: '/ok',
        equals: true,
        bodyContains: null,
        bodyNotContains: null,
      },
      messageIdPointer: '/id',
      timeoutMs: 5000,
      vars: { apiKey: 'k' },
    });
    expect(config.success.equals).toBe(true);
  });

  it('fills sensible defaults', () => {
    expect(parse(minimal)).toEqual({
      name: 'gw-a',
      request: { method: 'POST', url: 'https://gw.example/send', headers: {}, encoding: 'json' },
      success: {
        status: [200, 201, 202],
        jsonPointer: null,
        bodyContains: null,
        bodyNotContains: null,
      },
      messageIdPointer: null,
      generatesCode: false,
      referencePointer: null,
      timeoutMs: 5000,
      vars: {},
    });
  });

  it('declares every header value, var and receipt token secret, for app settings to encrypt and mask', () => {
    expect(httpProvider.metadata.secretFields).toEqual([
      'request.headers',
      'vars',
      'receipt.token',
    ]);
  });

  it('can be extended with `type`, as the provider registry does, keeping its rules', () => {
    const entry = httpProviderConfigSchema.extend({ type: z.literal('http') });
    expect(entry.parse({ type: 'http', ...minimal }).type).toBe('http');
    const bad = entry.safeParse({ type: 'http', ...minimal, vars: { to: 'x' } });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['vars.to']);
  });

  it.each([
    [{ ...minimal, extra: 1 }, /Unrecognized key/],
    [{ ...minimal, request: { ...minimal.request, verb: 'GET' } }, /^request: Unrecognized key/],
    [{ ...minimal, name: 'has space' }, /^name: /],
    [
      { ...minimal, request: { url: 'ftp://gw.example/x' } },
      /^request\.url: must be an http\(s\) URL/,
    ],
    [{ ...minimal, request: { url: '{{to}}' } }, /^request\.url: must be an http\(s\) URL/],
    [
      { ...minimal, request: { url: 'https://gw.example/?k={{apikey}}' } },
      /^request\.url: unknown placeholder \{\{apikey\}\}/,
    ],
    [
      { ...minimal, request: { ...minimal.request, headers: { 'X-Key': '{{secret}}' } } },
      /^request\.headers\.X-Key: unknown placeholder/,
    ],
    [
      { ...minimal, request: { ...minimal.request, headers: { 'Bad Name': 'x' } } },
      /^request\.headers\.Bad Name: not a header name/,
    ],
    [
      { ...minimal, request: { ...minimal.request, body: { sms: [{ text: '{{msg}}' }] } } },
      /^request\.body\.sms\.0\.text: unknown placeholder \{\{msg\}\}/,
    ],
    [
      { ...minimal, request: { ...minimal.request, encoding: 'form', body: { a: { b: 1 } } } },
      /^request\.body: with encoding "form" must be an object of strings/,
    ],
    [
      { ...minimal, request: { ...minimal.request, method: 'GET', body: { to: '{{to}}' } } },
      /^request\.encoding: a GET request has no body/,
    ],
    [{ ...minimal, success: { jsonPointer: '/ok' } }, /^success\.equals: jsonPointer and equals/],
    [{ ...minimal, success: { equals: true } }, /^success\.jsonPointer: jsonPointer and equals/],
    [
      { ...minimal, success: { jsonPointer: 'ok', equals: true } },
      /^success\.jsonPointer: must be a JSON pointer/,
    ],
    [{ ...minimal, success: { status: [] } }, /^success\.status: /],
    [{ ...minimal, messageIdPointer: 'id' }, /^messageIdPointer: must be a JSON pointer/],
    [{ ...minimal, timeoutMs: 120_000 }, /^timeoutMs: /],
    [{ ...minimal, vars: { to: 'x' } }, /^vars\.to: is a built-in placeholder/],
    [{ ...minimal, vars: { 'api-key': 'x' } }, /^vars\.api-key: a name of letters/],
  ])('refuses a bad document, naming the field (%#)', (input, expected) => {
    expect(issues(input).join('\n')).toMatch(new RegExp(expected.source, 'm'));
  });
});

describe('http provider config inside a settings document', () => {
  it('names each unknown placeholder at its own full path', () => {
    const document = z.object({ providers: z.array(httpProviderConfigSchema) });
    const result = document.safeParse({
      providers: [{ ...minimal, request: { url: 'https://gw.example/{{one}}/{{two}}' } }],
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.filter((i) => i.message.startsWith('unknown placeholder'));
    expect(issues?.map((i) => i.path.join('.'))).toEqual([
      'providers.0.request.url',
      'providers.0.request.url',
    ]);
  });

  it('a sender that makes its own code gets neither {{code}} nor {{message}}', () => {
    expect(
      issues({
        ...minimal,
        request: { url: 'https://gw.example/send', body: { otp: '{{code}}', text: '{{message}}' } },
        generatesCode: true,
      }),
    ).toEqual([
      'generatesCode: a service that makes its own code gets no {{code}} from otpd',
      'generatesCode: a service that makes its own code gets no {{message}} from otpd',
    ]);
    expect(parse({ ...minimal, generatesCode: true, referencePointer: '/ref' })).toMatchObject({
      generatesCode: true,
      referencePointer: '/ref',
    });
  });

  it('reads a reference only from a sender that makes its own code', () => {
    expect(issues({ ...minimal, referencePointer: '/ref' })).toEqual([
      'referencePointer: is read only from a service that makes its own code (generatesCode: true)',
    ]);
    expect(issues({ ...minimal, generatesCode: true, referencePointer: 'ref' })[0]).toMatch(
      /^referencePointer: must be a JSON pointer/,
    );
  });
});
