import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import { newHandedOffJob } from '../../delivery/outbox-job.ts';
import type { AppRecord } from '../../ports/store.ts';
import type { VerificationStore } from '../../verification/verification-store-ports.ts';
import type { JobQueue } from '../../workers/job-queue-ports.ts';
import { LEASE_MS, type StoreUnderTest, withStoreFixture } from './store-fixture.ts';

/**
 * The guarantees every adapter gives of `JobQueue`, the outbox (src/workers/job-queue-ports.ts),
 * for handing jobs out: leases, due times, the per-app share of a claim, extending a lease,
 * giving a job back or retrying it; and jobs handed off to a caller that sends the code itself.
 * What a finished send does is in job-queue-outcomes-contract.ts. Jobs are queued with their
 * verification (src/verification/verification-store-ports.ts). Each test gets a fresh, migrated
 * store from `open`.
 */
export function describeJobQueueContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`JobQueue contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: JobQueue & VerificationStore;
    let clock: FakeClock;
    let app: AppRecord;
    let other: AppRecord;
    const { verification, job, started, claimIds } = withStoreFixture(
      open,
      (f) => ({ subject, store, clock, app, other } = f),
    );

    describe('outbox', () => {
      it('leases due jobs, counting an attempt, and skips them while the lease lives', async () => {
        const { j } = await started();
        const now = clock.now();
        const [claimed] = await store.claimDueJobs(now, LEASE_MS, 10);
        expect(claimed).toMatchObject({
          id: j.id,
          attempts: 1,
          leaseUntil: now + LEASE_MS,
          status: 'pending',
        });
        expect(await store.claimDueJobs(now + LEASE_MS - 1, LEASE_MS, 10)).toEqual([]);
        const [again] = await store.claimDueJobs(now + LEASE_MS, LEASE_MS, 10);
        expect(again).toMatchObject({ id: j.id, attempts: 2, leaseUntil: now + 2 * LEASE_MS });
      });

      it('waits for next_attempt_at', async () => {
        const v = verification();
        const later = job(v, { nextAttemptAt: clock.now() + 5_000 });
        await store.createVerification(v, later);
        expect(await claimIds(clock.now() + 4_999)).toEqual([]);
        expect(await claimIds(clock.now() + 5_000)).toEqual([later.id]);
      });

      it('hands out at most `limit` jobs per claim', async () => {
        for (let i = 0; i < 5; i++) await started();
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 2)).toHaveLength(2);
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 2)).toHaveLength(2);
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 2)).toHaveLength(1);
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 2)).toHaveLength(0);
      });

      it('never gives one job to two concurrent claimers', async () => {
        const ids: string[] = [];
        for (let i = 0; i < 30; i++) ids.push((await started()).j.id);
        const batches = await Promise.all(
          Array.from({ length: 12 }, () => store.claimDueJobs(clock.now(), LEASE_MS, 4)),
        );
        const claimed = batches.flat().map((j) => j.id);
        expect(new Set(claimed).size).toBe(claimed.length);
        expect(claimed.sort()).toEqual(ids.sort());
        expect(batches.flat().every((j) => j.attempts === 1)).toBe(true);
      });

      it('takes jobs round-robin per app, so an app with many due jobs cannot fill a claim', async () => {
        const crowd: string[] = [];
        for (let i = 0; i < 6; i++) {
          crowd.push((await started()).j.id);
          clock.advance(1);
        }
        const { j: late } = await started({ appId: other.id });
        const claimed = await store.claimDueJobs(clock.now(), LEASE_MS, 3);
        expect(claimed.map((c) => c.id).sort()).toEqual([crowd[0], crowd[1], late.id].sort());
      });

      it('gives an app no more than perApp jobs, counting those it already holds', async () => {
        for (let i = 0; i < 6; i++) await started();
        const { j: theirs } = await started({ appId: other.id });
        const share = { perApp: 3, held: new Map([[app.id, 2]]) };
        const claimed = await store.claimDueJobs(clock.now(), LEASE_MS, 10, share);
        expect(claimed.filter((c) => c.appId === app.id)).toHaveLength(1);
        expect(claimed.filter((c) => c.appId === other.id).map((c) => c.id)).toEqual([theirs.id]);
        const full = { perApp: 3, held: new Map([[app.id, 3]]) };
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 10, full)).toEqual([]);
        expect(await store.claimDueJobs(clock.now(), LEASE_MS, 10, { perApp: 2 })).toHaveLength(2);
      });

      it("extends a job's lease only while the caller still holds it", async () => {
        const { j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        const until = clock.now() + 3 * LEASE_MS;
        expect(await store.extendJobLease(claimed, until)).toBe(true);
        expect(await subject.readJob(j.id)).toMatchObject({ leaseUntil: until, attempts: 1 });
        // Past the first lease, the extended one still keeps every other claimer out.
        expect(await claimIds(clock.now() + 2 * LEASE_MS)).toEqual([]);

        const [again] = await store.claimDueJobs(until, LEASE_MS, 10);
        if (!again) throw new Error('not taken over');
        expect(await store.extendJobLease(claimed, until + 10 * LEASE_MS)).toBe(false);
        expect((await subject.readJob(j.id))?.leaseUntil).toBe(until + LEASE_MS);
        await store.completeJob(again, { provider: 'twilio', now: until });
        expect(await store.extendJobLease(again, until + 10 * LEASE_MS)).toBe(false);
        expect((await subject.readJob(j.id))?.leaseUntil).toBeNull();
      });

      it('releases a job it did not start: lease cleared, due again at the given time', async () => {
        const { j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.releaseJob(claimed, clock.now() + 1_000, clock.now());
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'pending',
          attempts: 1,
          leaseUntil: null,
          nextAttemptAt: clock.now() + 1_000,
          codeCiphertext: j.codeCiphertext,
        });
        expect(await claimIds(clock.now() + 999)).toEqual([]);
        const [again] = await store.claimDueJobs(clock.now() + 1_000, LEASE_MS, 10);
        expect(again).toMatchObject({ id: j.id, attempts: 2 });
        // `attempts` only grows, so the released claim can no longer touch the job.
        await store.releaseJob(claimed, clock.now(), clock.now());
        expect(await subject.readJob(j.id)).toMatchObject({
          attempts: 2,
          leaseUntil: again?.leaseUntil,
        });
      });

      it('puts a retried job back with its lease cleared, due at the given time', async () => {
        const { j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        const retryAt = clock.now() + 2_000;
        await store.retryJob(claimed, retryAt, 'sms: timeout', clock.now() + 10);
        expect(await subject.readJob(j.id)).toMatchObject({
          status: 'pending',
          leaseUntil: null,
          nextAttemptAt: retryAt,
          lastError: 'sms: timeout',
          codeCiphertext: j.codeCiphertext,
          updatedAt: clock.now() + 10,
        });
        expect(await claimIds(retryAt - 1)).toEqual([]);
        const [again] = await store.claimDueJobs(retryAt, LEASE_MS, 10);
        expect(again).toMatchObject({ id: j.id, attempts: 2, lastError: 'sms: timeout' });
      });

      it('does not revive a job that was canceled while it was out', async () => {
        const { v, j } = await started();
        const [claimed] = await store.claimDueJobs(clock.now(), LEASE_MS, 10);
        if (!claimed) throw new Error('nothing claimed');
        await store.finishVerification(app.id, v.id, 'canceled', 'canceled_by_app', clock.now());
        await store.retryJob(claimed, clock.now() + 1_000, 'sms: timeout', clock.now());
        expect((await subject.readJob(j.id))?.status).toBe('canceled');
        expect(await claimIds(clock.now() + LEASE_MS)).toEqual([]);
      });
    });

    describe('handed-off jobs (newHandedOffJob)', () => {
      /** A verification committed with the job of a caller that sends the code itself. */
      async function handedOff() {
        const v = verification();
        const j = newHandedOffJob(v, clock.now());
        await store.createVerification(v, j);
        return { v, j };
      }

      it('are stored as the caller holds them and never claimed while the code lives', async () => {
        const { v, j } = await handedOff();
        expect(await subject.readJob(j.id)).toEqual(j);
        expect(await claimIds(clock.now())).toEqual([]);
        expect(await claimIds(v.expiresAt - 1)).toEqual([]);
      });

      it("record the caller's send like a dispatcher's: sent, delivery sent", async () => {
        const { v, j } = await handedOff();
        clock.advance(300);
        await store.completeJob(j, { provider: 'convertalk-twilio', now: clock.now() });
        expect(await subject.readJob(j.id)).toMatchObject({ status: 'sent', leaseUntil: null });
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'pending',
          deliveryStatus: 'sent',
          deliveryProvider: 'convertalk-twilio',
          deliveryUpdatedAt: clock.now(),
        });
        expect(await claimIds(v.expiresAt + LEASE_MS)).toEqual([]);
      });

      it("record the caller's failure: the verification fails with delivery_failed", async () => {
        const { v, j } = await handedOff();
        await store.failJob(j, 'convertalk-twilio: twilio_20003', clock.now());
        expect(await store.getVerification(app.id, v.id)).toMatchObject({
          status: 'failed',
          reason: 'delivery_failed',
          deliveryStatus: 'failed',
        });
        expect(await claimIds(v.expiresAt + LEASE_MS)).toEqual([]);
      });

      it('left unanswered, come due only at expiry, with no code to send', async () => {
        const { v, j } = await handedOff();
        const [late] = await store.claimDueJobs(v.expiresAt, LEASE_MS, 10);
        expect(late).toMatchObject({ id: j.id, codeCiphertext: null, attempts: 2 });
        // The caller that died can no longer record anything over the new claim.
        await store.completeJob(j, { provider: 'convertalk-twilio', now: v.expiresAt });
        expect((await subject.readJob(j.id))?.status).toBe('pending');
      });

      it('are canceled by a resend like any queued job', async () => {
        const { v, j } = await handedOff();
        clock.advance(30_000);
        const resent = await store.resendVerification({
          appId: app.id,
          id: v.id,
          expectedSends: 1,
          codeHash: 'hash-2',
          codeKeyId: 'key-1',
          job: job(v),
          now: clock.now(),
        });
        expect(resent?.sends).toBe(2);
        await store.completeJob(j, { provider: 'convertalk-twilio', now: clock.now() });
        expect((await subject.readJob(j.id))?.status).toBe('canceled');
      });
    });
  });
}
