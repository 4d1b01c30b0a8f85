import { describe, expect, it } from 'vitest';
import type { Store } from '../../ports/store.ts';
import {
  app,
  delivery,
  other,
  T0,
  type WebhookStoreUnderTest,
  withWebhookStore,
} from './webhook-store-fixture.ts';

/**
 * The Store's guarantees for the webhooks' outbox (src/ports/store.ts), on every adapter:
 * deliveries are claimed, fenced and retried like send jobs.
 */
export function describeWebhookStoreContract(
  name: string,
  open: () => Promise<WebhookStoreUnderTest>,
): void {
  describe(`Store contract, webhook deliveries: ${name}`, () => {
    let store: Store;
    withWebhookStore(open, (f) => ({ store } = f));

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
  });
}
