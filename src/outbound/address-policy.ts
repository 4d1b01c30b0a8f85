import ipaddr from 'ipaddr.js';
import { type Address, type Network, parseNetwork } from '../kernel/networks.ts';

/** The verdict on one resolved address; `range` names why (ipaddr.js's range names). */
export interface AddressVerdict {
  allowed: boolean;
  range: string;
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
