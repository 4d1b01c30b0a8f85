import { isIPv4, isIPv6 } from 'node:net';

/**
 * What an end user's IP is counted as by the per-IP limits: an IPv4 address as it is (an
 * IPv4-mapped IPv6 address as its IPv4 form), and an IPv6 address as its /64 network,
 * because one subscriber is usually given a whole /64 and could otherwise rotate through
 * 2^64 addresses. Undefined for anything that is not an IP address.
 */
export function clientIpSubject(ip: string): string | undefined {
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return undefined;
  const groups = expandIPv6(ip.split('%')[0] as string);
  const mapped = groups.slice(0, 6).join(':') === '0:0:0:0:0:ffff';
  if (mapped) {
    const [high, low] = [
      Number.parseInt(groups[6] as string, 16),
      Number.parseInt(groups[7] as string, 16),
    ];
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight groups of a valid IPv6 address, lower-case hex without leading zeros. */
function expandIPv6(ip: string): string[] {
  let text = ip.toLowerCase();
  // A trailing dotted IPv4 part becomes two hex groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}
