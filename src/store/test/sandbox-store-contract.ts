import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import { newId } from '../../kernel/ids.ts';
import type { AppRecord, SandboxMessage } from '../../ports/store.ts';
import type { SandboxStore } from '../../verification/sandbox-store-ports.ts';
import { type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees every adapter gives of `SandboxStore` (src/verification/sandbox-store-ports.ts):
 * the messages the sandbox provider captured, listed per app and purged by age. Each test gets
 * a fresh, migrated store from `open`.
 */
export function describeSandboxStoreContract(
  name: string,
  open: () => Promise<StoreUnderTest>,
): void {
  describe(`SandboxStore contract: ${name}`, () => {
    let store: SandboxStore;
    let clock: FakeClock;
    let app: AppRecord;
    let other: AppRecord;
    const { started } = withStoreFixture(open, (f) => ({ store, clock, app, other } = f));

    describe('sandbox messages', () => {
      it("lists an app's messages newest first, filtered by destination and limited", async () => {
        const { v } = await started();
        const message = (to: string, at: number, appId = app.id): SandboxMessage => ({
          id: newId('msg', at),
          appId,
          verificationId: v.id,
          to,
          channel: 'sms',
          body: `Your code is ${at % 10_000}`,
          createdAt: at,
        });
        const t = clock.now();
        const m1 = message('+905551234567', t);
        const m2 = message('+447911123456', t + 1);
        const m3 = message('+905551234567', t + 2);
        const foreign = message('+905551234567', t + 3, other.id);
        for (const m of [m2, foreign, m1, m3]) await store.insertSandboxMessage(m);

        expect(await store.listSandboxMessages(app.id, { limit: 10 })).toEqual([m3, m2, m1]);
        expect(
          await store.listSandboxMessages(app.id, { to: ['+905551234567'], limit: 10 }),
        ).toEqual([m3, m1]);
        expect(await store.listSandboxMessages(app.id, { limit: 2 })).toEqual([m3, m2]);
        expect(await store.listSandboxMessages(other.id, { limit: 10 })).toEqual([foreign]);
        expect(
          await store.listSandboxMessages(app.id, {
            to: ['+14155550100', '14155550100'],
            limit: 10,
          }),
        ).toEqual([]);
      });

      it('purges the messages made before a time, of every app, and nothing newer', async () => {
        const { v } = await started();
        const t = clock.now();
        const message = (at: number, appId = app.id): SandboxMessage => ({
          id: newId('msg', at),
          appId,
          verificationId: v.id,
          to: '+905551234567',
          channel: 'sms',
          body: 'Your code is 123456',
          createdAt: at,
        });
        const [old, foreignOld, boundary, fresh] = [
          message(t - 10),
          message(t - 5, other.id),
          message(t),
          message(t + 10),
        ];
        for (const m of [old, foreignOld, boundary, fresh]) await store.insertSandboxMessage(m);
        expect(await store.purgeSandboxMessages(t)).toBe(2);
        expect(await store.listSandboxMessages(app.id, { limit: 10 })).toEqual([fresh, boundary]);
        expect(await store.listSandboxMessages(other.id, { limit: 10 })).toEqual([]);
        expect(await store.purgeSandboxMessages(t)).toBe(0);
      });
    });
  });
}
