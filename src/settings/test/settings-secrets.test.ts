import { describe, expect, it } from 'vitest';
import { createSecretMask, maskStrings } from '../domain/secret-forms.ts';
import {
  type DestinationRules,
  destinationsOf,
  movedSecrets,
} from '../domain/settings-destinations.ts';
import { findSecrets, isMasked, maskSecret, replaceSecrets } from '../domain/settings-secrets.ts';

const declared: Record<string, string[]> = { gw: ['request.headers.*', 'vars.apiKey'] };
const secretFieldsOf = (type: string) => declared[type] ?? [];

describe('settings secrets', () => {
  it('masks with the last four characters only when at least twelve stay hidden', () => {
    expect(maskSecret('0123456789abcdef')).toBe('••••cdef');
    expect(maskSecret('0123456789abcde')).toBe('••••');
    expect(maskSecret('')).toBe('••••');
    expect(isMasked('••••cdef')).toBe(true);
    expect(isMasked('cdef')).toBe(false);
    expect(isMasked(4)).toBe(false);
  });

  it('finds declared paths, well-known secret names anywhere in a provider, and webhook secrets', () => {
    const doc = {
      channels: {
        sms: {
          providers: [
            {
              type: 'gw',
              name: 'a',
              url: 'https://gw.example',
              request: { headers: { 'X-Custom': 'h1', Accept: 'json' } },
              vars: { apiKey: 'k1', region: 'eu' },
              auth: { Password: 'p1', user: 'u' },
            },
            { type: 'unknown', token: 't1', list: [{ secret: 's1' }] },
          ],
        },
        email: 'not an object',
      },
      webhooks: [{ url: 'https://h.example', secret: 'w1' }, null],
      verification: { password: 'not a provider field' },
    };
    const spots = findSecrets(doc, secretFieldsOf);
    expect(spots.map((s) => s.path.join('.'))).toEqual([
      'channels.sms.providers.0.request.headers.X-Custom',
      'channels.sms.providers.0.request.headers.Accept',
      'channels.sms.providers.0.vars.apiKey',
      'channels.sms.providers.0.auth.Password',
      'channels.sms.providers.1.token',
      'channels.sms.providers.1.list.0.secret',
      'webhooks.0.secret',
    ]);
    expect(spots[0]?.location).toBe('channels.sms.providers[name=a].request.headers.X-Custom');
    expect(spots[4]?.location).toBe('channels.sms.providers[#1].token');
  });

  it("finds the validator's declared paths and secret names, by the validator's own type", () => {
    const doc = {
      validator: {
        type: 'gw',
        request: { url: 'https://v.example', headers: { 'X-Key': 'v1' } },
        vars: { apiKey: 'v2', region: 'eu' },
        authToken: 'v3',
      },
    };
    // The provider declarations are not the validator's: only its own and secret names count.
    expect(findSecrets(doc, secretFieldsOf).map((s) => s.path.join('.'))).toEqual([
      'validator.vars.apiKey',
      'validator.authToken',
    ]);
    const spots = findSecrets(doc, () => [], secretFieldsOf);
    expect(spots.map((s) => s.path.join('.'))).toEqual([
      'validator.request.headers.X-Key',
      'validator.vars.apiKey',
      'validator.authToken',
    ]);
    expect(spots[0]?.location).toBe('validator[type=gw].request.headers.X-Key');
    expect(findSecrets({ validator: 'builtin' }, secretFieldsOf)).toEqual([]);
  });

  it("finds the dialects' secrets by name, leaving their URLs alone", () => {
    const doc = {
      dialects: {
        diyalog: { secret: 'd1', webhookUrl: 'https://bot.example/hook' },
        convertalk: { twilioBaseUrl: 'https://api.twilio.com' },
      },
    };
    const spots = findSecrets(doc, secretFieldsOf);
    expect(spots.map((s) => s.location)).toEqual(['dialects.diyalog.secret']);
    expect(findSecrets({ dialects: { diyalog: { secret: null } } }, secretFieldsOf)).toEqual([]);
  });

  it('tolerates documents of any shape', () => {
    for (const doc of [null, 1, 'x', [], { channels: [] }, { channels: { sms: null } }]) {
      expect(findSecrets(doc, secretFieldsOf)).toEqual([]);
    }
  });

  it('replaces secrets in a copy, leaving the original alone', () => {
    const doc = { webhooks: [{ url: 'u', secret: 'whsec_abc' }] };
    const spots = findSecrets(doc, secretFieldsOf);
    const copy = replaceSecrets(doc, spots, (v) => v.toUpperCase());
    expect(copy).toEqual({ webhooks: [{ url: 'u', secret: 'WHSEC_ABC' }] });
    expect(doc.webhooks[0]?.secret).toBe('whsec_abc');
  });
});

