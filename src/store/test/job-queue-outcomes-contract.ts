import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import { newId } from '../../kernel/ids.ts';
import type { AppRecord } from '../../ports/store.ts';
import type { VerificationStore } from '../../verification/verification-store-ports.ts';
import type { JobQueue } from '../../workers/job-queue-ports.ts';
import { LEASE_MS, type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees every adapter gives of `JobQueue`, the outbox (src/workers/job-queue-ports.ts),
 * for a job's outcome: completing, failing or canceling a job erases its ciphertext and moves its
 * verification (src/verification/verification-store-ports.ts) along, and only the claim that
 * holds the job may do so. Each test gets a fresh, migrated store from `open`.
 */
export function describeJobQueueOutcomesContract(
  name: string,
  open: () => Promise<StoreUnderTest>,
): void {
  describe(`JobQueue contract, outcomes: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: JobQueue & VerificationStore;
    let clock: FakeClock;
    let app: AppRecord;
    const { job, started, claimIds } = withStoreFixture(
      open,
      (f) => ({ subject, store, clock, app } = f),
    );

    describe('outbox', () => {
      it('completes a job: sent, ciphertext erased, verification delivered', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        clock.advance(700);
        await store.completeJob(claimed, { provider: 'twilio', now: clock.now() });
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'sent',
          codeCiphertext: null,
          leaseUntil: null,
          updatedAt: clock.now(),
        });
        expect(await store.getVerification(app.id, v.id)).toEqual({
          ...v,
          deliveryStatus: 'sent',
          deliveryProvider: 'twilio',
          deliveryUpdatedAt: clock.now(),
        });
        expect(await claimIds(clock.now() + LEASE_MS)).toEqual([]);
      });

      it("keeps a code-making sender's reference with the delivery, and a resend clears it", async () => {
        const { v, j } = await started({ externalCode: true, codeHash: '', codeKeyId: '' });
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.completeJob(claimed, {
          provider: 'verify',
          now: clock.now(),
          reference: 'VE-1',
        });
        expect(await subject.readJob(j.id)).toMatchObject({ status: 'sent' });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          externalCode: true,
          codeReference: 'VE-1',
          deliveryStatus: 'sent',
        });

        clock.advance(30_000);
        const resent = await store.resendVerification({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          codeHash: '',
          codeKeyId: '',
          job: job(v, { id: newId('job', clock.now()), createdAt: clock.now() }),
          now: clock.now(),
        });
        expect(resent).toMatchObject({ sends: 2, codeReference: null, externalCode: true });
        const [again] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!again) throw new Error('nothing claimed');
        await store.completeJob(again, { provider: 'verify', now: clock.now(), reference: 'VE-2' });
        expect((await store.getVerification(app.id, v.id))?.codeReference).toBe('VE-2');
      });

      it('leaves the code reference alone when a delivery names none', async () => {
        const { v } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.completeJob(claimed, { provider: 'twilio', now: clock.now() });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          externalCode: false,
          codeReference: null,
        });
      });

      it('fails a job: ciphertext erased, a pending verification failed with delivery_failed', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        clock.advance(700);
        await store.failJob(claimed, 'sms: rejected', clock.now());
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'failed',
          codeCiphertext: null,
          leaseUntil: null,
          lastError: 'sms: rejected',
        });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'failed',
          reason: 'delivery_failed',
          deliveryStatus: 'failed',
          deliveryUpdatedAt: clock.now(),
        });
        expect(await claimIds(clock.now() + LEASE_MS)).toEqual([]);
      });

      it('fails a job without touching a verification that is no longer pending', async () => {
        const { v } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.recordCheck({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          valid: true,
          now: clock.now(),
        });
        await store.failJob(claimed, 'sms: rejected', clock.now());
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'approved',
          reason: 'code_matched',
        });
        expect((await subject.readJob(claimed.id))?.codeCiphertext).toBeNull();
      });

      it('cancels a job: ciphertext erased, never claimed again', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.cancelJob(claimed, clock.now());
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
          leaseUntil: null,
        });
        expect(await claimIds(clock.now() + LEASE_MS)).toEqual([]);
        expect((await store.getVerification(app.id, v.id))?.status).toBe('pending');
      });
      it('ignores a claimer whose lease lapsed once another has taken the job over', async () => {
        const { v, j } = await started();
        const [stale] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!stale) throw new Error('nothing claimed');
        clock.advance(LEASE_MS);
        const [current] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(current?.id).toBe(j.id);
        if (!current) throw new Error('not taken over');

        await store.failJob(stale, 'sms: timeout', clock.now());
        await store.completeJob(stale, { provider: 'late', now: clock.now() });
        await store.retryJob(stale, clock.now(), 'sms: timeout', clock.now());
        await store.cancelJob(stale, clock.now());
        // The current holder's lease stands: no third claimer may take the job meanwhile.
        expect(await subject.readJob(j.id)).toEqual({ ...current, lastError: null });
        expect(await claimIds()).toEqual([]);
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'pending',
          deliveryStatus: 'queued',
        });

        await store.completeJob(current, { provider: 'twilio', now: clock.now() });
        expect(await subject.readJob(j.id)).toMatchObject({ status: 'sent', codeCiphertext: null });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          deliveryStatus: 'sent',
          deliveryProvider: 'twilio',
        });
      });

      it('keeps a job canceled by a resend canceled, even if its send then succeeds', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        clock.advance(30_000);
        const next = job(v);
        const resent = await store.resendVerification({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          codeHash: 'hash-2',
          codeKeyId: 'key-1',
          job: next,
          now: clock.now(),
        });
        expect(resent?.sends).toBe(2);
        await store.completeJob(claimed, { provider: 'twilio', now: clock.now() });
        expect((await subject.readJob(j.id))?.status).toBe('canceled');
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          deliveryStatus: 'queued',
          deliveryProvider: null,
        });
      });

      it('cancels the delivery of a superseded verification that was never sent', async () => {
        const { v } = await started();
        clock.advance(1_000);
        await started({ to: v.to });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'canceled',
          reason: 'superseded',
          deliveryStatus: 'canceled',
          deliveryUpdatedAt: clock.now(),
        });
      });
    });
  });
}
