import { describe, expect, it } from 'vitest';
import {
  findSecrets,
  isMasked,
  maskSecret,
  replaceSecrets,
} from '../../src/domain/settings-secrets.ts';

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
