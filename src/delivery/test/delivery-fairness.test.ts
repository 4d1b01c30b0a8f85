import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../../test/helpers/cluster.ts';
import {
  type FakeGateway,
  hang,
  startFakeGateway,
  succeed,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';

const SECRET = 'delivery-fairness-server-secret-0123456789';
const PER_APP = 3;
const PER_PROVIDER = 4;

/** Where each variant keeps its data: a temp SQLite file, or a PostgreSQL schema. */
const STORES: [string, () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>][] = [
  ['SQLite', async () => ({ env: {}, drop: async () => {} })],
  [
    'PostgreSQL',
    async () => {
      const database: TestDatabase = await createTestDatabase();
      const schema = await database.createSchema();
      return {
        env: { OTPD_DATABASE_URL: schema.url, OTPD_SECRET: SECRET },
        drop: () => database.drop(),
      };
    },
  ],
];

/** An HTTP gateway entry at `url` that waits up to the longest timeout a gateway may have. */
const gateway = (name: string, url: string) => ({
  type: 'http',
  name,
  request: { method: 'POST', url: `${url}/send`, body: { to: '{{to}}', text: '{{message}}' } },
  success: { status: [200] },
  timeoutMs: 60_000,
});

describe.each(STORES)('delivery fairness on %s', (_name, openStore) => {
  let dropStore: () => Promise<void>;
  let server: TestServer;
  let hanging: FakeGateway;
  let healthy: FakeGateway;
  let destinations = 0;

  beforeAll(async () => {
    const opened = await openStore();
    dropStore = opened.drop;
    server = await startServer({
      env: {
        ...opened.env,
        OTPD_ALLOW_NETWORKS: '127.0.0.0/8',
        OTPD_DISPATCH_CONCURRENCY: '16',
        OTPD_DISPATCH_APP_CONCURRENCY: String(PER_APP),
        OTPD_DISPATCH_PROVIDER_CONCURRENCY: String(PER_PROVIDER),
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await dropStore?.();
  });
  beforeEach(async () => {
    hanging = await startFakeGateway(hang);
    healthy = await startFakeGateway(succeed);
  });
  afterEach(async () => {
    // Closing the hanging gateway fails its calls at once, so the server can stop.
    await hanging.close();
    await healthy.close();
  });

  async function appSendingThrough(url: string): Promise<Client> {
    const { client } = await server.createApp();
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
    const stuck = await appSendingThrough(hanging.url);
    await start(stuck, 12);
    await waitUntil('the hanging gateway holds its jobs', () => hanging.requests.length > 0, 5_000);

    const other = await appSendingThrough(healthy.url);
    const began = Date.now();
    await start(other, 1);
    await waitUntil(
      'the healthy gateway got its message',
      () => healthy.requests.length === 1,
      1_000,
      10,
    );
    expect(Date.now() - began).toBeLessThan(1_000);
  });

  it("holds no more than the per-app cap of slots with one app's hanging jobs", async () => {
    const stuck = await appSendingThrough(hanging.url);
    // All twelve are due before the dispatcher looks: one claim could take them all.
    await server.deps.dispatcher.stop();
    await start(stuck, 12);
    server.deps.dispatcher.start();
    await waitUntil(
      'the hanging gateway holds the cap',
      () => hanging.requests.length >= PER_APP,
      5_000,
    );
    // Several more polls: none of the nine queued jobs may join the three that hang.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hanging.requests).toHaveLength(PER_APP);
  });

  it('holds no more than the per-provider cap of calls to one hanging gateway, across apps', async () => {
    const first = await appSendingThrough(hanging.url);
    const second = await appSendingThrough(hanging.url);
    await server.deps.dispatcher.stop();
    await start(first, 6);
    await start(second, 6);
    server.deps.dispatcher.start();
    await waitUntil(
      'the gateway holds its cap',
      () => hanging.requests.length >= PER_PROVIDER,
      5_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hanging.requests).toHaveLength(PER_PROVIDER);

    // The jobs put back at the cap still leave room for an app on another gateway.
    const other = await appSendingThrough(healthy.url);
    await start(other, 1);
    await waitUntil(
      'the healthy gateway got its message',
      () => healthy.requests.length === 1,
      1_000,
      10,
    );
  });
});
