import type { IncomingMessage } from 'node:http';
import { DIALECT_PREFIXES, type DialectHosts } from '../../kernel/dialect-hosts.ts';

// Health checks reach every instance under whatever name the load balancer uses.
const KEPT_AT_ROOT = new Set(['/healthz', '/readyz']);

/**
 * Fastify's `rewriteUrl`: a request whose Host is a dialect host is routed under that
 * dialect's prefix, so an SDK with a hard-coded host works once DNS points at otpd. Paths
 * already under the prefix and the health checks are left as they are.
 */
export function dialectHostRewrite(hosts: DialectHosts) {
  return (request: IncomingMessage): string => {
    const url = request.url ?? '/';
    if (hosts.size === 0) return url;
    const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    const dialect = hosts.get(host);
    if (!dialect) return url;
    const prefix = DIALECT_PREFIXES[dialect];
    const path = url.split('?')[0] ?? '';
    if (KEPT_AT_ROOT.has(path) || path === prefix || path.startsWith(`${prefix}/`)) return url;
    return `${prefix}${url.startsWith('/') ? '' : '/'}${url}`;
  };
}
