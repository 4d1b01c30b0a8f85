import { describe, expect, it } from 'vitest';
import {
  fraudDecision,
  outboxJob,
  RECORD_T0 as T0,
  verificationRecord,
} from '../../../test/helpers/records.ts';
import { fromJob } from '../rows.ts';
import { recordedPostgresStore, sink } from './postgres-recorded-store.ts';

/**
 * On PostgreSQL, what the callers of one turn of the event loop ask of the same kind is one
 * statement (turn-batch.ts), each caller still given its own answer.
 */
const recorded = recordedPostgresStore();
const { store, statementsOf } = recorded;

const LOCK = 'select pg_advisory_xact_lock(hashtextextended($1, 0))';

describe("PostgreSQL's statements of many requests made one", () => {
  it('the webhook deliveries that end in one turn are recorded by one statement', async () => {
    for (const id of ['ver_1', 'ver_2', 'ver_3']) {
      const v = verificationRecord({ id, to: `+1555000000${id.at(-1)}` });
      await store.createVerification(v, outboxJob(v, { id: `job_${id}` }), sink);
    }
    const claimed = await store.claimDueWebhookDeliveries(T0, 30_000, 10);
    expect(claimed).toHaveLength(3);
    // One is claimed again after its lease ran out: its first sender no longer holds it.
    const [lost] = await store.claimDueWebhookDeliveries(T0 + 60_000, 30_000, 1);
    const held = claimed.filter((d) => d.id !== lost?.id);
    const delivered = { status: 'delivered', statusCode: 200, error: null } as const;
    const finishing = () =>
      Promise.all(claimed.map((d) => store.finishWebhookDelivery(d, delivered, T0 + 1)));
    expect(await statementsOf(finishing)).toEqual({
      sent: ['update webhook_deliveries as'],
      roundTrips: 1,
    });
    const stored = await store.listWebhookDeliveries(['app_1'], {}, null, 10);
    const statusOf = (id: string) => stored.find((d) => d.id === id)?.status;
    expect(held.map((d) => statusOf(d.id))).toEqual(['delivered', 'delivered']);
    expect(statusOf(lost?.id ?? '')).toBe('pending');
  });

  it('the verifications read in one turn are one statement, each caller given its own', async () => {
    await store.createApp({ id: 'app_2', name: 'Other', createdAt: T0 });
    const mine = verificationRecord({ id: 'ver_1' });
    const theirs = verificationRecord({ id: 'ver_2', appId: 'app_2' });
    await store.createVerification(mine, outboxJob(mine));
    await store.createVerification(theirs, outboxJob(theirs, { id: 'job_2' }));
    let found: unknown[] = [];
    const reading = async () => {
      found = await Promise.all([
        store.getVerification('app_1', 'ver_1'),
        store.getVerification('app_1', 'ver_2'),
        store.getVerification('app_2', 'ver_2'),
        store.getVerification('app_1', 'ver_9'),
      ]);
    };
    expect(await statementsOf(reading)).toEqual({
      sent: ['select "id", "app_id",'],
      roundTrips: 1,
    });
    expect(found.map((v) => (v as { id: string; appId: string } | undefined)?.appId)).toEqual([
      'app_1',
      undefined,
      'app_2',
      undefined,
    ]);
  });

  it("the guard's probes of live decisions asked in one turn are one statement", async () => {
    const decision = (id: string, prefix: string, createdAt: number) =>
      fraudDecision({ id, prefix, createdAt, action: 'monitor', expiresAt: createdAt + 60_000 });
    expect(await store.recordFraudDecision(decision('frd_1', '+90555124', T0))).toBe(true);
    expect(await store.recordFraudDecision(decision('frd_2', '+90555125', T0))).toBe(true);
    // Live still, live still, expired by then: only the last is recorded.
    const again = [
      decision('frd_3', '+90555124', T0 + 1),
      decision('frd_4', '+90555125', T0 + 1),
      decision('frd_5', '+90555125', T0 + 60_000),
    ];
    let recorded: boolean[] = [];
    const probing = async () => {
      recorded = await Promise.all(again.map((d) => store.recordFraudDecision(d)));
    };
    const { sent } = await statementsOf(probing);
    expect(sent[0]).toBe('select p.n from');
    expect(sent.filter((s) => s === 'select p.n from')).toHaveLength(1);
    expect(recorded).toEqual([false, false, true]);
  });

  it('the wrong codes of one turn are counted by one statement, each of them', async () => {
    for (const id of ['ver_1', 'ver_2']) {
      const v = verificationRecord({ id, to: `+1555000000${id.at(-1)}` });
      await store.createVerification(v, outboxJob(v, { id: `job_${id}` }));
    }
    const wrong = (id: string) =>
      store.recordCheck({ appId: 'app_1', id, expectedSends: 1, valid: false, now: T0 + 1 });
    let attempts: (number | undefined)[] = [];
    const checking = async () => {
      const counted = await Promise.all([wrong('ver_1'), wrong('ver_2'), wrong('ver_1')]);
      attempts = counted.map((v) => v?.attempts);
    };
    // ver_1's second wrong code counts on its own after the batch: one UPDATE joining both
    // would count one attempt for the two.
    expect((await statementsOf(checking)).sent).toEqual([
      'with checked as',
      'update "verifications" set',
    ]);
    expect(attempts).toEqual([1, 1, 2]);
    expect((await store.getVerification('app_1', 'ver_1'))?.attempts).toBe(2);
  });

  it('the sends recorded in one turn are one statement and one insert of their events', async () => {
    for (const id of ['ver_1', 'ver_2', 'ver_3']) {
      const v = verificationRecord({ id, to: `+1555000000${id.at(-1)}` });
      await store.createVerification(v, outboxJob(v));
    }
    const claimed = await store.claimDueJobs(T0, 30_000, 10);
    expect(claimed).toHaveLength(3);
    // One is claimed again after its lease ran out: its first sender no longer holds it.
    const [lost] = await store.claimDueJobs(T0 + 60_000, 30_000, 1);
    const recording = () =>
      Promise.all(
        claimed.map((job) =>
          store.completeJob(
            job,
            {
              provider: 'sandbox',
              now: T0 + 1,
              messageLogId: `msg_${job.id}`,
              ...(job.verificationId === 'ver_2' ? { reference: 'ref-2' } : {}),
            },
            sink,
          ),
        ),
      );
    expect(await statementsOf(recording)).toEqual({
      sent: ['begin', 'with delivered as', 'insert into "webhook_deliveries"', 'commit'],
      roundTrips: 2,
    });
    const held = claimed.filter((job) => job.id !== lost?.id);
    for (const job of claimed) {
      const v = await store.getVerification('app_1', job.verificationId);
      expect(v?.deliveryStatus).toBe(job.id === lost?.id ? 'queued' : 'sent');
      expect(v?.codeReference).toBe(
        job.verificationId === 'ver_2' && job.id !== lost?.id ? 'ref-2' : null,
      );
    }
    const deliveries = await store.listWebhookDeliveries(['app_1'], {}, null, 10);
    const logged = deliveries.map((d) => JSON.parse(d.payload).data.messageLogId).sort();
    expect(logged).toEqual(held.map((job) => `msg_${job.id}`).sort());
  });

  it("a verification's second send in a turn is recorded on its own, with its own event", async () => {
    for (const id of ['ver_1', 'ver_2']) {
      const v = verificationRecord({ id, to: `+1555000000${id.at(-1)}` });
      await store.createVerification(v, outboxJob(v));
    }
    const first = verificationRecord({ id: 'ver_1' });
    await recorded.db
      .insertInto('outbox_jobs')
      .values(fromJob(outboxJob(first, { id: 'job_1b' })))
      .execute();
    const claimed = await store.claimDueJobs(T0, 30_000, 10);
    expect(claimed).toHaveLength(3);
    const done = { provider: 'sandbox', now: T0 + 1 };
    const recording = () => Promise.all(claimed.map((job) => store.completeJob(job, done, sink)));
    // One UPDATE joining both of ver_1's jobs would update it once and announce one send.
    expect((await statementsOf(recording)).sent).toEqual([
      'begin',
      'with delivered as',
      'insert into "webhook_deliveries"',
      'commit',
      'begin',
      'with delivered as',
      'insert into "webhook_deliveries"',
      'commit',
    ]);
    const deliveries = await store.listWebhookDeliveries(['app_1'], {}, null, 10);
    expect(deliveries.map((d) => d.eventType)).toEqual([
      'message.sent',
      'message.sent',
      'message.sent',
    ]);
  });

  it('the creates of one turn are one transaction, each superseding as it would alone', async () => {
    const earlier = verificationRecord({ id: 'ver_0', to: '+15550000001' });
    await store.createVerification(earlier, outboxJob(earlier));
    const creates = ['ver_1', 'ver_2', 'ver_3'].map((id) =>
      verificationRecord({ id, to: `+1555000000${id.at(-1)}`, createdAt: T0 + 1 }),
    );
    let superseded: string[][] = [];
    const creating = async () => {
      superseded = await Promise.all(
        creates.map((v) => store.createVerification(v, outboxJob(v), sink)),
      );
    };
    expect(await statementsOf(creating)).toEqual({
      sent: [
        'begin',
        'select count(pg_advisory_xact_lock(h)) from',
        'with x as',
        'insert into "webhook_deliveries"',
        'commit',
      ],
      roundTrips: 2,
    });
    expect(superseded).toEqual([['ver_0'], [], []]);
    expect((await store.getVerification('app_1', 'ver_0'))?.reason).toBe('superseded');
    const claimed = await store.claimDueJobs(T0 + 1, 30_000, 10);
    expect(claimed.map((j) => j.id).sort()).toEqual(['job_1', 'job_2', 'job_3']);
    const deliveries = await store.listWebhookDeliveries(['app_1'], {}, null, 10);
    expect(deliveries.map((d) => d.eventType).sort()).toEqual([
      'verification.canceled',
      'verification.created',
      'verification.created',
      'verification.created',
    ]);
  });

  it("a destination's second create in a turn supersedes the first, after the batch", async () => {
    const creates = [
      verificationRecord({ id: 'ver_1', to: '+15550000001' }),
      verificationRecord({ id: 'ver_2', to: '+15550000002' }),
      verificationRecord({ id: 'ver_3', to: '+15550000001', createdAt: T0 + 1 }),
    ];
    let superseded: string[][] = [];
    const creating = async () => {
      superseded = await Promise.all(creates.map((v) => store.createVerification(v, outboxJob(v))));
    };
    // In one statement neither of ver_1 and ver_3 would see the other: both would stay pending.
    expect((await statementsOf(creating)).sent).toEqual([
      'begin',
      'select count(pg_advisory_xact_lock(h)) from',
      'with x as',
      'commit',
      'begin',
      LOCK,
      'with "superseded" as',
      'commit',
    ]);
    expect(superseded).toEqual([[], [], ['ver_1']]);
    expect((await store.getVerification('app_1', 'ver_1'))?.status).toBe('canceled');
    expect((await store.getVerification('app_1', 'ver_3'))?.status).toBe('pending');
  });
});
