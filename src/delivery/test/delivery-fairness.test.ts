import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../../test/helpers/cluster.ts';
import { BOTH_STORES, useFairnessBed } from '../../../test/helpers/fairness-bed.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

const PER_APP = 3;
const PER_PROVIDER = 4;

/** An HTTP gateway entry at `url` that waits up to the longest timeout a gateway may have. */
const gateway = (name: string, url: string) => ({
  type: 'http',
  name,
  request: { method: 'POST', url: `${url}/send`, body: { to: '{{to}}', text: '{{message}}' } },
  success: { status: [200] },
  timeoutMs: 60_000,
});

describe.each(BOTH_STORES)('delivery fairness on %s', (_name, openStore) => {
  const bed = useFairnessBed(openStore, {
    OTPD_DISPATCH_CONCURRENCY: '16',
    OTPD_DISPATCH_APP_CONCURRENCY: String(PER_APP),
    OTPD_DISPATCH_PROVIDER_CONCURRENCY: String(PER_PROVIDER),
  });
  let destinations = 0;

  async function appSendingThrough(url: string): Promise<Client> {
    const { client } = await bed.server.createApp();
    const put = await client.request('PUT', '/v1/settings', {
      channels: { sms: { providers: [gateway('gw', url)] } },
      fraudGuard: { mode: 'off' },
    });
    expect(put.status).toBe(200);
    return client;
  }

  /** Starts `count` verifications at once, so their jobs are due together. */
  async function start(client: Client, count: number): Promise<void> {
    const tos = Array.from(
      { length: count },
      () => `+90555140${String(destinations++).padStart(4, '0')}`,
    );
    // Each person from their own address, so the per-IP limit counts none of them twice.
    const created = await Promise.all(
      tos.map((to, i) => client.post('/v1/verifications', { to, clientIp: `203.0.113.${i + 1}` })),
    );
    expect(created.map((r) => r.status)).toEqual(tos.map(() => 201));
  }

  it("hands another app's code to its gateway within 1 s while one app's gateway hangs", async () => {
    const stuck = await appSendingThrough(bed.hanging.url);
    await start(stuck, 12);
    await waitUntil(
      'the hanging gateway holds its jobs',
      () => bed.hanging.requests.length > 0,
      5_000,
    );

    const other = await appSendingThrough(bed.healthy.url);
    const began = Date.now();
    await start(other, 1);
    await waitUntil(
      'the healthy gateway got its message',
      () => bed.healthy.requests.length === 1,
      1_000,
      10,
    );
    expect(Date.now() - began).toBeLessThan(1_000);
  });

  it("holds no more than the per-app cap of slots with one app's hanging jobs", async () => {
    const stuck = await appSendingThrough(bed.hanging.url);
    // All twelve are due before the dispatcher looks: one claim could take them all.
    await bed.server.deps.dispatcher.stop();
    await start(stuck, 12);
    bed.server.deps.dispatcher.start();
    await waitUntil(
      'the hanging gateway holds the cap',
      () => bed.hanging.requests.length >= PER_APP,
      5_000,
    );
    // Several more polls: none of the nine queued jobs may join the three that hang.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bed.hanging.requests).toHaveLength(PER_APP);
  });

  it('holds no more than the per-provider cap of calls to one hanging gateway, across apps', async () => {
    const first = await appSendingThrough(bed.hanging.url);
    const second = await appSendingThrough(bed.hanging.url);
    await bed.server.deps.dispatcher.stop();
    await start(first, 6);
    await start(second, 6);
    bed.server.deps.dispatcher.start();
    await waitUntil(
      'the gateway holds its cap',
      () => bed.hanging.requests.length >= PER_PROVIDER,
      5_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bed.hanging.requests).toHaveLength(PER_PROVIDER);

    // The jobs put back at the cap still leave room for an app on another gateway.
    const other = await appSendingThrough(bed.healthy.url);
    await start(other, 1);
    await waitUntil(
      'the healthy gateway got its message',
      () => bed.healthy.requests.length === 1,
      1_000,
      10,
    );
  });
});
