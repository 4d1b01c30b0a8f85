import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Network = [Address, number];

/** The verdict on one resolved address; `range` names why (ipaddr.js's range names). */
export interface AddressVerdict {
  allowed: boolean;
  range: string;
}

/**
 * Parses `10.0.0.0/8`, `::1/128`, or a bare address (a network of one). Throws on anything
 * else, so a typo in OTPD_ALLOW_NETWORKS stops the process instead of allowing nothing.
 */
export function parseNetwork(text: string): Network {
  const trimmed = text.trim();
  // Four-part dotted IPv4 only: ipaddr.js also reads `10.0.0/8` and `0xa.1`, which are more
  // likely typos than intent in an operator's allow list.
  if (ipaddr.IPv4.isValidCIDRFourPartDecimal(trimmed) || ipaddr.IPv6.isValidCIDR(trimmed)) {
    return ipaddr.parseCIDR(trimmed);
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed) || ipaddr.IPv6.isValid(trimmed)) {
    const address = ipaddr.parse(trimmed);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  }
  throw new Error(`"${trimmed}" is not a CIDR network such as 10.0.0.0/8 or ::1/128`);
}

export function isNetwork(text: string): boolean {
  try {
    parseNetwork(text);
    return true;
  } catch {
    return false;
  }
}

const NAT64 = parseNetwork('64:ff9b::/96');

/**
 * The IPv4 address an IPv6 form stands for, when it embeds one a packet could reach:
 * IPv4-mapped (`::ffff:127.0.0.1`) and the well-known NAT64 prefix (`64:ff9b::7f00:1`,
 * what DNS64 returns on IPv6-only hosts). Other forms are judged as IPv6.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  if (address.match(NAT64)) {
    return new ipaddr.IPv4(address.toByteArray().slice(12));
  }
  return undefined;
}

function rangeOf(address: Address): string {
  if (address.kind() === 'ipv4') return address.range();
  const v6 = address as ipaddr.IPv6;
  const v4 = embeddedIPv4(v6);
  if (v4) return v4.range();
  const range = v6.range();
  // ::a.b.c.d, the deprecated IPv4-compatible form (RFC 4291 2.5.5.1): ipaddr.js calls it
  // unicast, but nothing public lives there and some stacks route it to IPv4.
  if (range === 'unicast' && v6.parts.slice(0, 6).every((part) => part === 0)) {
    return 'ipv4Compatible';
  }
  return range;
}

function inNetwork(address: Address, [network, bits]: Network): boolean {
  return address.kind() === network.kind() && address.match(network, bits);
}

/**
 * The guard's address rule, applied to every address a host resolves to. Fails closed: only
 * global unicast passes (loopback, private, link-local incl. 169.254.169.254, CGNAT,
 * unique-local, unspecified, multicast, broadcast, documentation, 6to4, Teredo and every other
 * special-purpose range are refused), and embedded IPv4 forms are judged as the IPv4 address
 * they carry. An operator-allowed network wins over the rule, matched against both forms.
 */
export function createAddressPolicy(allowNetworks: readonly string[]) {
  const allowed = allowNetworks.map(parseNetwork);
  return {
    check(text: string): AddressVerdict {
      let address: Address;
      try {
        address = ipaddr.parse(text);
      } catch {
        return { allowed: false, range: 'unparseable' };
      }
      const v4 = address.kind() === 'ipv6' ? embeddedIPv4(address as ipaddr.IPv6) : undefined;
      if (allowed.some((n) => inNetwork(address, n) || (v4 !== undefined && inNetwork(v4, n)))) {
        return { allowed: true, range: 'allowedNetwork' };
      }
      const range = rangeOf(address);
      return { allowed: range === 'unicast', range };
    },
  };
}

export type AddressPolicy = ReturnType<typeof createAddressPolicy>;
