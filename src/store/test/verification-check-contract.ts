import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { AppRecord } from '../../ports/store.ts';
import type { VerificationRecord } from '../../verification/domain/verification.ts';
import type { VerificationStore } from '../../verification/verification-store-ports.ts';
import { type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees every adapter gives of `VerificationStore.recordCheck` (src/verification/
 * verification-store-ports.ts): one atomic step counts the attempt and decides, so no number
 * of concurrent checks gets past the attempt budget or approves twice (I2). Each test gets a
 * fresh, migrated store from `open`.
 */
export function describeVerificationCheckContract(
  name: string,
  open: () => Promise<StoreUnderTest>,
): void {
  describe(`VerificationStore contract, checks: ${name}`, () => {
    let store: VerificationStore;
    let clock: FakeClock;
    let app: AppRecord;
    let other: AppRecord;
    const { started } = withStoreFixture(open, (f) => ({ store, clock, app, other } = f));

    describe('recordCheck', () => {
      const check = (
        v: VerificationRecord,
        valid: boolean,
        extra: { now?: number; expectedSends?: number; appId?: string } = {},
      ) =>
        store.recordCheck({
          appId: extra.appId ?? v.appId,
          id: v.id,
          expectedSends: extra.expectedSends ?? v.sends,
          valid,
          now: extra.now ?? clock.now(),
        });

      it('counts a wrong check and stays pending', async () => {
        const { v } = await started();
        clock.advance(2_000);
        expect(await check(v, false)).toEqual({
          ...v,
          attempts: 1,
          updatedAt: clock.now(),
        });
      });

      it('approves a valid check, once', async () => {
        const { v } = await started();
        await check(v, false);
        clock.advance(2_000);
        expect(await check(v, true)).toEqual({
          ...v,
          status: 'approved',
          reason: 'code_matched',
          attempts: 2,
          approvedAt: clock.now(),
          updatedAt: clock.now(),
        });
        expect(await check(v, true)).toBeUndefined();
        expect(await check(v, false)).toBeUndefined();
        expect((await store.getVerification(app.id, v.id))?.attempts).toBe(2);
      });

      it('moves to max_attempts_reached on the last wrong check, then refuses', async () => {
        const { v } = await started({ maxAttempts: 3 });
        expect((await check(v, false))?.status).toBe('pending');
        expect((await check(v, false))?.status).toBe('pending');
        expect(await check(v, false)).toMatchObject({
          status: 'max_attempts_reached',
          reason: 'too_many_attempts',
          attempts: 3,
        });
        expect(await check(v, true)).toBeUndefined();
        expect((await store.getVerification(app.id, v.id))?.attempts).toBe(3);
      });

      it('approves a valid check on the last allowed attempt', async () => {
        const { v } = await started({ maxAttempts: 2 });
        await check(v, false);
        expect(await check(v, true)).toMatchObject({ status: 'approved', attempts: 2 });
      });

      it('refuses from the expiry instant on, writing nothing', async () => {
        const { v } = await started();
        expect(await check(v, true, { now: v.expiresAt })).toBeUndefined();
        expect(await check(v, false, { now: v.expiresAt + 1 })).toBeUndefined();
        expect(await check(v, false, { now: v.expiresAt - 1 })).toMatchObject({ attempts: 1 });
      });

      it('refuses a pending verification whose budget is already spent', async () => {
        const { v } = await started({ attempts: 3, maxAttempts: 3 });
        expect(await check(v, true)).toBeUndefined();
        expect(await check(v, false)).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
      });

      it('refuses a check decided against another send', async () => {
        const { v } = await started();
        expect(await check(v, true, { expectedSends: 2 })).toBeUndefined();
        expect(await check(v, true, { expectedSends: 0 })).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
      });

      it('refuses a finished verification', async () => {
        const { v } = await started();
        await store.finishVerification(app.id, v.id, 'canceled', 'canceled_by_app', clock.now());
        expect(await check(v, true)).toBeUndefined();
        expect((await store.getVerification(app.id, v.id))?.attempts).toBe(0);
      });

      it('refuses another app (I5)', async () => {
        const { v } = await started();
        expect(await check(v, true, { appId: other.id })).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
      });

      it('never counts more than maxAttempts under 100 concurrent wrong checks (I2)', async () => {
        const { v } = await started();
        const results = await Promise.all(Array.from({ length: 100 }, () => check(v, false)));
        const counted = results.filter((r) => r !== undefined);
        expect(counted).toHaveLength(5);
        expect(counted.map((r) => r?.attempts).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          attempts: 5,
          status: 'max_attempts_reached',
        });
      });

      it('approves exactly once under 100 concurrent valid checks (I2)', async () => {
        const { v } = await started();
        const results = await Promise.all(Array.from({ length: 100 }, () => check(v, true)));
        const approvals = results.filter((r) => r?.status === 'approved');
        expect(approvals).toHaveLength(1);
        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
        expect((await store.getVerification(app.id, v.id))?.attempts).toBe(1);
      });

      it('keeps the budget and a single approval under 100 mixed concurrent checks (I2)', async () => {
        const { v } = await started();
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, i) => check(v, i % 3 === 2)),
        );
        const counted = results.filter((r) => r !== undefined);
        expect(counted.length).toBeGreaterThanOrEqual(1);
        expect(counted.length).toBeLessThanOrEqual(5);
        expect(counted.filter((r) => r?.status === 'approved').length).toBeLessThanOrEqual(1);
        const final = await store.getVerification(app.id, v.id);
        expect(final?.attempts).toBe(counted.length);
        expect(final?.attempts).toBeLessThanOrEqual(final?.maxAttempts ?? 0);
      });
    });
  });
}
