import { Secret, TOTP } from 'otpauth';
import type { Clock } from '../../src/kernel/clock.ts';
import type { TestServer } from './harness.ts';

export const ADMIN_PASSWORD = 'correct horse battery staple 42';

/** An admin made through the service, as `otpd admins create` does. */
export async function createAdmin(
  server: TestServer,
  email: string,
  options: { role?: string; appIds?: string[]; password?: string } = {},
) {
  const result = await server.deps.console.admins.create({
    email,
    role: options.role ?? 'owner',
    appIds: options.appIds ?? [],
    password: options.password ?? ADMIN_PASSWORD,
  });
  if (!result.created) throw new Error(result.reason);
  return result.admin;
}

/** A browser's view of the console: its cookie, its CSRF token, JSON calls. */
export function consoleClient(baseUrl: string) {
  let cookie = '';
  let csrf = '';
  async function call(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) {
    const headers: Record<string, string> = { ...extra };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) {
      const value = setCookie.split(';')[0]?.split('=')[1] ?? '';
      cookie = value ? `otpd_console=${value}` : '';
    }
    const text = await response.text();
    const json =
      text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
    if (json && typeof json === 'object' && typeof json.csrfToken === 'string')
      csrf = json.csrfToken;
    return { status: response.status, body: json, headers: response.headers };
  }
  return {
    call,
    login: (email: string, password = ADMIN_PASSWORD, totp?: string) =>
      call('POST', '/console/api/login', { email, password, ...(totp ? { totp } : {}) }),
    /** A change, with the session's CSRF token unless told otherwise. */
    change: (path: string, body?: unknown, token: string | null = csrf) =>
      call('POST', path, body, token === null ? {} : { 'x-csrf-token': token }),
    get cookie() {
      return cookie;
    },
    get csrf() {
      return csrf;
    },
  };
}

/** The code an authenticator app would show now for an otpauth URI's secret. */
export function totpCode(secretBase32: string, clock: Clock, offsetMs = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    timestamp: clock.now() + offsetMs,
  });
}
