import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'otpd_messenger';
export const GATE_COOKIE = 'otpd_messenger_gate';

/**
 * Cookie attributes. The messenger runs as a page of otpd, often inside an iframe on the
 * business's site, where the page is a third party: a browser sends a cookie there only if
 * it is `SameSite=None; Secure`, and with third-party cookies phased out only if it is also
 * `Partitioned` (CHIPS: kept per top-level site, so it cannot track the visitor across
 * sites). That takes https; over plain http (a local trial) `Secure` cookies are dropped,
 * so there the cookie is `SameSite=Lax` and works on the hosted page only. Always HttpOnly
 * (no script reads it) and scoped to the app's messenger path.
 */
function attributes(request: FastifyRequest, appId: string) {
  const https = request.protocol === 'https';
  return {
    httpOnly: true,
    path: `/messenger/${encodeURIComponent(appId)}/`,
    ...(https
      ? { secure: true, sameSite: 'none' as const, partitioned: true }
      : { sameSite: 'lax' as const }),
  };
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  return header ? parseCookie(header)[name] : undefined;
}

export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  appId: string,
  cookie: { name: string; value: string; expiresAt: number },
): void {
  const line = stringifySetCookie({
    name: cookie.name,
    value: cookie.value,
    expires: new Date(cookie.expiresAt),
    ...attributes(request, appId),
  });
  reply.header('set-cookie', [...headerList(reply), line]);
}

export function clearCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  appId: string,
  name: string,
): void {
  const line = stringifySetCookie({ name, value: '', maxAge: 0, ...attributes(request, appId) });
  reply.header('set-cookie', [...headerList(reply), line]);
}

function headerList(reply: FastifyReply): string[] {
  const current = reply.getHeader('set-cookie');
  if (current === undefined) return [];
  return Array.isArray(current) ? current.map(String) : [String(current)];
}