const destinationRules: DestinationRules = {
  providerFieldsOf: (type) =>
    ({ gw: ['request.url', 'request.headers.host'], mail: ['host', 'port'] })[type],
  validatorFieldsOf: (type) => ({ gw: ['request.url'] })[type],
};

/** A gateway entry whose URL takes its host from a var, as templates may. */
function gatewayEntry(overrides: Record<string, unknown> = {}) {
  return {
    type: 'gw',
    name: 'a',
    request: { url: 'https://{{region}}.gw.example/send', headers: { Authorization: 'k' } },
    vars: { region: 'eu', apiKey: 'v' },
    timeoutMs: 5_000,
    ...overrides,
  };
}

describe('where stored secrets travel', () => {
  const spotsOf = (doc: unknown) => findSecrets(doc, secretFieldsOf, secretFieldsOf);
  const moved = (before: unknown, after: unknown) =>
    movedSecrets(
      spotsOf(after),
      destinationsOf(before, destinationRules),
      destinationsOf(after, destinationRules),
    ).map((spot) => spot.location);
  const sms = (...providers: unknown[]) => ({ channels: { sms: { providers } } });

  it('names the entry that holds each secret, as its location does', () => {
    const doc = {
      ...sms(gatewayEntry()),
      validator: { type: 'gw', request: { headers: { 'X-Key': 'v1' } } },
      webhooks: [{ url: 'https://h.example', secret: 'w1' }],
      dialects: { diyalog: { secret: 'd1', webhookUrl: null } },
    };
    expect([...new Set(spotsOf(doc).map((s) => s.holder))]).toEqual([
      'channels.sms.providers[name=a]',
      'validator[type=gw]',
      'webhooks[#0]',
      'dialects.diyalog',
    ]);
    for (const spot of spotsOf(doc)) expect(spot.location.startsWith(`${spot.holder}.`)).toBe(true);
  });

  it('lets a masked secret stay when only what does not decide the destination changed', () => {
    const before = sms(gatewayEntry(), { type: 'console' });
    const after = sms({ type: 'console' }, gatewayEntry({ timeoutMs: 9_000 }));
    expect(moved(before, after)).toEqual([]);
  });

  it('refuses a changed URL, a var the URL names, a Host header and a changed type', () => {
    const before = sms(gatewayEntry());
    const entry = gatewayEntry();
    for (const changed of [
      gatewayEntry({ request: { ...entry.request, url: 'https://evil.example/send' } }),
      gatewayEntry({ vars: { region: 'evil.example/x?', apiKey: 'v' } }),
      gatewayEntry({ request: { ...entry.request, headers: { Authorization: 'k', HOST: 'e' } } }),
      gatewayEntry({ type: 'other' }),
    ]) {
      expect(moved(before, sms(changed))).toContain(
        'channels.sms.providers[name=a].request.headers.Authorization',
      );
    }
  });

  it('follows a provider by name, so swapping names swaps destinations', () => {
    const a = gatewayEntry();
    const b = gatewayEntry({ name: 'b', request: { ...a.request, url: 'https://other.example' } });
    expect(moved(sms(a, b), sms(b, a))).toEqual([]);
    const swapped = sms({ ...a, name: 'b' }, { ...b, name: 'a' });
    expect(moved(sms(a, b), swapped)).toHaveLength(4);
  });

  it('counts every field of a plug-in that declares no destination', () => {
    const entry = { type: 'undeclared', name: 'u', token: 't', endpoint: 'https://u.example' };
    expect(moved(sms(entry), sms({ ...entry }))).toEqual([]);
    expect(moved(sms(entry), sms({ ...entry, endpoint: 'https://evil.example' }))).toEqual([
      'channels.sms.providers[name=u].token',
    ]);
  });

  it("refuses a webhook's or the Diyalog webhook's secret sent to a new URL", () => {
    const before = {
      webhooks: [{ url: 'https://h.example', secret: 'w1' }],
      dialects: { diyalog: { secret: 'd1', webhookUrl: null } },
      validator: { type: 'gw', request: { url: 'https://v.example' }, vars: { apiKey: 'x' } },
    };
    const after = {
      webhooks: [{ url: 'https://evil.example', secret: 'w1' }],
      dialects: { diyalog: { secret: 'd1', webhookUrl: 'https://evil.example' } },
      validator: { type: 'gw', request: { url: 'https://evil.example' }, vars: { apiKey: 'x' } },
    };
    expect(moved(before, after)).toEqual([
      'validator[type=gw].vars.apiKey',
      'webhooks[#0].secret',
      'dialects.diyalog.secret',
    ]);
    expect(moved(before, structuredClone(before))).toEqual([]);
  });

  it('keeps a masked secret whose entry now sends nowhere (Diyalog forwarding turned off)', () => {
    const on = { dialects: { diyalog: { secret: 'd1', webhookUrl: 'https://bot.example' } } };
    const off = { dialects: { diyalog: { secret: 'd1', webhookUrl: null } } };
    expect(moved(on, off)).toEqual([]);
    expect(moved(off, on)).toEqual(['dialects.diyalog.secret']);
  });
});

