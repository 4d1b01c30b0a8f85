import type { StoredAppSettings } from '../ports/store-records.ts';

/** An app's settings document, replaced whole under a revision. Part of the `Store` port (src/ports/store.ts). */
export interface SettingsStore {
  /** An app's settings as stored, read in one statement; undefined when there is no such app. */
  getAppSettings(appId: string): Promise<StoredAppSettings | undefined>;
  /**
   * Replaces an app's settings whole in one conditional UPDATE: stores `json`, sets the
   * update time and counts a revision — only if the app exists and, when `expectedRevision`
   * is given, its revision still is that one (compare-and-swap, so a read-modify-write never
   * overwrites a replacement it did not see). Returns the new revision, or undefined when
   * nothing was written (no such app, or another replacement came first).
   */
  replaceAppSettings(
    appId: string,
    json: string,
    now: number,
    expectedRevision?: number,
  ): Promise<number | undefined>;
}
