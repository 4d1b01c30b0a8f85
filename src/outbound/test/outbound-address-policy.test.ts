import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../kernel/config/config.ts';
import { parseNetwork } from '../../kernel/networks.ts';
import { createAddressPolicy } from '../address-policy.ts';

const guard = createAddressPolicy([]);
const blocked = (address: string) => guard.check(address).allowed === false;

const octet = fc.integer({ min: 0, max: 255 });
const hex16 = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));

/** Any IPv4 address inside `a.b.c.d/bits`. */
function ipv4In(base: [number, number, number, number], bits: number) {
  const start = ((base[0] << 24) | (base[1] << 16) | (base[2] << 8) | base[3]) >>> 0;
  const size = 2 ** (32 - bits);
  return fc.integer({ min: 0, max: size - 1 }).map((offset) => {
    const n = start + offset;
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  });
}

const INTERNAL_V4: Array<[string, [number, number, number, number], number]> = [
  ['loopback', [127, 0, 0, 0], 8],
  ['private 10/8', [10, 0, 0, 0], 8],
  ['private 172.16/12', [172, 16, 0, 0], 12],
  ['private 192.168/16', [192, 168, 0, 0], 16],
  ['link-local (cloud metadata)', [169, 254, 0, 0], 16],
  ['CGNAT', [100, 64, 0, 0], 10],
  ['unspecified / this network', [0, 0, 0, 0], 8],
  ['multicast', [224, 0, 0, 0], 4],
  ['reserved', [240, 0, 0, 0], 4],
];

/** The IPv6 forms that carry an IPv4 address a packet could end up at. */
function v6Forms(v4: string): string[] {
  const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
  const hi = ((a << 8) | b).toString(16);
  const lo = ((c << 8) | d).toString(16);
  return [`::ffff:${v4}`, `::ffff:${hi}:${lo}`, `0:0:0:0:0:ffff:${hi}:${lo}`, `64:ff9b::${v4}`];
}

describe('address policy', () => {
  it.each(INTERNAL_V4)('refuses every %s address and its IPv6 forms', (_name, base, bits) => {
    fc.assert(
      fc.property(ipv4In(base, bits), (address) => {
        expect(blocked(address)).toBe(true);
        for (const form of v6Forms(address)) expect(blocked(form)).toBe(true);
      }),
    );
  });

  it('refuses the cloud metadata address by name of its range', () => {
    expect(guard.check('169.254.169.254')).toEqual({ allowed: false, range: 'linkLocal' });
    expect(guard.check('::ffff:169.254.169.254')).toEqual({ allowed: false, range: 'linkLocal' });
    expect(guard.check('fd00:ec2::254').allowed).toBe(false);
  });

  it.each([
    ['loopback', '::1'],
    ['unspecified', '::'],
    ['IPv4-compatible loopback', '::127.0.0.1'],
    ['IPv4-translated', '::ffff:0:7f00:1'],
    ['6to4 of a private address', '2002:a00:1::1'],
    ['Teredo', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['documentation', '2001:db8::1'],
    ['scoped link-local', 'fe80::1%eth0'],
    ['IPv4 broadcast', '255.255.255.255'],
    ['not an address', 'gw.example'],
  ])('refuses %s (%s)', (_name, address) => {
    expect(blocked(address)).toBe(true);
  });

  it('refuses all of fc00::/7 (unique local), fe80::/10 (link-local) and ff00::/8 (multicast)', () => {
    const groups = fc.array(hex16, { minLength: 7, maxLength: 7 }).map((g) => g.join(':'));
    const inRange = (first: fc.Arbitrary<number>) =>
      fc.tuple(first, groups).map(([f, rest]) => `${f.toString(16)}:${rest}`);
    fc.assert(
      fc.property(
        fc.oneof(
          inRange(fc.integer({ min: 0xfc00, max: 0xfdff })),
          inRange(fc.integer({ min: 0xfe80, max: 0xfebf })),
          inRange(fc.integer({ min: 0xff00, max: 0xffff })),
        ),
        (address) => {
          expect(blocked(address)).toBe(true);
        },
      ),
    );
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '2606:4700:4700::1111',
    '2a00:1450:4001:82a::200e',
    '64:ff9b::8.8.8.8',
  ])('lets the public address %s through', (address) => {
    expect(guard.check(address)).toEqual({ allowed: true, range: 'unicast' });
  });

  it('judges an IPv4 address and its mapped IPv6 form alike', () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (parts) => {
        const v4 = parts.join('.');
        const verdict = guard.check(v4).allowed;
        for (const form of v6Forms(v4)) expect(guard.check(form).allowed).toBe(verdict);
      }),
    );
  });

  describe('with operator-allowed networks', () => {
    const allowing = createAddressPolicy(['127.0.0.0/8', '::1/128', '10.1.2.3']);

    it('lets those networks through, in either address form', () => {
      fc.assert(
        fc.property(ipv4In([127, 0, 0, 0], 8), (address) => {
          expect(allowing.check(address).allowed).toBe(true);
          expect(allowing.check(`::ffff:${address}`).allowed).toBe(true);
        }),
      );
      expect(allowing.check('::1')).toEqual({ allowed: true, range: 'allowedNetwork' });
      expect(allowing.check('10.1.2.3').allowed).toBe(true);
    });

    it('still refuses everything outside them', () => {
      expect(allowing.check('10.1.2.4').allowed).toBe(false);
      expect(allowing.check('169.254.169.254').allowed).toBe(false);
      expect(allowing.check('fe80::1').allowed).toBe(false);
    });
  });

  it('parses CIDRs and bare addresses, and refuses anything else', () => {
    expect(parseNetwork(' 10.0.0.0/8 ')[1]).toBe(8);
    expect(parseNetwork('::1')[1]).toBe(128);
    expect(parseNetwork('192.168.1.7')[1]).toBe(32);
    for (const bad of ['10.0.0.0/33', 'localhost', '10.0.0/8', '::1/129', '']) {
      expect(() => parseNetwork(bad)).toThrow(/not a CIDR/);
    }
  });
});

describe('OTPD_ALLOW_NETWORKS', () => {
  it('is empty by default and reads a comma-separated list', () => {
    expect(loadConfig({}).OTPD_ALLOW_NETWORKS).toEqual([]);
    expect(
      loadConfig({ OTPD_ALLOW_NETWORKS: '127.0.0.0/8, ::1/128,' }).OTPD_ALLOW_NETWORKS,
    ).toEqual(['127.0.0.0/8', '::1/128']);
  });

  it('stops start-up on an entry that is not a network, naming the variable', () => {
    expect(() => loadConfig({ OTPD_ALLOW_NETWORKS: '127.0.0.0/8,intranet' })).toThrow(ConfigError);
    expect(() => loadConfig({ OTPD_ALLOW_NETWORKS: '10.0.0.0/40' })).toThrow(
      /^OTPD_ALLOW_NETWORKS\.0: each entry must be a CIDR/m,
    );
  });
});
