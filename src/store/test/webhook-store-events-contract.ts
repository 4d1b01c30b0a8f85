import { describe, expect, it } from 'vitest';
import { outboxJob, verificationRecord } from '../../../test/helpers/records.ts';
import type { EventSink, Store } from '../../ports/store.ts';
import type { LifecycleEvent } from '../../webhooks/domain/events.ts';
import { app, T0, type WebhookStoreUnderTest, withWebhookStore } from './webhook-store-fixture.ts';

/**
 * The Store's guarantees for lifecycle events (src/ports/store.ts), on every adapter: a state
 * change writes the deliveries its sink owes in its own transaction, and expired pending
 * verifications are listed for the sweeper.
 */
export function describeWebhookEventsContract(
  name: string,
  open: () => Promise<WebhookStoreUnderTest>,
): void {
  describe(`Store contract, lifecycle events: ${name}`, () => {
    let store: Store;
    let heard: LifecycleEvent[];
    let sink: EventSink;
    const { types } = withWebhookStore(open, (f) => ({ store, heard, sink } = f));

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
  });
}
