import ipaddr from 'ipaddr.js';

export type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type Network = [Address, number];

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
