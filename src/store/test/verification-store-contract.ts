import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { AppRecord } from '../../ports/store.ts';
import type { VerificationStore } from '../../verification/verification-store-ports.ts';
import type { JobQueue } from '../../workers/job-queue-ports.ts';
import { LEASE_MS, type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees every adapter gives of `VerificationStore` (src/verification/
 * verification-store-ports.ts) when a verification is made, read and finished: it is stored with
 * its job in one step, supersedes the destination's pending one, and finishing it cancels its
 * job. The job queue (src/workers/job-queue-ports.ts) shows what was queued. Checks are in
 * verification-check-contract.ts, resends and receipts in verification-resend-contract.ts.
 * Each test gets a fresh, migrated store from `open`.
 */
export function describeVerificationStoreContract(
  name: string,
  open: () => Promise<StoreUnderTest>,
): void {
  describe(`VerificationStore contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: VerificationStore & JobQueue;
    let clock: FakeClock;
    let app: AppRecord;
    let other: AppRecord;
    const { verification, job, started, claimIds } = withStoreFixture(
      open,
      (f) => ({ subject, store, clock, app, other } = f),
    );

    describe('createVerification and reads', () => {
      it('stores a verification as given and queues its job', async () => {
        const v = verification();
        const j = job(v);
        expect(await store.createVerification(v, j)).toEqual([]);
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        const claimed = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(claimed).toEqual([
          { ...j, attempts: 1, leaseUntil: clock.now() + LEASE_MS, updatedAt: clock.now() },
        ]);
      });

      it('keeps null metadata and optional fields as null', async () => {
        const v = verification({ metadata: null, locale: null, txCode: null, content: null });
        await store.createVerification(v, job(v));
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
      });

      it("keeps a test number's mark, and its job without a code", async () => {
        const v = verification({ test: true });
        await store.createVerification(v, job(v, { codeCiphertext: null }));
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        expect((await store.claimDueJobs(clock.now(), LEASE_MS, 10))[0]?.codeCiphertext).toBeNull();
      });

      it("keeps a chat message's ciphertext with the job and erases it with the code", async () => {
        const v = verification();
        await store.createVerification(v, job(v, { messageCiphertext: 'sealed-message' }));
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(claimed?.messageCiphertext).toBe('sealed-message');
        if (!claimed) throw new Error('no job claimed');
        await store.completeJob(claimed, { provider: 'gw-a', now: clock.now() });
        expect(await subject.readJob(claimed.id)).toMatchObject({
          codeCiphertext: null,
          messageCiphertext: null,
        });
      });

      it('shows another app nothing (I5)', async () => {
        const { v } = await started();
        expect(await store.getVerification(other.id, v.id)).toBeUndefined();
        expect(await store.findLatestVerification(other.id, v.to)).toBeUndefined();
      });

      it('finds the newest verification of a destination whatever its status', async () => {
        await started({ to: '+905551234567' });
        clock.advance(1_000);
        const { v: second } = await started({ to: '+905551234567' });
        await store.finishVerification(
          app.id,
          second.id,
          'canceled',
          'canceled_by_app',
          clock.now(),
        );
        const latest = await store.findLatestVerification(app.id, '+905551234567');
        expect(latest?.id).toBe(second.id);
        expect(latest?.status).toBe('canceled');
        expect(await store.findLatestVerification(app.id, '+905559999999')).toBeUndefined();
      });

      it("finds the newest verification of an app's message id, and no other app's", async () => {
        const { v: first } = await started({ to: '+905551234567', messageId: 'msg-1' });
        clock.advance(1_000);
        const { v: second } = await started({
          to: '+905551234568',
          messageId: 'msg-1',
          createdAt: clock.now(),
        });
        expect((await store.findVerificationByMessageId(app.id, 'msg-1'))?.id).toBe(second.id);
        expect(first.id).not.toBe(second.id);
        expect(await store.findVerificationByMessageId(app.id, 'msg-2')).toBeUndefined();
        expect(await store.findVerificationByMessageId(other.id, 'msg-1')).toBeUndefined();
        // Narrowed to a destination: its own newest, not another destination's.
        expect(
          (await store.findVerificationByMessageId(app.id, 'msg-1', '+905551234567'))?.id,
        ).toBe(first.id);
        expect(
          await store.findVerificationByMessageId(app.id, 'msg-1', '+905559999999'),
        ).toBeUndefined();
      });

      it('supersedes only unexpired pending verifications of the same app and destination', async () => {
        const to = '+905551234567';
        const { j: staleJob, v: stale } = await started({ to, createdAt: clock.now() - 700_000 });
        const { j: approvedJob, v: approved } = await started({ to, createdAt: clock.now() - 9 });
        await store.recordCheck({
          appId: app.id,
          id: approved.id,
          expectedSends: 1,
          valid: true,
          now: clock.now() - 8,
        });
        const { v: live, j: liveJob } = await started({ to, createdAt: clock.now() - 5 });
        const { v: elsewhere, j: elsewhereJob } = await started({ to: '+905559876543' });
        const { v: otherApp, j: otherAppJob } = await started({ to, appId: other.id });

        clock.advance(1_000);
        const next = verification({ to });
        const nextJob = job(next);
        expect(await store.createVerification(next, nextJob)).toEqual([live.id]);

        expect(await store.getVerification(app.id, live.id)).toMatchObject({
          status: 'canceled',
          reason: 'superseded',
          updatedAt: clock.now(),
        });
        expect((await store.getVerification(app.id, stale.id))?.status).toBe('pending');
        expect((await store.getVerification(app.id, approved.id))?.status).toBe('approved');
        expect((await store.getVerification(app.id, elsewhere.id))?.status).toBe('pending');
        expect((await store.getVerification(other.id, otherApp.id))?.status).toBe('pending');
        expect((await store.getVerification(app.id, next.id))?.status).toBe('pending');
        // The superseded verification's job is canceled with its ciphertext; the others stay queued.
        expect(await subject.readJob(liveJob.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
        });
        expect(await claimIds()).toEqual(
          [staleJob.id, approvedJob.id, elsewhereJob.id, otherAppJob.id, nextJob.id].sort(),
        );
      });

      it('supersedes every pending verification of the destination, and leaves a job in flight canceled', async () => {
        const to = '+905551234567';
        const { v: a, j: aJob } = await started({ to });
        // `a` is leased by a dispatcher: it is still a pending (queued) job and must be canceled.
        expect(await claimIds()).toEqual([aJob.id]);
        clock.advance(1);
        const b = verification({ to });
        expect(await store.createVerification(b, job(b))).toEqual([a.id]);
        clock.advance(LEASE_MS);
        const due = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        expect(due.map((j) => j.verificationId)).toEqual([b.id]);
      });
    });

    describe('concurrent creates', () => {
      it('leave exactly one pending verification of a destination, the last one in', async () => {
        const to = '+905551234567';
        const created = Array.from({ length: 8 }, () => verification({ to }));
        const superseded = await Promise.all(
          created.map((v) => store.createVerification(v, job(v))),
        );
        const pending: string[] = [];
        for (const v of created) {
          if ((await store.getVerification(app.id, v.id))?.status === 'pending') pending.push(v.id);
        }
        expect(pending).toHaveLength(1);
        // Each create superseded the one before it: every other verification exactly once.
        const ids = superseded.flat().sort();
        expect(ids).toEqual(
          created
            .map((v) => v.id)
            .filter((id) => id !== pending[0])
            .sort(),
        );
      });
    });

    describe('finishVerification', () => {
      it('moves a pending verification to a final status and cancels its queued job', async () => {
        const { v, j } = await started();
        clock.advance(1_000);
        expect(
          await store.finishVerification(app.id, v.id, 'expired', 'ttl_elapsed', clock.now()),
        ).toEqual({
          ...v,
          status: 'expired',
          reason: 'ttl_elapsed',
          deliveryStatus: 'canceled',
          deliveryUpdatedAt: clock.now(),
          updatedAt: clock.now(),
        });
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'canceled',
          codeCiphertext: null,
        });
        expect(await claimIds()).toEqual([]);
      });

      it('leaves a finished verification alone', async () => {
        const { v } = await started();
        await store.recordCheck({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          valid: true,
          now: clock.now(),
        });
        expect(
          await store.finishVerification(app.id, v.id, 'canceled', 'canceled_by_app', clock.now()),
        ).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'approved',
          reason: 'code_matched',
        });
      });

      it('approves as the app asks, recording when', async () => {
        const { v } = await started();
        const approved = await store.finishVerification(
          app.id,
          v.id,
          'approved',
          'approved_by_app',
          clock.now(),
        );
        expect(approved).toMatchObject({
          status: 'approved',
          reason: 'approved_by_app',
          approvedAt: clock.now(),
        });
        expect(await claimIds()).toEqual([]);
      });

      it('refuses another app (I5)', async () => {
        const { v, j } = await started();
        expect(
          await store.finishVerification(
            other.id,
            v.id,
            'canceled',
            'canceled_by_app',
            clock.now(),
          ),
        ).toBeUndefined();
        expect(await store.getVerification(app.id, v.id)).toEqual(v);
        expect(await claimIds()).toEqual([j.id]);
      });
    });
  });
}
