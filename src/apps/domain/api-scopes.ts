/**
 * What an API key may do. A key carries a set of these; every route that takes a key names
 * the one scope it needs (http/auth.ts), and a call outside the key's set is refused with
 * `insufficient_scope`. The names are a stable contract: add new ones, never rename.
 */
export const API_SCOPES = [
  'verifications',
  'messages:read',
  'settings:read',
  'settings:write',
  'conversations',
  'analytics:read',
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/**
 * Scopes as stored: space-separated (the form of OAuth's `scope`). Names this version does
 * not know are dropped, so a key never gains a right from a name it cannot enforce.
 */
export function parseStoredScopes(stored: string): ApiScope[] {
  const names = new Set(stored.split(' ').filter(isApiScope));
  return API_SCOPES.filter((s) => names.has(s));
}

export function storedScopes(scopes: readonly ApiScope[]): string {
  return API_SCOPES.filter((s) => scopes.includes(s)).join(' ');
}
