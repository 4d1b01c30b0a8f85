import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { AppStore } from '../../apps/app-store-ports.ts';
import type { AppRecord } from '../../ports/store.ts';
import type { SettingsStore } from '../../settings/settings-store-ports.ts';
import { type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees every adapter gives of `SettingsStore` (src/settings/settings-store-ports.ts):
 * an app's settings document, replaced whole under a revision. The apps' own reads show the
 * settings leave the app record alone. Each test gets a fresh, migrated store from `open`.
 */
export function describeSettingsStoreContract(
  name: string,
  open: () => Promise<StoreUnderTest>,
): void {
  describe(`SettingsStore contract: ${name}`, () => {
    let store: SettingsStore & AppStore;
    let clock: FakeClock;
    let app: AppRecord;
    let other: AppRecord;
    withStoreFixture(open, (f) => ({ store, clock, app, other } = f));

    describe('app settings', () => {
      it('starts with no settings at revision 0, and knows no settings of a missing app', async () => {
        expect(await store.getAppSettings(app.id)).toEqual({
          json: null,
          revision: 0,
          updatedAt: null,
        });
        expect(await store.getAppSettings('app_missing')).toBeUndefined();
      });

      it("replaces one app's settings whole, counting revisions; the other app keeps its own (I5)", async () => {
        expect(await store.replaceAppSettings(other.id, '{"other":true}', clock.now())).toBe(1);
        expect(await store.replaceAppSettings(app.id, '{"a":1}', clock.now() + 1)).toBe(1);
        expect(await store.replaceAppSettings(app.id, '{"b":2}', clock.now() + 2)).toBe(2);
        expect(await store.getAppSettings(app.id)).toEqual({
          json: '{"b":2}',
          revision: 2,
          updatedAt: clock.now() + 2,
        });
        expect(await store.getAppSettings(other.id)).toEqual({
          json: '{"other":true}',
          revision: 1,
          updatedAt: clock.now(),
        });
        // Settings change nothing about the app record.
        expect(await store.getApp(app.id)).toEqual(app);
        expect(await store.listApps()).toEqual([app, other]);
      });

      it('writes nothing for a missing app', async () => {
        expect(await store.replaceAppSettings('app_missing', '{}', clock.now())).toBeUndefined();
        expect(await store.getAppSettings('app_missing')).toBeUndefined();
      });

      it('replaces only on the expected revision: of two racing writers exactly one wins', async () => {
        expect(await store.replaceAppSettings(app.id, '{"v":0}', clock.now(), 0)).toBe(1);
        expect(await store.replaceAppSettings(app.id, '{"stale":true}', clock.now(), 0)).toBe(
          undefined,
        );
        const results = await Promise.all(
          ['{"x":1}', '{"y":2}', '{"z":3}'].map((json) =>
            store.replaceAppSettings(app.id, json, clock.now() + 5, 1),
          ),
        );
        expect(results.filter((r) => r === 2)).toHaveLength(1);
        expect(results.filter((r) => r === undefined)).toHaveLength(2);
        const stored = await store.getAppSettings(app.id);
        expect(stored?.revision).toBe(2);
        expect(['{"x":1}', '{"y":2}', '{"z":3}']).toContain(stored?.json);
      });
    });
  });
}
