import { beforeEach, describe, expect, it } from 'vitest';
import type { AppRecord, EventSink, Store, WebhookDelivery } from '../../src/ports/store.ts';
import { WEBHOOK_EVENTS } from '../../src/settings/domain/settings.ts';
import type { LifecycleEvent } from '../../src/webhooks/domain/events.ts';
import { deliveriesFor } from '../../src/webhooks/event-announcer.ts';
import { outboxJob, RECORD_T0, verificationRecord } from '../helpers/records.ts';

const T0 = RECORD_T0;

/**
 * The Store's guarantees for lifecycle events and the webhooks' outbox (src/ports/store.ts),
 * on every adapter: a state change writes the deliveries its sink owes in its own
 * transaction; deliveries are claimed, fenced and retried like send jobs.
 */
export function describeWebhookStoreContract(
  name: string,
  open: () => Promise<{ store: Store; cleanup(): Promise<void> }>,
): void {
  describe(`Store contract, events and webhook deliveries: ${name}`, () => {
    let store: Store;
    const app: AppRecord = { id: 'app_1', name: 'Acme', createdAt: T0 };
    const other: AppRecord = { id: 'app_2', name: 'Other', createdAt: T0 };
    /** Every event the sink heard, in order. */
    let heard: LifecycleEvent[];
    let sink: EventSink;

    beforeEach(async () => {
      const opened = await open();
      store = opened.store;
      await store.createApp(app);
      await store.createApp(other);
      heard = [];
      const hooks = [
        { url: 'https://hooks.example/otp', events: [...WEBHOOK_EVENTS], secret: 'unused' },
      ];
      sink = (event) => {
        heard.push(event);
        return deliveriesFor(event.verification.appId, hooks, event, T0);
      };
      return () => opened.cleanup();
    });

    const types = async (appId = app.id) =>
      (await store.listWebhookDeliveries([appId], {}, null, 100)).map((d) => d.eventType).sort();

    it('a create announces itself and the verification it supersedes, with the change', async () => {
      const first = verificationRecord({ id: 'ver_1' });
      await store.createVerification(first, outboxJob(first, { id: 'job_1' }), sink);
      const second = verificationRecord({ id: 'ver_2', createdAt: T0 + 1 });
      await store.createVerification(second, outboxJob(second, { id: 'job_2' }), sink);
      expect(heard.map((e) => [e.type, e.verification.id, e.verification.status])).toEqual([
        ['verification.created', 'ver_1', 'pending'],
        ['verification.canceled', 'ver_1', 'canceled'],
        ['verification.created', 'ver_2', 'pending'],
      ]);
      expect(await types()).toEqual([
        'verification.canceled',
        'verification.created',
        'verification.created',
      ]);
    });

    it('writes nothing for a change whose create fails, and nothing without a sink', async () => {
      const v = verificationRecord();
      await store.createVerification(v, outboxJob(v, { id: 'job_1' }));
      // The same id again: the insert fails, and the announcement with it.
      await expect(
        store.createVerification(v, outboxJob(v, { id: 'job_2' }), sink),
      ).rejects.toThrow();
      expect(await types()).toEqual([]);
    });

    it('a check announces approval and exhaustion, never a wrong code that leaves it pending', async () => {
      const a = verificationRecord({ id: 'ver_a', to: '+905551110001', maxAttempts: 2 });
      const b = verificationRecord({ id: 'ver_b', to: '+905551110002' });
      await store.createVerification(a, outboxJob(a, { id: 'job_a' }));
      await store.createVerification(b, outboxJob(b, { id: 'job_b' }));
      const check = (id: string, valid: boolean) =>
        store.recordCheck({ appId: app.id, id, expectedSends: 1, valid, now: T0, events: sink });
      await check('ver_a', false);
      expect(await types()).toEqual([]);
      expect((await check('ver_a', false))?.status).toBe('max_attempts_reached');
      expect((await check('ver_b', true))?.status).toBe('approved');
      expect(await check('ver_b', true)).toBeUndefined();
      expect(await types()).toEqual(['verification.approved', 'verification.max_attempts_reached']);
    });

    it('a finish announces the status it wrote, once', async () => {
      const v = verificationRecord();
      await store.createVerification(v, outboxJob(v, { id: 'job_1' }));
      await store.finishVerification(app.id, v.id, 'expired', 'ttl_elapsed', T0, sink);
      await store.finishVerification(app.id, v.id, 'canceled', 'canceled_by_app', T0, sink);
      expect(await types()).toEqual(['verification.expired']);
    });

    it('a delivered job announces message.sent; a failed one also the failed verification', async () => {
      const a = verificationRecord({ id: 'ver_a', to: '+905551110001' });
      const b = verificationRecord({ id: 'ver_b', to: '+905551110002' });
      await store.createVerification(a, outboxJob(a, { id: 'job_a' }));
      await store.createVerification(b, outboxJob(b, { id: 'job_b' }));
      const jobs = await store.claimDueJobs(T0, 30_000, 10);
      const jobA = jobs.find((j) => j.id === 'job_a');
      const jobB = jobs.find((j) => j.id === 'job_b');
      if (!jobA || !jobB) throw new Error('jobs not claimed');
      await store.completeJob(
        jobA,
        { provider: 'gw-a', now: T0, messageLogId: 'msg_a', providerMessageId: 'gw-id-1' },
        sink,
      );
      await store.failJob(jobB, 'gw-a: http_500', T0, sink, 'gw-a');
      expect(heard.map((e) => [e.type, e.verification.id])).toEqual([
        ['message.sent', 'ver_a'],
        ['message.failed', 'ver_b'],
        ['verification.failed', 'ver_b'],
      ]);
      const sent = heard[0];
      expect(sent && 'message' in sent ? sent.message : null).toEqual({
        provider: 'gw-a',
        status: 'sent',
        error: null,
        messageLogId: 'msg_a',
        providerMessageId: 'gw-id-1',
      });
      const failed = heard[1];
      expect(failed && 'message' in failed ? failed.message : null).toEqual({
        provider: 'gw-a',
        status: 'failed',
        error: 'gw-a: http_500',
      });
      // A stale holder writes nothing, and announces nothing.
      await store.completeJob(jobA, { provider: 'gw-a', now: T0 }, sink);
      expect(heard).toHaveLength(3);
    });

    it('lists pending verifications past their expiry, oldest expiry first', async () => {
      const early = verificationRecord({ id: 'ver_e', to: '+905551110001', createdAt: T0 });
      const late = verificationRecord({ id: 'ver_l', to: '+905551110002', createdAt: T0 + 5 });
      const done = verificationRecord({ id: 'ver_d', to: '+905551110003', createdAt: T0 });
      for (const v of [late, early, done]) {
        await store.createVerification(v, outboxJob(v, { id: `job_${v.id}` }));
      }
      await store.finishVerification(app.id, done.id, 'canceled', 'canceled_by_app', T0);
      expect(await store.listExpiredPending(early.expiresAt - 1, 10)).toEqual([]);
      expect(await store.listExpiredPending(late.expiresAt, 10)).toEqual([
        { appId: app.id, id: 'ver_e' },
        { appId: app.id, id: 'ver_l' },
      ]);
      expect(await store.listExpiredPending(late.expiresAt, 1)).toHaveLength(1);
    });

    function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
      return {
        id: 'whd_1',
        appId: app.id,
        eventId: 'evt_1',
        eventType: 'verification.created',
        url: 'https://hooks.example/otp',
        payload: '{"type":"verification.created"}',
        status: 'pending',
        attempts: 0,
        attemptLimit: 3,
        nextAttemptAt: T0,
        leaseUntil: null,
        lastError: null,
        lastStatusCode: null,
        createdAt: T0,
        updatedAt: T0,
        deliveredAt: null,
        attemptLog: [],
        ...overrides,
      };
    }

    it('claims a due delivery once per lease, and again after the lease lapses', async () => {
      await store.enqueueWebhookDeliveries([
        delivery(),
        delivery({ id: 'whd_2', nextAttemptAt: T0 + 1_000 }),
      ]);
      const claimed = await Promise.all([
        store.claimDueWebhookDeliveries(T0, 1_000, 10),
        store.claimDueWebhookDeliveries(T0, 1_000, 10),
      ]);
      expect(claimed.flat().map((d) => [d.id, d.attempts])).toEqual([['whd_1', 1]]);
      expect(await store.claimDueWebhookDeliveries(T0 + 999, 1_000, 10)).toEqual([]);
      const again = await store.claimDueWebhookDeliveries(T0 + 1_000, 1_000, 10);
      expect(again.map((d) => [d.id, d.attempts]).sort()).toEqual([
        ['whd_1', 2],
        ['whd_2', 1],
      ]);
    });

    it("takes deliveries round-robin per app, within each app's cap", async () => {
      const crowd = Array.from({ length: 5 }, (_, i) =>
        delivery({ id: `whd_a${i}`, nextAttemptAt: T0 - 100 + i }),
      );
      await store.enqueueWebhookDeliveries([...crowd, delivery({ id: 'whd_b', appId: other.id })]);
      const fair = await store.claimDueWebhookDeliveries(T0, 1_000, 2);
      expect(fair.map((d) => d.id).sort()).toEqual(['whd_a0', 'whd_b']);
      const share = { perApp: 2, held: new Map([[app.id, 1]]) };
      const capped = await store.claimDueWebhookDeliveries(T0, 1_000, 10, share);
      expect(capped.map((d) => d.id)).toEqual(['whd_a1']);
    });

    it('extends the lease of a delivery only while the caller holds it', async () => {
      await store.enqueueWebhookDeliveries([delivery()]);
      const [first] = await store.claimDueWebhookDeliveries(T0, 1_000, 10);
      if (!first) throw new Error('not claimed');
      expect(await store.extendWebhookLease(first, T0 + 5_000)).toBe(true);
      expect(await store.claimDueWebhookDeliveries(T0 + 4_999, 1_000, 10)).toEqual([]);
      const [second] = await store.claimDueWebhookDeliveries(T0 + 5_000, 1_000, 10);
      if (!second) throw new Error('not claimed again');
      expect(await store.extendWebhookLease(first, T0 + 60_000)).toBe(false);
      expect(await store.getWebhookDelivery([app.id], 'whd_1')).toMatchObject({
        attempts: 2,
        leaseUntil: T0 + 6_000,
      });
    });

    it('writes an outcome only while the caller holds the delivery', async () => {
      await store.enqueueWebhookDeliveries([delivery()]);
      const [first] = await store.claimDueWebhookDeliveries(T0, 1_000, 10);
      if (!first) throw new Error('not claimed');
      const [second] = await store.claimDueWebhookDeliveries(T0 + 1_000, 1_000, 10);
      if (!second) throw new Error('not claimed again');
      // The first holder's lease lapsed: its late outcome is ignored.
      await store.finishWebhookDelivery(
        first,
        { status: 'failed', statusCode: 500, error: 'http_500' },
        T0 + 1_001,
      );
      await store.retryWebhookDelivery(
        second,
        { statusCode: 503, error: 'http_503' },
        T0 + 9_000,
        T0 + 1_002,
      );
      const stored = await store.getWebhookDelivery([app.id], 'whd_1');
      expect(stored).toMatchObject({
        status: 'pending',
        attempts: 2,
        nextAttemptAt: T0 + 9_000,
        leaseUntil: null,
        lastError: 'http_503',
        lastStatusCode: 503,
      });
      // The stale holder's outcome is missing from the log too.
      expect(stored?.attemptLog).toEqual([
        { attempt: 2, at: T0 + 1_002, statusCode: 503, error: 'http_503', outcome: 'retrying' },
      ]);
      const [third] = await store.claimDueWebhookDeliveries(T0 + 9_000, 1_000, 10);
      if (!third) throw new Error('not due again');
      await store.finishWebhookDelivery(
        third,
        { status: 'delivered', statusCode: 204, error: null },
        T0 + 9_001,
      );
      expect(await store.getWebhookDelivery([app.id], 'whd_1')).toMatchObject({
        status: 'delivered',
        lastStatusCode: 204,
        lastError: null,
        deliveredAt: T0 + 9_001,
      });
      const done = await store.getWebhookDelivery([app.id], 'whd_1');
      expect(done?.attemptLog.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
        [2, 503, 'retrying'],
        [3, 204, 'delivered'],
      ]);
    });

    it('keeps the newest 50 attempts of a delivery retried again and again', async () => {
      await store.enqueueWebhookDeliveries([delivery({ attemptLimit: 100 })]);
      for (let i = 0; i < 52; i++) {
        const at = T0 + i * 10;
        const [held] = await store.claimDueWebhookDeliveries(at, 5, 1);
        if (!held) throw new Error(`not claimed at ${i}`);
        await store.retryWebhookDelivery(held, { statusCode: null, error: 'timeout' }, at + 10, at);
      }
      const log = (await store.getWebhookDelivery([app.id], 'whd_1'))?.attemptLog ?? [];
      expect(log).toHaveLength(50);
      expect(log[0]?.attempt).toBe(3);
      expect(log.at(-1)).toEqual({
        attempt: 52,
        at: T0 + 510,
        statusCode: null,
        error: 'timeout',
        outcome: 'retrying',
      });
    });

    it('requeues an ended delivery with one more attempt; leaves a pending one; hides other apps', async () => {
      await store.enqueueWebhookDeliveries([delivery(), delivery({ id: 'whd_2' })]);
      const [d] = await store.claimDueWebhookDeliveries(T0, 1_000, 1);
      if (!d) throw new Error('not claimed');
      await store.finishWebhookDelivery(
        d,
        { status: 'failed', statusCode: 500, error: 'http_500' },
        T0,
      );
      expect(await store.requeueWebhookDelivery([other.id], d.id, T0 + 10)).toBeUndefined();
      expect(await store.requeueWebhookDelivery([], d.id, T0 + 10)).toBeUndefined();
      expect(await store.getWebhookDelivery([other.id], d.id)).toBeUndefined();
      const requeued = await store.requeueWebhookDelivery([other.id, app.id], d.id, T0 + 10);
      expect(requeued?.requeued).toBe(true);
      expect(requeued?.delivery).toMatchObject({
        status: 'pending',
        attempts: 1,
        attemptLimit: 2,
        nextAttemptAt: T0 + 10,
      });
      // Pending again: a second retry finds it on its way and leaves it.
      const again = await store.requeueWebhookDelivery([app.id], d.id, T0 + 15);
      expect(again).toEqual({ delivery: requeued?.delivery, requeued: false });
      const untouched = await store.requeueWebhookDelivery([app.id], 'whd_2', T0 + 20);
      expect(untouched?.requeued).toBe(false);
      expect(untouched?.delivery).toMatchObject({
        status: 'pending',
        attempts: 0,
        attemptLimit: 3,
        nextAttemptAt: T0,
      });
    });

    it('purges ended deliveries last updated before the cutoff, never pending ones', async () => {
      await store.enqueueWebhookDeliveries([
        delivery({ id: 'whd_old' }),
        delivery({ id: 'whd_new', appId: other.id }),
        delivery({ id: 'whd_pending', nextAttemptAt: T0 + 10_000 }),
      ]);
      const claimed = await store.claimDueWebhookDeliveries(T0, 1_000, 10);
      for (const d of claimed) {
        const at = d.id === 'whd_old' ? T0 + 1 : T0 + 100;
        await store.finishWebhookDelivery(
          d,
          { status: 'delivered', statusCode: 204, error: null },
          at,
        );
      }
      expect(await store.purgeWebhookDeliveries(T0 + 50)).toBe(1);
      expect(await store.getWebhookDelivery([app.id], 'whd_old')).toBeUndefined();
      expect(await store.getWebhookDelivery([other.id], 'whd_new')).toBeDefined();
      expect(await store.purgeWebhookDeliveries(T0 + 1_000_000)).toBe(1);
      expect(await store.getWebhookDelivery([app.id], 'whd_pending')).toMatchObject({
        status: 'pending',
      });
    });

    it('lists an app’s deliveries newest first, filtered, in pages', async () => {
      await store.enqueueWebhookDeliveries([
        delivery({ id: 'whd_1', createdAt: T0 }),
        delivery({
          id: 'whd_2',
          createdAt: T0 + 1,
          eventType: 'verification.approved',
          eventId: 'evt_2',
        }),
        delivery({ id: 'whd_3', createdAt: T0 + 1 }),
        delivery({ id: 'whd_4', appId: other.id }),
      ]);
      const ids = (list: WebhookDelivery[]) => list.map((d) => d.id);
      expect(ids(await store.listWebhookDeliveries([app.id], {}, null, 10))).toEqual([
        'whd_3',
        'whd_2',
        'whd_1',
      ]);
      const page = await store.listWebhookDeliveries([app.id], {}, null, 2);
      const last = page.at(-1);
      if (!last) throw new Error('empty page');
      expect(ids(await store.listWebhookDeliveries([app.id], {}, last, 2))).toEqual(['whd_1']);
      expect(
        ids(
          await store.listWebhookDeliveries(
            [app.id],
            { eventType: 'verification.approved' },
            null,
            10,
          ),
        ),
      ).toEqual(['whd_2']);
      expect(
        ids(await store.listWebhookDeliveries([app.id], { eventId: 'evt_1' }, null, 10)),
      ).toEqual(['whd_3', 'whd_1']);
      expect(
        ids(await store.listWebhookDeliveries([app.id], { status: 'failed' }, null, 10)),
      ).toEqual([]);
    });

    it('lists the deliveries of several apps, within a range of creation times', async () => {
      await store.enqueueWebhookDeliveries([
        delivery({ id: 'whd_1', createdAt: T0 }),
        delivery({ id: 'whd_2', createdAt: T0 + 10, appId: other.id }),
        delivery({ id: 'whd_3', createdAt: T0 + 20 }),
      ]);
      const ids = (list: WebhookDelivery[]) => list.map((d) => d.id);
      const both = [app.id, other.id];
      expect(ids(await store.listWebhookDeliveries(both, {}, null, 10))).toEqual([
        'whd_3',
        'whd_2',
        'whd_1',
      ]);
      expect(
        ids(await store.listWebhookDeliveries(both, { from: T0 + 10, until: T0 + 20 }, null, 10)),
      ).toEqual(['whd_2']);
      expect(ids(await store.listWebhookDeliveries(both, { from: T0 + 11 }, null, 10))).toEqual([
        'whd_3',
      ]);
      expect(await store.listWebhookDeliveries([], {}, null, 10)).toEqual([]);
      expect(await store.getWebhookDelivery([], 'whd_1')).toBeUndefined();
      expect(await store.getWebhookDelivery(both, 'whd_2')).toMatchObject({ appId: other.id });
    });
  });
}
