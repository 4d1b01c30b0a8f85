import { describe, expect, it } from 'vitest';
import type { AppRecord, Store } from '../../ports/store.ts';
import { type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees of the `Store` as a whole (src/ports/store.ts) that belong to no one of its
 * ports: migrating and answering ping. Each port's own guarantees have a contract of their own
 * (app-store-contract.ts, verification-store-contract.ts, job-queue-contract.ts …), and every
 * adapter's test file runs them all. Each test gets a fresh, migrated store from `open`.
 */
export function describeStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let app: AppRecord;
    withStoreFixture(open, (f) => ({ store, app } = f));

    describe('lifecycle', () => {
      it('migrates again without harm and answers ping', async () => {
        await store.migrate();
        await Promise.all([store.migrate(), store.migrate()]);
        await expect(store.ping()).resolves.toBeUndefined();
        expect(await store.getApp(app.id)).toEqual(app);
      });
    });
  });
}
