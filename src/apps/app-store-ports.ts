import type { ApiKeyRecord, AppRecord } from '../ports/store-records.ts';

/** Apps and their API keys. Part of the `Store` port (src/ports/store.ts). */
export interface AppStore {
  createApp(app: AppRecord): Promise<void>;
  listApps(): Promise<AppRecord[]>;
  getApp(id: string): Promise<AppRecord | undefined>;
  /**
   * Gives an app a new name in one transaction that holds the app's row (no other rename
   * slips in between): the name it had just before and the app as it is now, or undefined
   * when there is no such app.
   */
  renameApp(id: string, name: string): Promise<{ before: string; app: AppRecord } | undefined>;
  createApiKey(key: ApiKeyRecord): Promise<void>;
  /** An app's keys, oldest first, revoked ones included. */
  listApiKeys(appId: string): Promise<ApiKeyRecord[]>;
  /** Marks the key revoked if it is not already; the key when this call revoked it. */
  revokeApiKey(id: string, now: number): Promise<ApiKeyRecord | undefined>;
  /**
   * Revokes the key `id` of app `appId` in one conditional UPDATE (a key of another app is
   * never touched). Undefined when the app has no such key; else the key as it now stands,
   * always revoked, and whether this call revoked it (false: it already was, at its
   * original time).
   */
  revokeAppApiKey(
    appId: string,
    id: string,
    now: number,
  ): Promise<{ key: ApiKeyRecord; revokedNow: boolean } | undefined>;
  /** The unrevoked key with this hash and its app. */
  findActiveApiKey(keyHash: string): Promise<{ key: ApiKeyRecord; app: AppRecord } | undefined>;
}
