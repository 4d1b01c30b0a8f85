import { describe, expect, it } from 'vitest';
import { outboxJob, RECORD_T0 as T0, verificationRecord } from '../../../test/helpers/records.ts';
import { recordedPostgresStore, sink } from './postgres-recorded-store.ts';

/** The statements and round trips of one hot-path operation at a time on PostgreSQL. */
const recorded = recordedPostgresStore();
const { store, statementsOf } = recorded;

const LOCK = 'select pg_advisory_xact_lock(hashtextextended($1, 0))';

describe('PostgreSQL round trips of the hot path', () => {
  it('a create is its lock and one statement, then its events and commit: two round trips', async () => {
    const first = verificationRecord({ id: 'ver_1' });
    expect(await statementsOf(() => store.createVerification(first, outboxJob(first)))).toEqual({
      sent: ['begin', LOCK, 'with "superseded" as', 'commit'],
      roundTrips: 2,
    });
    const second = verificationRecord({ id: 'ver_2', createdAt: T0 + 1 });
    const superseding = () =>
      store.createVerification(second, outboxJob(second, { id: 'job_2' }), sink);
    expect(await statementsOf(superseding)).toEqual({
      sent: ['begin', LOCK, 'with "superseded" as', 'insert into "webhook_deliveries"', 'commit'],
      roundTrips: 2,
    });
    expect((await store.getVerification('app_1', 'ver_1'))?.reason).toBe('superseded');
    const deliveries = await store.listWebhookDeliveries(['app_1'], {}, null, 10);
    expect(deliveries.map((d) => d.eventType).sort()).toEqual([
      'verification.canceled',
      'verification.created',
    ]);
  });

  it('a wrong code that leaves the verification pending is one statement', async () => {
    const v = verificationRecord({ id: 'ver_1' });
    await store.createVerification(v, outboxJob(v), sink);
    const check = { appId: 'app_1', id: 'ver_1', expectedSends: 1, valid: false, now: T0 + 1 };
    const counted = await statementsOf(() => store.recordCheck({ ...check, events: sink }));
    expect(counted.sent).toHaveLength(1);
    expect((await store.getVerification('app_1', 'ver_1'))?.attempts).toBe(1);
  });

  it("a send's completion is one statement; with its event, two round trips", async () => {
    const v = verificationRecord({ id: 'ver_1' });
    await store.createVerification(v, outboxJob(v));
    const [job] = await store.claimDueJobs(T0, 30_000, 10);
    if (!job) throw new Error('no job claimed');
    const done = { provider: 'sandbox', now: T0 + 1 };
    expect(await statementsOf(() => store.completeJob(job, done, sink))).toEqual({
      sent: ['begin', 'with delivered as', 'insert into "webhook_deliveries"', 'commit'],
      roundTrips: 2,
    });
    expect((await store.getVerification('app_1', 'ver_1'))?.deliveryStatus).toBe('sent');
    const [delivery] = await store.listWebhookDeliveries(['app_1'], {}, null, 10);
    expect(delivery?.eventType).toBe('message.sent');

    const w = verificationRecord({ id: 'ver_2', to: '+15550000002' });
    await store.createVerification(w, outboxJob(w, { id: 'job_2' }));
    const [second] = await store.claimDueJobs(T0, 30_000, 10);
    if (!second) throw new Error('no job claimed');
    expect((await statementsOf(() => store.completeJob(second, done))).sent).toHaveLength(1);
    expect((await store.getVerification('app_1', 'ver_2'))?.deliveryStatus).toBe('sent');
  });

  it('a resend swaps its job in two round trips', async () => {
    const v = verificationRecord({ id: 'ver_1', resendCooldownMs: 0 });
    await store.createVerification(v, outboxJob(v));
    const next = outboxJob(v, { id: 'job_2', createdAt: T0 + 1 });
    const resend = () =>
      store.resendVerification({
        appId: 'app_1',
        id: 'ver_1',
        expectedSends: 1,
        codeHash: 'hash-2',
        codeKeyId: 'key-2',
        job: next,
        now: T0 + 1,
      });
    expect(await statementsOf(resend)).toEqual({
      sent: [
        'begin',
        'update "verifications" set',
        'update "outbox_jobs" set',
        'insert into "outbox_jobs"',
        'commit',
      ],
      roundTrips: 2,
    });
    expect((await store.getVerification('app_1', 'ver_1'))?.sends).toBe(2);
    const claimed = await store.claimDueJobs(T0 + 1, 30_000, 10);
    expect(claimed.map((j) => j.id)).toEqual(['job_2']);
  });
});
