import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { AppStore } from '../../apps/app-store-ports.ts';
import { type AppDialectIds, newDialectIds } from '../../dialects/domain/dialect-ids.ts';
import { newId } from '../../kernel/ids.ts';
import type { AppRecord } from '../../ports/store.ts';
import { type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees every adapter gives of `AppStore` (src/apps/app-store-ports.ts): apps, their
 * dialect identities and their API keys, written against the port. Each test gets a fresh,
 * migrated store from `open`, holding two apps.
 */
export function describeAppStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`AppStore contract: ${name}`, () => {
    let store: AppStore;
    let clock: FakeClock;
    let app: AppRecord;
    let other: AppRecord;
    withStoreFixture(open, (f) => ({ store, clock, app, other } = f));

    describe('apps and API keys', () => {
      it('stores and lists apps', async () => {
        expect(await store.getApp(app.id)).toEqual(app);
        expect(await store.getApp('app_missing')).toBeUndefined();
        expect(await store.listApps()).toEqual([app, other]);
      });

      it('assigns fresh dialect identities to an app created without them', async () => {
        const bare = { id: newId('app', clock.now()), name: 'Bare', createdAt: clock.now() + 2 };
        await store.createApp(bare);
        const stored = await store.getApp(bare.id);
        expect(stored?.dialects?.twilioAccountSid).toMatch(/^AC[0-9a-f]{32}$/);
        expect(stored?.dialects?.twilioServiceSid).toMatch(/^VA[0-9a-f]{32}$/);
        expect(stored?.dialects?.beemAppId).toBeGreaterThanOrEqual(100_000_000);
        expect(stored?.dialects?.twilioAccountSid).not.toBe(app.dialects?.twilioAccountSid);
      });

      it('refuses a second app with a dialect identity already taken', async () => {
        const clash = (dialects: Partial<AppDialectIds>) =>
          store.createApp({
            id: newId('app', clock.now()),
            name: 'Clash',
            createdAt: clock.now(),
            dialects: { ...newDialectIds(), ...dialects },
          });
        await expect(clash({ twilioAccountSid: app.dialects?.twilioAccountSid })).rejects.toThrow();
        await expect(clash({ twilioServiceSid: app.dialects?.twilioServiceSid })).rejects.toThrow();
        await expect(clash({ beemAppId: app.dialects?.beemAppId })).rejects.toThrow();
        expect(await store.listApps()).toEqual([app, other]);
      });

      it('lists only the keys of the asked app (I5)', async () => {
        const key = apiKey(app.id, 'hash-a');
        await store.createApiKey(key);
        await store.createApiKey(apiKey(other.id, 'hash-b'));
        expect(await store.listApiKeys(app.id)).toEqual([key]);
        expect(await store.listApiKeys('app_missing')).toEqual([]);
      });

      it('keeps the scopes a key was made with, and a key with none has none', async () => {
        const none = { ...apiKey(app.id, 'hash-none'), scopes: [] };
        await store.createApiKey(none);
        expect((await store.findActiveApiKey('hash-none'))?.key.scopes).toEqual([]);
        await store.createApiKey(apiKey(app.id, 'hash-two'));
        expect((await store.findActiveApiKey('hash-two'))?.key.scopes).toEqual([
          'messages:read',
          'analytics:read',
        ]);
      });

      it('finds an unrevoked key by its hash, with its app', async () => {
        const key = apiKey(app.id, 'hash-a');
        await store.createApiKey(key);
        expect(await store.findActiveApiKey('hash-a')).toEqual({ key, app });
        expect(await store.findActiveApiKey('hash-unknown')).toBeUndefined();
      });

      it('revokes a key once; a revoked key is no longer found', async () => {
        const key = apiKey(app.id, 'hash-a');
        const kept = apiKey(app.id, 'hash-kept');
        await store.createApiKey(key);
        await store.createApiKey(kept);
        expect(await store.revokeApiKey(key.id, clock.now() + 5)).toMatchObject({
          id: key.id,
          appId: key.appId,
          revokedAt: clock.now() + 5,
        });
        expect(await store.revokeApiKey(key.id, clock.now() + 9)).toBeUndefined();
        expect(await store.revokeApiKey('key_missing', clock.now())).toBeUndefined();
        expect(await store.findActiveApiKey('hash-a')).toBeUndefined();
        expect(await store.findActiveApiKey('hash-kept')).toEqual({ key: kept, app });
        const listed = await store.listApiKeys(app.id);
        expect(listed.find((k) => k.id === key.id)?.revokedAt).toBe(clock.now() + 5);
        expect(listed.find((k) => k.id === kept.id)?.revokedAt).toBeNull();
      });

      it("renames an app, answering the name it had; another app's name stays", async () => {
        const renamed = await store.renameApp(app.id, 'Acme Bank');
        expect(renamed).toEqual({ before: 'Acme', app: { ...app, name: 'Acme Bank' } });
        expect(await store.getApp(app.id)).toEqual({ ...app, name: 'Acme Bank' });
        expect((await store.renameApp(app.id, 'Acme Pay'))?.before).toBe('Acme Bank');
        expect(await store.getApp(other.id)).toEqual(other);
        expect(await store.renameApp('app_missing', 'Ghost')).toBeUndefined();
        expect(await store.listApps()).toHaveLength(2);
      });

      it('renames one app many times at once, each rename answering the name it replaced', async () => {
        const names = Array.from({ length: 8 }, (_, i) => `Name ${i}`);
        const answers = await Promise.all(names.map((name) => store.renameApp(app.id, name)));
        // One chain from the first name to the last: no two renames replaced the same name.
        const befores = answers.map((a) => a?.before);
        const last = (await store.getApp(app.id))?.name;
        expect([...befores, last].sort()).toEqual(['Acme', ...names].sort());
      });

      it("revokes an app's key once, answers it revoked after, and never another app's key", async () => {
        const key = apiKey(app.id, 'hash-a');
        const foreign = apiKey(other.id, 'hash-b');
        await store.createApiKey(key);
        await store.createApiKey(foreign);
        const at = clock.now() + 5;
        expect(await store.revokeAppApiKey(app.id, key.id, at)).toEqual({
          key: { ...key, revokedAt: at },
          revokedNow: true,
        });
        expect(await store.revokeAppApiKey(app.id, key.id, at + 10)).toEqual({
          key: { ...key, revokedAt: at },
          revokedNow: false,
        });
        expect(await store.findActiveApiKey('hash-a')).toBeUndefined();
        expect(await store.revokeAppApiKey(app.id, foreign.id, at)).toBeUndefined();
        expect(await store.revokeAppApiKey(app.id, 'key_missing', at)).toBeUndefined();
        expect(await store.findActiveApiKey('hash-b')).toEqual({ key: foreign, app: other });
      });

      let keys = 0;
      function apiKey(appId: string, keyHash: string) {
        const createdAt = clock.now() + keys++;
        return {
          id: newId('key', createdAt),
          appId,
          keyHash,
          prefix: 'otpd_abc',
          scopes: ['messages:read' as const, 'analytics:read' as const],
          createdAt,
          revokedAt: null,
        };
      }
    });
  });
}
