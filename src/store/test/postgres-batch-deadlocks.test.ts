import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxJob, RECORD_T0 as T0, verificationRecord } from '../../../test/helpers/records.ts';
import { recordedPostgresStore, sink } from './postgres-recorded-store.ts';

/**
 * A turn's statement of many requests locks many rows, in no order other transactions share.
 * Where PostgreSQL ends it to break a deadlock, nothing of it stays and its requests are
 * answered one by one, each locking only its own rows: no request fails for it.
 */
const recorded = recordedPostgresStore();
const { store, statementsOf } = recorded;
let other: pg.Client;
beforeEach(async () => {
  other = new pg.Client({ connectionString: recorded.url });
  await other.connect();
  // The batch's own wait (1 s, PostgreSQL's default) ends first: the batch is the one ended.
  await other.query("set deadlock_timeout = '10s'");
});
afterEach(() => other.end());

const touch = (id: string) =>
  other.query('update verifications set updated_at = updated_at where id = $1', [id]);

/**
 * Runs `batch` while another transaction holds `second`, then makes that transaction wait for
 * `first`, which the batch locked before waiting for `second`: a deadlock.
 */
async function inDeadlock<T>(first: string, second: string, batch: () => Promise<T>) {
  await other.query('begin');
  await touch(second);
  const answer = batch();
  const run = statementsOf(() => answer.catch(() => {}));
  await new Promise((resolve) => setTimeout(resolve, 200));
  await touch(first); // waits until PostgreSQL ends the batch, which held `first`
  await other.query('commit');
  const { sent } = await run;
  return { sent, answer: await answer };
}

/** Resolves once a session of this database waits for a row lock (the sends, one by one). */
async function waitingForALock(): Promise<void> {
  for (;;) {
    const { rows } = await other.query(
      "select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function created(...ids: string[]) {
  return Promise.all(
    ids.map((id) => {
      const v = verificationRecord({ id, to: `+1555000000${id.at(-1)}` });
      return store.createVerification(v, outboxJob(v));
    }),
  );
}

describe('a batch PostgreSQL ends to break a deadlock', () => {
  it("is counted again one by one: the wrong codes' counts", async () => {
    await created('ver_1', 'ver_2');
    const wrong = (id: string) =>
      store.recordCheck({ appId: 'app_1', id, expectedSends: 1, valid: false, now: T0 + 1 });
    const { sent, answer } = await inDeadlock('ver_1', 'ver_2', () =>
      Promise.all([wrong('ver_1'), wrong('ver_2')]),
    );
    expect(sent).toEqual([
      'with checked as',
      'update "verifications" set',
      'update "verifications" set',
    ]);
    expect(answer.map((v) => v?.attempts)).toEqual([1, 1]);
  });

  it('is recorded again one by one: the sends', async () => {
    await created('ver_1', 'ver_2');
    const claimed = await store.claimDueJobs(T0, 30_000, 10);
    const done = { provider: 'sandbox', now: T0 + 1 };
    const { sent } = await inDeadlock('ver_1', 'ver_2', () =>
      Promise.all(claimed.map((job) => store.completeJob(job, done, sink))),
    );
    // The batch PostgreSQL ended, then each send alone.
    expect(sent.filter((s) => s === 'with delivered as')).toHaveLength(3);
    for (const id of ['ver_1', 'ver_2']) {
      expect((await store.getVerification('app_1', id))?.deliveryStatus).toBe('sent');
    }
    const deliveries = await store.listWebhookDeliveries(['app_1'], {}, null, 10);
    expect(deliveries.map((d) => d.eventType)).toEqual(['message.sent', 'message.sent']);
  });

  it('is recorded again one by one, each send locking its verification before its job', async () => {
    await created('ver_1', 'ver_2');
    const claimed = await store.claimDueJobs(T0, 30_000, 10);
    const done = { provider: 'sandbox', now: T0 + 1 };
    // Another transaction holds ver_2, then ver_1 (a deadlock with the batch). The sends,
    // again one by one, then wait for ver_1 holding no job: a create superseding a
    // verification locks it, then its jobs, and must not find a job held by a send.
    await other.query('begin');
    await touch('ver_2');
    const recording = Promise.all(claimed.map((job) => store.completeJob(job, done, sink)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await touch('ver_1'); // returns once PostgreSQL has ended the batch
    await waitingForALock();
    const locked = await other.query(
      "select id from outbox_jobs where status = 'pending' for update skip locked",
    );
    expect(locked.rows.map((row) => row.id).sort()).toEqual(claimed.map((job) => job.id).sort());
    await other.query('commit');
    await recording;
    for (const id of ['ver_1', 'ver_2']) {
      expect((await store.getVerification('app_1', id))?.deliveryStatus).toBe('sent');
    }
  });

  it('is created again one by one: the creates, each superseding its own', async () => {
    await created('ver_1', 'ver_2');
    const next = ['ver_3', 'ver_4'].map((id, i) =>
      verificationRecord({ id, to: `+1555000000${i + 1}`, createdAt: T0 + 1 }),
    );
    const { sent, answer } = await inDeadlock('ver_1', 'ver_2', () =>
      Promise.all(next.map((v) => store.createVerification(v, outboxJob(v)))),
    );
    expect(sent.filter((s) => s === 'with "superseded" as')).toHaveLength(2);
    expect(answer).toEqual([['ver_1'], ['ver_2']]);
  });
});

describe('a job and its verification written together on PostgreSQL', () => {
  it('are locked verification first when the job fails, as a create supersedes them', async () => {
    await created('ver_1');
    const [job] = await store.claimDueJobs(T0, 30_000, 10);
    if (!job) throw new Error('no job claimed');
    await other.query('begin');
    await touch('ver_1');
    const failing = store.failJob(job, 'gateway refused', T0 + 1, sink, 'sandbox');
    await waitingForALock();
    const locked = await other.query('select id from outbox_jobs for update skip locked');
    expect(locked.rows.map((row) => row.id)).toEqual([job.id]);
    await other.query('commit');
    await failing;
    expect(await store.getVerification('app_1', 'ver_1')).toMatchObject({
      status: 'failed',
      deliveryStatus: 'failed',
    });
  });
});
