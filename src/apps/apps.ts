import { createHash, randomBytes } from 'node:crypto';
import { newDialectIds } from '../dialects/domain/dialect-ids.ts';
import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import type { ApiKeyRecord, AppRecord } from '../ports/store.ts';
import { createAppNameCache } from './app-name-cache.ts';
import type { AppStore } from './app-store-ports.ts';
import { API_SCOPES, type ApiScope } from './domain/api-scopes.ts';
import { createPrincipalCache, type Principal } from './principal-cache.ts';

const KEY_PREFIX = 'otpd_';

/** API keys carry 256 random bits, so a fast hash is enough to store them (no stretching). */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

export type { Principal };

export interface IssuedKey {
  key: ApiKeyRecord;
  /** The plaintext key: returned once, never stored. */
  apiKey: string;
}

export interface AppServiceDeps {
  store: AppStore;
  clock: Clock;
  /**
   * How long a key this process found active is trusted before the store is asked again: the
   * most a revocation made elsewhere (the CLI, another instance) stays unseen. Revocations and
   * renames made through this service apply at once. 0 asks the store on every request.
   * App names (`appName`) are trusted as long.
   */
  keyRefreshMs?: number;
}

export function createAppService({ store, clock, keyRefreshMs = 0 }: AppServiceDeps) {
  const principals = createPrincipalCache(keyRefreshMs);
  const names = createAppNameCache(keyRefreshMs, async (id) => (await store.getApp(id))?.name);
  async function issueKey(appId: string, scopes: readonly ApiScope[]): Promise<IssuedKey> {
    const apiKey = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = clock.now();
    const key: ApiKeyRecord = {
      id: newId('key', now),
      appId,
      keyHash: hashApiKey(apiKey),
      prefix: apiKey.slice(0, KEY_PREFIX.length + 6),
      scopes: API_SCOPES.filter((s) => scopes.includes(s)),
      createdAt: now,
      revokedAt: null,
    };
    await store.createApiKey(key);
    return { key, apiKey };
  }

  async function addApp(name: string): Promise<AppRecord> {
    const now = clock.now();
    const app: AppRecord = {
      id: newId('app', now),
      name,
      createdAt: now,
      dialects: newDialectIds(),
    };
    await store.createApp(app);
    return app;
  }

  return {
    /** Creates an app with its first API key, which has every scope. */
    async createApp(name: string): Promise<{ app: AppRecord } & IssuedKey> {
      const app = await addApp(name);
      return { app, ...(await issueKey(app.id, API_SCOPES)) };
    },

    /** Creates an app with no key yet: its keys are then issued with the scopes each needs. */
    createAppWithoutKey: addApp,

    listApps: () => store.listApps(),
    getApp: (id: string) => store.getApp(id),
    /** The app's name, as messages are signed with it; undefined when there is no such app. */
    appName: (id: string) => names.nameOf(id, clock.now()),
    /** The name the app had and the app renamed, or undefined when there is no such app. */
    async renameApp(id: string, name: string) {
      const renamed = await store.renameApp(id, name);
      principals.forget((p) => p.app.id === id);
      names.forget(id);
      return renamed;
    },
    listKeys: (appId: string) => store.listApiKeys(appId),

    /**
     * A new key for an existing app, with `scopes` (default every scope); undefined when
     * the app does not exist.
     */
    async createKey(
      appId: string,
      scopes: readonly ApiScope[] = API_SCOPES,
    ): Promise<IssuedKey | undefined> {
      if (!(await store.getApp(appId))) return undefined;
      return issueKey(appId, scopes);
    },

    /** True when the key existed and was active. */
    async revokeKey(keyId: string) {
      const revoked = await store.revokeApiKey(keyId, clock.now());
      principals.forget((p) => p.keyId === keyId);
      return revoked;
    },

    /**
     * Revokes a key of `appId` (idempotent): the key, revoked, and whether this call did it;
     * undefined when the app has no such key.
     */
    async revokeAppKey(appId: string, keyId: string) {
      const revoked = await store.revokeAppApiKey(appId, keyId, clock.now());
      principals.forget((p) => p.keyId === keyId);
      return revoked;
    },

    /** The app a presented key belongs to, or undefined for an unknown or revoked key. */
    async authenticate(apiKey: string): Promise<Principal | undefined> {
      if (!apiKey.startsWith(KEY_PREFIX)) return undefined;
      const keyHash = hashApiKey(apiKey);
      const now = clock.now();
      const cached = principals.get(keyHash, now);
      if (cached) return cached;
      const generation = principals.generation();
      const found = await store.findActiveApiKey(keyHash);
      if (!found) return undefined;
      const principal = { app: found.app, keyId: found.key.id, scopes: found.key.scopes };
      principals.set(keyHash, principal, now, generation);
      return principal;
    },
  };
}

export type AppService = ReturnType<typeof createAppService>;
