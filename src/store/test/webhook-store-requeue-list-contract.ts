import { describe, expect, it } from 'vitest';
import type { Store, WebhookDelivery } from '../../ports/store.ts';
import {
  app,
  delivery,
  other,
  T0,
  type WebhookStoreUnderTest,
  withWebhookStore,
} from './webhook-store-fixture.ts';

/**
 * The Store's guarantees for what an operator does with webhook deliveries (src/ports/store.ts),
 * on every adapter: requeue an ended one, purge old ones, list them in pages.
 */
export function describeWebhookRequeueListContract(
  name: string,
  open: () => Promise<WebhookStoreUnderTest>,
): void {
  describe(`Store contract, requeuing and listing webhook deliveries: ${name}`, () => {
    let store: Store;
    withWebhookStore(open, (f) => ({ store } = f));

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
