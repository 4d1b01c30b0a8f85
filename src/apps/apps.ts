import { createHash, randomBytes } from 'node:crypto';
import { newDialectIds } from '../dialects/domain/dialect-ids.ts';
import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import type { ApiKeyRecord, AppRecord } from '../ports/store.ts';
import type { AppStore } from './app-store-ports.ts';
import { API_SCOPES, type ApiScope } from './domain/api-scopes.ts';

const KEY_PREFIX = 'otpd_';

/** API keys carry 256 random bits, so a fast hash is enough to store them (no stretching). */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

export interface Principal {
  app: AppRecord;
  keyId: string;
  /** What the presented key may do. */
  scopes: readonly ApiScope[];
}

export interface IssuedKey {
  key: ApiKeyRecord;
  /** The plaintext key: returned once, never stored. */
  apiKey: string;
}

export function createAppService({ store, clock }: { store: AppStore; clock: Clock }) {
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
    /** The name the app had and the app renamed, or undefined when there is no such app. */
    renameApp: (id: string, name: string) => store.renameApp(id, name),
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
    revokeKey: (keyId: string) => store.revokeApiKey(keyId, clock.now()),

    /**
     * Revokes a key of `appId` (idempotent): the key, revoked, and whether this call did it;
     * undefined when the app has no such key.
     */
    revokeAppKey: (appId: string, keyId: string) =>
      store.revokeAppApiKey(appId, keyId, clock.now()),

    /** The app a presented key belongs to, or undefined for an unknown or revoked key. */
    async authenticate(apiKey: string): Promise<Principal | undefined> {
      if (!apiKey.startsWith(KEY_PREFIX)) return undefined;
      const found = await store.findActiveApiKey(hashApiKey(apiKey));
      return found && { app: found.app, keyId: found.key.id, scopes: found.key.scopes };
    },
  };
}

export type AppService = ReturnType<typeof createAppService>;
