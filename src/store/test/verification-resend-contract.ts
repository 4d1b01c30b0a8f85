import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { AppRecord, OutboxJob } from '../../ports/store.ts';
import type { VerificationRecord } from '../../verification/domain/verification.ts';
import type { VerificationStore } from '../../verification/verification-store-ports.ts';
import type { JobQueue } from '../../workers/job-queue-ports.ts';
import { LEASE_MS, type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees every adapter gives of `VerificationStore` (src/verification/
 * verification-store-ports.ts) once a code is out: a resend swaps the queued job for a new
 * code's, a delivery receipt counts only for the newest code, and a failover resends once per
 * provider. The job queue (src/workers/job-queue-ports.ts) hands out and completes the jobs.
 * Each test gets a fresh, migrated store from `open`.
 */
export function describeVerificationResendContract(
  name: string,
  open: () => Promise<StoreUnderTest>,
): void {
  describe(`VerificationStore contract, resends and receipts: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: VerificationStore & JobQueue;
    let clock: FakeClock;
    let app: AppRecord;
    let other: AppRecord;
    const { verification, job, started, claimIds } = withStoreFixture(
      open,
      (f) => ({ subject, store, clock, app, other } = f),
    );

    describe('resendVerification', () => {
      async function resend(
        v: VerificationRecord,
        extra: { now?: number; expectedSends?: number; appId?: string } = {},
      ) {
        const now = extra.now ?? clock.now();
        const next = job(v, { createdAt: now });
        const result = await store.resendVerification({
          appId: extra.appId ?? v.appId,
          id: v.id,
          expectedSends: extra.expectedSends ?? v.sends,
          codeHash: 'hash-2',
          codeKeyId: 'key-2',
          job: next,
          now,
        });
        return { result, next };
      }

      it('replaces the code, counts a send, keeps the attempts, and swaps the queued job', async () => {
        const { v, j } = await started();
        await store.recordCheck({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          valid: false,
          now: clock.now(),
        });
        clock.advance(30_000);
        const { result, next } = await resend(v);
        expect(result).toEqual({
          ...v,
          codeHash: 'hash-2',
          codeKeyId: 'key-2',
          sends: 2,
          attempts: 1,
          lastSentAt: clock.now(),
          updatedAt: clock.now(),
          deliveryStatus: 'queued',
          deliveryProvider: null,
          deliveryUpdatedAt: clock.now(),
        });
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
        });
        expect(await claimIds()).toEqual([next.id]);
      });

      it('cancels the old job even while a dispatcher holds it', async () => {
        const { v, j } = await started();
        expect(await claimIds()).toEqual([j.id]);
        clock.advance(30_000);
        const { next } = await resend(v);
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
        });
        clock.advance(LEASE_MS);
        expect(await claimIds()).toEqual([next.id]);
      });

      it('waits for the cooldown, to the millisecond', async () => {
        const { v, j } = await started();
        const early = await resend(v, { now: v.lastSentAt + v.resendCooldownMs - 1 });
        expect(early.result).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        expect(await claimIds(v.lastSentAt + v.resendCooldownMs - 1)).toEqual([j.id]);
        const onTime = await resend(v, { now: v.lastSentAt + v.resendCooldownMs });
        expect(onTime.result?.sends).toBe(2);
      });

      it('stops at the send budget', async () => {
        const { v } = await started({ maxSends: 2, resendCooldownMs: 0 });
        expect((await resend(v)).result?.sends).toBe(2);
        const refused = await resend({ ...v, sends: 2 });
        expect(refused.result).toBeUndefined();
        expect(await claimIds()).not.toContain(refused.next.id);
        expect((await store.getVerification(app.id, v.id))?.sends).toBe(2);
      });

      it("refuses a stale expectedSends, an expired, a finished or another app's verification", async () => {
        const { v } = await started({ resendCooldownMs: 0 });
        expect((await resend(v, { expectedSends: 2 })).result).toBeUndefined();
        expect((await resend(v, { now: v.expiresAt })).result).toBeUndefined();
        expect((await resend(v, { appId: other.id })).result).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);

        await store.finishVerification(app.id, v.id, 'canceled', 'canceled_by_app', clock.now());
        const refused = await resend(v);
        expect(refused.result).toBeUndefined();
        expect(await claimIds()).toEqual([]);
        expect(await subject.readJob(refused.next.id)).toBeUndefined();
      });
    });

    describe('delivery receipts', () => {
      /** A verification whose first code `provider` took. */
      async function handedTo(provider: string, overrides: Partial<VerificationRecord> = {}) {
        const { v, j } = await started(overrides);
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 1);
        expect(claimed?.id).toBe(j.id);
        await store.completeJob(claimed as OutboxJob, { provider, now: clock.now() });
        return v;
      }

      const receipt = (
        v: VerificationRecord,
        provider: string,
        status: 'delivered' | 'undelivered' | 'failed',
      ) => ({ appId: v.appId, verificationId: v.id, provider, status, now: clock.now() });

      it('records the newest code’s receipt; delivered beats undelivered, never the reverse', async () => {
        const v = await handedTo('gw-a');
        clock.advance(1_000);
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-b', 'delivered'))).toBe(false);
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'undelivered'))).toBe(true);
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          deliveryStatus: 'undelivered',
          deliveryProvider: 'gw-a',
          deliveryUpdatedAt: clock.now(),
        });
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'failed'))).toBe(false);
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'delivered'))).toBe(true);
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'undelivered'))).toBe(false);
        expect((await store.getVerification(app.id, v.id))?.deliveryStatus).toBe('delivered');
      });

      it('writes nothing while a newer code is queued, or for another app (I5)', async () => {
        const v = await handedTo('gw-a', { resendCooldownMs: 0 });
        expect(
          await store.recordDeliveryReceipt({
            ...receipt(v, 'gw-a', 'delivered'),
            appId: other.id,
          }),
        ).toBe(false);
        await store.resendVerification({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          codeHash: 'hash-2',
          codeKeyId: 'key-2',
          job: job(v),
          now: clock.now(),
        });
        expect(await store.recordDeliveryReceipt(receipt(v, 'gw-a', 'delivered'))).toBe(false);
        expect((await store.getVerification(app.id, v.id))?.deliveryStatus).toBe('queued');
      });

      function failover(v: VerificationRecord, failedProvider: string, appId = v.appId) {
        const next = job(v, { afterProvider: failedProvider });
        return {
          next,
          result: store.failoverVerification({
            appId,
            id: v.id,
            failedProvider,
            codeHash: 'hash-f',
            codeKeyId: 'key-f',
            job: next,
            now: clock.now(),
          }),
        };
      }

      it('fails over like a resend, past the cooldown and the send budget', async () => {
        const v = await handedTo('gw-a', { maxSends: 1 });
        clock.advance(1_000);
        const { result, next } = failover(v, 'gw-a');
        expect(await result).toMatchObject({
          codeHash: 'hash-f',
          codeKeyId: 'key-f',
          sends: 2,
          lastSentAt: clock.now(),
          deliveryStatus: 'queued',
          deliveryProvider: null,
        });
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(claimed).toMatchObject({ id: next.id, afterProvider: 'gw-a' });
      });

      it('fails over at most once per provider, even after a resend to the same one', async () => {
        const v = await handedTo('gw-a', { resendCooldownMs: 0 });
        expect(await failover(v, 'gw-a').result).toBeDefined();
        // The failover job reached gw-a again (the settings changed), then a resend too.
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        await store.completeJob(claimed as OutboxJob, { provider: 'gw-a', now: clock.now() });
        expect(await failover(v, 'gw-a').result).toBeUndefined();
        expect((await store.getVerification(app.id, v.id))?.sends).toBe(2);
        expect(await claimIds()).toEqual([]);
      });

      it('lets exactly one of many racing failovers through', async () => {
        const v = await handedTo('gw-a');
        const results = await Promise.all(
          Array.from({ length: 20 }, () => failover(v, 'gw-a').result),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store.getVerification(app.id, v.id))?.sends).toBe(2);
        expect(await claimIds()).toHaveLength(1);
      });

      it("refuses another provider's receipt, a queued code, a finished, expired or other app's verification", async () => {
        const v = await handedTo('gw-a');
        expect(await failover(v, 'gw-b').result).toBeUndefined();
        expect(await failover(v, 'gw-a', other.id).result).toBeUndefined();
        clock.advance(v.expiresAt - clock.now());
        expect(await failover(v, 'gw-a').result).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toMatchObject({ sends: 1 });

        const done = await handedTo('gw-a');
        await store.finishVerification(app.id, done.id, 'canceled', 'canceled_by_app', clock.now());
        expect(await failover(done, 'gw-a').result).toBeUndefined();

        const queued = verification();
        const first = job(queued);
        await store.createVerification(queued, first);
        expect(await failover(queued, 'gw-a').result).toBeUndefined();
        expect(await claimIds()).toEqual([first.id]);
      });
    });
  });
}
