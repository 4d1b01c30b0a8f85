import { type Api, ApiProblem, NetworkError } from './api.ts';
import type { Phrase } from './catalogue.ts';

/**
 * The scopes a key may carry, in the server's order (src/apps/domain/api-scopes.ts; a unit test
 * keeps the two lists equal).
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

export interface ConsoleApp {
  id: string;
  name: string;
  createdAt: string;
}

/** A key as listed: never the key itself. */
export interface ApiKey {
  id: string;
  appId: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: string;
  revokedAt: string | null;
}

/** A key just issued: `apiKey` is in this answer only. */
export interface IssuedKey {
  key: ApiKey;
  apiKey: string;
}

const app = (appId: string) => `apps/${encodeURIComponent(appId)}`;

/** The Apps & keys page's calls to `/console/api/apps…`. */
export function appsKeysApi(api: Api) {
  return {
    apps: () => api.request<{ data: ConsoleApp[] }>('GET', 'apps').then((r) => r.data),
    createApp: (name: string) => api.request<ConsoleApp>('POST', 'apps', { name }),
    renameApp: (appId: string, name: string) =>
      api.request<ConsoleApp>('PATCH', app(appId), { name }),
    keys: (appId: string) =>
      api.request<{ data: ApiKey[] }>('GET', `${app(appId)}/keys`).then((r) => r.data),
    createKey: (appId: string, scopes: ApiScope[]) =>
      api.request<IssuedKey>('POST', `${app(appId)}/keys`, { scopes }),
    revokeKey: (appId: string, keyId: string) =>
      api.request<ApiKey>('POST', `${app(appId)}/keys/${encodeURIComponent(keyId)}/revoke`),
  };
}

export type AppsKeysApi = ReturnType<typeof appsKeysApi>;

/**
 * What to say of a refused change: `invalid` for bad input; an ended session is passed on
 * to `onProblem` (back to sign-in) as well.
 */
export function refusal(
  problem: unknown,
  invalid: Phrase,
  onProblem: (p: unknown) => void,
): Phrase {
  onProblem(problem);
  if (problem instanceof NetworkError) return 'network';
  if (!(problem instanceof ApiProblem)) return 'failed';
  if (problem.status === 400) return invalid;
  if (problem.status === 403) return 'appsNotAllowed';
  if (problem.status === 404) return 'appsGone';
  return 'failed';
}
