import { describe, expect, it } from 'vitest';
import { outboxJob, RECORD_T0 as T0, verificationRecord } from '../../../test/helpers/records.ts';
import { newWebhookDelivery } from '../../webhooks/event-announcer.ts';
import { usePageWritesBed } from './page-writes.ts';

/**
 * What the queues write, counted in pages on SQLite (see page-writes.ts): a job or a webhook
 * delivery is in the index of its app's pending rows the claims read (migration 0021), and
 * in no other index of pending rows (migration 0022).
 */
describe('page writes of the queues (SQLite)', () => {
  const bed = usePageWritesBed();

  it('queues a webhook delivery in its table and three indexes, and finishes it in two pages', async () => {
    const { store, pagesWritten } = bed;
    const delivery = newWebhookDelivery(
      {
        id: 'whd_pages_1',
        appId: 'app_1',
        eventId: 'evt_pages_1',
        eventType: 'verification.created',
        url: 'https://hooks.example/otp',
        payload: '{}',
      },
      T0,
    );
    // The row, its key, the app's list (by time) and the app's pending rows.
    expect(await pagesWritten(() => store.enqueueWebhookDeliveries([delivery]))).toBe(4);
    const [claimed] = await store.claimDueWebhookDeliveries(T0, 30_000, 1);
    if (!claimed) throw new Error('no delivery to claim');
    const outcome = { status: 'delivered' as const, statusCode: 200, error: null };
    const finished = () => store.finishWebhookDelivery(claimed, outcome, T0 + 1);
    // The row, and its entry leaving the pending index.
    expect(await pagesWritten(finished)).toBe(2);
  });

  it("sends a job in three pages: its row, its pending entry, the verification's row", async () => {
    const { store, pagesWritten } = bed;
    const v = verificationRecord({ id: 'ver_pages_q' });
    await store.createVerification(v, outboxJob(v), undefined);
    const [job] = await store.claimDueJobs(T0, 30_000, 1);
    if (!job) throw new Error('no job to claim');
    const sent = () => store.completeJob(job, { provider: 'gateway', now: T0 + 1 });
    expect(await pagesWritten(sent)).toBe(3);
  });
});
