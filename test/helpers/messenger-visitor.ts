import { parseSetCookie } from 'cookie';
import type { ApiResponse } from './http-client.ts';

/**
 * A browser visiting an app's messenger: keeps the cookies otpd sets (and drops those it
 * clears), sends them back, and may come from a given address through a trusted proxy.
 */
export function createVisitor(baseUrl: string, appId: string, options: { ip?: string } = {}) {
  const jar = new Map<string, string>();
  const prefix = `${baseUrl}/messenger/${appId}/api`;

  async function request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const all: Record<string, string> = { ...headers };
    if (jar.size > 0) all.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.ip) all['x-forwarded-for'] = options.ip;
    if (body !== undefined) all['content-type'] = 'application/json';
    const response = await fetch(`${prefix}${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(line);
      if (cookie.maxAge === 0 || cookie.value === '') jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value ?? '');
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  return {
    cookies: jar,
    request,
    get: <T = any>(path: string, headers?: Record<string, string>) =>
      request<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      request<T>('POST', path, body, headers),
  };
}

export type Visitor = ReturnType<typeof createVisitor>;
