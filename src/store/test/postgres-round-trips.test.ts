import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import {
  fraudDecision,
  outboxJob,
  RECORD_T0 as T0,
  verificationRecord,
} from '../../../test/helpers/records.ts';
import type { EventSink } from '../../ports/store.ts';
import { WEBHOOK_EVENTS } from '../../settings/domain/settings.ts';
import { deliveriesFor } from '../../webhooks/event-announcer.ts';
import { createKyselyStore, type KyselyStore } from '../kysely-store.ts';
import { preparingPool } from '../postgres/preparing-pool.ts';
import type { Database } from '../schema.ts';

/**
 * The statements the hot path sends PostgreSQL and the round trips they take, counted: each
 * round trip is a wait on a busy event loop, and each statement costs the server, the largest
 * costs of the clustered bench (docs/performance.md), so the hot operations hold both down.
 * The pool pipelines, as the store's own does (postgres-store.ts).
 */
let database: TestDatabase;
let store: KyselyStore;
/** The first words of every statement a connection was given, in order. */
let sent: string[] = [];
/** How many of those were given while no other was unanswered: each begins a round trip. */
let roundTrips = 0;

/** Records what `client` is given. */
function recording(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let unanswered = 0;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const first = args[0] as string | { text: string };
    const text = typeof first === 'string' ? first : first.text;
    sent.push(text.split(/\s+/).slice(0, 3).join(' '));
    if (unanswered === 0) roundTrips++;
    unanswered++;
    const answer = query(...args);
    const answered = () => {
      unanswered--;
    };
    answer.then(answered, answered);
    return answer;
  };
}

const hooks = [{ url: 'https://hooks.example/otp', events: [...WEBHOOK_EVENTS], secret: 'x' }];
const sink: EventSink = (event) => deliveriesFor(event.verification.appId, hooks, event, T0);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

beforeEach(async () => {
  const schema = await database.createSchema();
  const pool = new pg.Pool({ connectionString: schema.url, max: 2, pipeline: true });
  pool.on('connect', recording);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  store = createKyselyStore(db, 'postgres');
  await store.migrate();
  await store.createApp({ id: 'app_1', name: 'Acme', createdAt: T0 });
  sent = [];
  return async () => {
    await store.close();
    await schema.drop();
  };
});

/** The statements `run` sends, and the round trips they take. */
async function statementsOf(run: () => Promise<unknown>) {
  sent = [];
  roundTrips = 0;
  await run();
  return { sent, roundTrips };
}

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
      sent: ['begin', 'with "sent" as', 'insert into "webhook_deliveries"', 'commit'],
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
      'update verifications as',
      'update "verifications" set',
    ]);
    expect(attempts).toEqual([1, 1, 2]);
    expect((await store.getVerification('app_1', 'ver_1'))?.attempts).toBe(2);
  });
});
