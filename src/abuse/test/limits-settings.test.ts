import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../kernel/config/config.ts';
import { clientIpSubject } from '../domain/client-ip.ts';
import { activeRules, limitsSchema } from '../domain/limits.ts';

describe('limits settings', () => {
  it('default to the documented rules', () => {
    expect(limitsSchema.parse({})).toEqual({
      createPerClientIp: { max: 10, windowSeconds: 3_600 },
      sendsPerDestination: [
        { max: 5, windowSeconds: 600 },
        { max: 20, windowSeconds: 86_400 },
      ],
      failedChecksPerDestinationAndIp: { max: 10, windowSeconds: 3_600 },
      failedChecksPerDestination: { max: 50, windowSeconds: 86_400 },
      sendsPerAppPerChannel: { max: 100_000, windowSeconds: 86_400 },
      sendsPerAppPerCountry: { max: 20_000, windowSeconds: 86_400 },
    });
  });

  it('take a rule or a list of rules, and refuse bad ones', () => {
    const rules = [
      { max: 3, windowSeconds: 60 },
      { max: 30, windowSeconds: 3_600 },
    ];
    expect(limitsSchema.parse({ sendsPerDestination: rules }).sendsPerDestination).toEqual(rules);
    for (const bad of [
      { sendsPerDestination: { max: 0, windowSeconds: 60 } },
      { failedChecksPerDestination: { max: 1, windowSeconds: 0 } },
      { createPerClientIp: { max: 1.5, windowSeconds: 60 } },
      { createPerClientIp: { max: 1, windowSeconds: 31 * 86_400 } },
      { createPerClientIp: [] },
      { createPerClientIp: { max: 1, windowSeconds: 60, burst: 2 } },
      { perPlanet: { max: 1, windowSeconds: 60 } },
    ]) {
      expect(limitsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('leave out rules with max 0, where they mean no limit', () => {
    expect(activeRules({ max: 0, windowSeconds: 60 })).toEqual([]);
    expect(
      activeRules([
        { max: 0, windowSeconds: 60 },
        { max: 5, windowSeconds: 600 },
      ]),
    ).toEqual([{ max: 5, windowSeconds: 600 }]);
  });
});

describe('clientIpSubject', () => {
  it('counts IPv4 as it is and IPv6 by its /64', () => {
    expect(clientIpSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(clientIpSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientIpSubject('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientIpSubject('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(clientIpSubject('::1')).toBe('0:0:0:0::/64');
    expect(clientIpSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientIpSubject('not an ip')).toBeUndefined();
  });
});

describe('limit-related configuration', () => {
  it('reads OTPD_TRUST_PROXY, OTPD_REDIS_URL and OTPD_REDIS_KEY_PREFIX', () => {
    const config = loadConfig({
      OTPD_TRUST_PROXY: '10.0.0.0/8, 192.168.1.10',
      OTPD_REDIS_URL: 'redis://:pw@cache:6379/1',
      OTPD_REDIS_KEY_PREFIX: 'shop:',
    });
    expect(config.OTPD_TRUST_PROXY).toEqual(['10.0.0.0/8', '192.168.1.10']);
    expect(config.OTPD_REDIS_URL).toBe('redis://:pw@cache:6379/1');
    expect(config.OTPD_REDIS_KEY_PREFIX).toBe('shop:');
  });

  it('refuses a bad proxy list or Redis URL, naming the variable', () => {
    for (const [env, name] of [
      [{ OTPD_TRUST_PROXY: '10.0.0.0/33' }, 'OTPD_TRUST_PROXY'],
      [{ OTPD_REDIS_URL: 'http://cache:6379' }, 'OTPD_REDIS_URL'],
    ] as const) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(new RegExp(`^${name}`, 'm'));
    }
  });
});
