/** The compatible APIs and the prefix each is mounted under. */
export const DIALECT_PREFIXES = {
  twilio: '/twilio',
  beem: '/beem',
  convertalk: '/convertalk',
  diyalog: '/diyalog',
} as const;
export type Dialect = keyof typeof DIALECT_PREFIXES;

/** Host name (lower case, no port) → the dialect its root requests speak. */
export type DialectHosts = ReadonlyMap<string, Dialect>;

const HOST =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Parses `OTPD_DIALECT_HOSTS` entries such as `beem=otp.example.com`; returns the map or the
 * message of the first bad entry.
 */
export function parseDialectHosts(entries: readonly string[]): DialectHosts | string {
  const hosts = new Map<string, Dialect>();
  for (const entry of entries) {
    const [dialect, rawHost, ...rest] = entry.split('=');
    const host = rawHost?.trim().toLowerCase() ?? '';
    const known = dialect !== undefined && Object.hasOwn(DIALECT_PREFIXES, dialect.trim());
    if (rawHost === undefined || rest.length > 0 || !known) {
      return `"${entry}": each entry is DIALECT=HOST with DIALECT one of ${Object.keys(DIALECT_PREFIXES).join(', ')}`;
    }
    if (!HOST.test(host)) return `"${entry}": ${host || 'the host'} is not a host name`;
    if (hosts.has(host)) return `"${entry}": ${host} is given twice`;
    hosts.set(host, (dialect as string).trim() as Dialect);
  }
  return hosts;
}
