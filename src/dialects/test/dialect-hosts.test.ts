import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../kernel/config/config.ts';
import { parseDialectHosts } from '../../kernel/dialect-hosts.ts';
import { dialectHostRewrite } from '../http/dialect-hosts.ts';

const request = (host: string | undefined, url: string) =>
  ({ url, headers: host === undefined ? {} : { host } }) as IncomingMessage;

describe('OTPD_DIALECT_HOSTS', () => {
  it('reads DIALECT=HOST pairs, host names in lower case', () => {
    const config = loadConfig({
      OTPD_DIALECT_HOSTS: 'beem=OTP.example.com, twilio=verify.example.com',
    });
    expect(config.OTPD_DIALECT_HOSTS).toEqual(
      new Map([
        ['otp.example.com', 'beem'],
        ['verify.example.com', 'twilio'],
      ]),
    );
  });

  it.each([
    ['sinch=verify.example.com', 'DIALECT=HOST'],
    ['twilio', 'DIALECT=HOST'],
    ['twilio=verify.example.com=x', 'DIALECT=HOST'],
    ['twilio=exa mple.com', 'not a host name'],
    ['twilio=a.example.com,beem=a.example.com', 'given twice'],
  ])('refuses %s, naming the setting', (value, message) => {
    expect(() => loadConfig({ OTPD_DIALECT_HOSTS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ OTPD_DIALECT_HOSTS: value })).toThrow(
      new RegExp(`OTPD_DIALECT_HOSTS: .*${message}`),
    );
  });
});

describe('dialect host routing', () => {
  const hosts = parseDialectHosts([
    'twilio=verify.example.com',
    'beem=otp.example.com',
    'convertalk=bot.example.com',
  ]);
  if (typeof hosts === 'string') throw new Error(hosts);
  const rewrite = dialectHostRewrite(hosts);

  it("routes a dialect host's root requests under the dialect's prefix, port or not", () => {
    expect(rewrite(request('verify.example.com', '/v2/Services/VA1/Verifications'))).toBe(
      '/twilio/v2/Services/VA1/Verifications',
    );
    expect(rewrite(request('OTP.example.com:8443', '/v1/request?x=1'))).toBe(
      '/beem/v1/request?x=1',
    );
    expect(rewrite(request('bot.example.com', '/integrations/custom-feature/send-otp-sms'))).toBe(
      '/convertalk/integrations/custom-feature/send-otp-sms',
    );
  });

  it('leaves other hosts, prefixed paths and health checks alone', () => {
    expect(rewrite(request('api.example.com', '/v1/verifications'))).toBe('/v1/verifications');
    expect(rewrite(request(undefined, '/v1/verifications'))).toBe('/v1/verifications');
    expect(rewrite(request('otp.example.com', '/beem/v1/verify'))).toBe('/beem/v1/verify');
    expect(rewrite(request('otp.example.com', '/healthz'))).toBe('/healthz');
    expect(rewrite(request('verify.example.com', '/readyz'))).toBe('/readyz');
  });
});