/** Every character past ASCII as `\uXXXX`, as Python's and PHP's JSON encoders write it. */
const asciiOnly = (json: string) =>
  [...json]
    .map((c) =>
      c.charCodeAt(0) > 0x7e
        ? [...Array(c.length).keys()]
            .map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`)
            .join('')
        : c,
    )
    .join('');

describe('masking every form of a secret', () => {
  const SECRET = 'pa"ss\\wörd/<&>+ =☃😀-0123456789';
  const mask = createSecretMask([SECRET, 'ab']);
  const forms: Record<string, string> = {
    literal: SECRET,
    uri: encodeURIComponent(SECRET),
    uriLowerHex: encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    form: new URLSearchParams({ k: SECRET }).toString(),
    base64: Buffer.from(SECRET).toString('base64'),
    base64url: Buffer.from(SECRET).toString('base64url'),
    basicAsPassword: `Basic ${Buffer.from(`user:${SECRET}`).toString('base64')}`,
    basicAsUser: `Basic ${Buffer.from(`${SECRET}:pw`).toString('base64')}`,
    basicLongUser: Buffer.from(`someone-else:${SECRET}`).toString('base64'),
    smtpPlain: Buffer.from(`\0user\0${SECRET}`).toString('base64'),
    json: JSON.stringify({ key: SECRET }),
    jsonAscii: asciiOnly(JSON.stringify({ key: SECRET })),
    jsonGoStyle: JSON.stringify(SECRET).replace(
      /[<>&]/g,
      (c) => `\\u00${c.charCodeAt(0).toString(16)}`,
    ),
    jsonPhpStyle: asciiOnly(JSON.stringify(SECRET)).replaceAll('/', '\\/'),
    jsonInJson: JSON.stringify(JSON.stringify({ key: SECRET })),
    hex: Buffer.from(SECRET).toString('hex'),
  };

  for (const [name, text] of Object.entries(forms)) {
    it(`masks the secret written ${name}`, () => {
      const shown = mask(`before ${text} after`);
      expect(shown).toContain('••••');
      expect(shown.startsWith('before ')).toBe(true);
      expect(shown.endsWith(' after')).toBe(true);
      // What is left holds no 8 characters in a row of the form's middle.
      const middle = text.slice(Math.floor(text.length / 2) - 4, Math.floor(text.length / 2) + 4);
      expect(shown).not.toContain(middle);
    });
  }

  it('leaves other texts and secrets too short to mask alone', () => {
    expect(mask('ab cd {"ok":true}')).toBe('ab cd {"ok":true}');
    expect(createSecretMask([])('x')).toBe('x');
  });

  it('masks every string of an attempt, keys aside, without changing the original', () => {
    const attempt = { detail: `no ${SECRET}`, response: { status: 500, body: SECRET }, n: 1 };
    expect(maskStrings(attempt, mask)).toEqual({
      detail: 'no ••••',
      response: { status: 500, body: '••••' },
      n: 1,
    });
    expect(attempt.detail).toBe(`no ${SECRET}`);
  });
});
