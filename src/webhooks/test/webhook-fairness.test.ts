import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../../test/helpers/cluster.ts';
import { BOTH_STORES, useFairnessBed } from '../../../test/helpers/fairness-bed.ts';
import { answer, type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';

const SECRET = 'webhook-fairness-server-secret-0123456789';
const HOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const PER_APP = 2;

let destinations = 0;
const nextDestination = () => `+90555150${String(destinations++).padStart(4, '0')}`;

/** A new app of `server` whose `verification.created` events go to `receiver`. */
async function appWithWebhook(server: TestServer, receiver: FakeGateway): Promise<Client> {
  const { client } = await server.createApp();
  const put = await client.request('PUT', '/v1/settings', {
    webhooks: [
      { url: `${receiver.url}/hooks`, events: ['verification.created'], secret: HOOK_SECRET },
    ],
    fraudGuard: { mode: 'off' },
  });
  expect(put.status).toBe(200);
  return client;
}

/** Starts `count` verifications at once, so their events are due together. */
async function start(client: Client, count: number): Promise<void> {
  const tos = Array.from({ length: count }, nextDestination);
  const created = await Promise.all(tos.map((to) => client.post('/v1/verifications', { to })));
  expect(created.map((r) => r.status)).toEqual(tos.map(() => 201));
}

describe.each(BOTH_STORES)('webhook fairness on %s', (_name, openStore) => {
  const bed = useFairnessBed(openStore, {
    OTPD_WEBHOOK_CONCURRENCY: '8',
    OTPD_WEBHOOK_APP_CONCURRENCY: String(PER_APP),
  });

  it("delivers another app's webhook within 1 s while one app's receiver hangs", async () => {
    const stuck = await appWithWebhook(bed.server, bed.hanging);
    await start(stuck, 6);
    await waitUntil(
      'the hanging receiver holds its deliveries',
      () => bed.hanging.requests.length > 0,
      5_000,
    );

    const other = await appWithWebhook(bed.server, bed.healthy);
    const began = Date.now();
    await start(other, 1);
    await waitUntil(
      'the healthy receiver got its event',
      () => bed.healthy.requests.length === 1,
      1_000,
      10,
    );
    expect(Date.now() - began).toBeLessThan(1_000);
  });

  it("holds no more than the per-app cap of slots with one app's hanging deliveries", async () => {
    const stuck = await appWithWebhook(bed.server, bed.hanging);
    // All six are due before the sender looks: one claim could take them all.
    await bed.server.deps.webhooks.stop();
    await start(stuck, 6);
    bed.server.deps.webhooks.start();
    await waitUntil(
      'the receiver holds the cap',
      () => bed.hanging.requests.length >= PER_APP,
      5_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bed.hanging.requests).toHaveLength(PER_APP);
  });
});

describe('webhook leases across two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let servers: TestServer[];
  let slow: FakeGateway;

  beforeAll(async () => {
    database = await createTestDatabase();
    // A lease shorter than the receiver takes to answer.
    const env = {
      OTPD_DATABASE_URL: database.url,
      OTPD_SECRET: SECRET,
      OTPD_ALLOW_NETWORKS: '127.0.0.0/8',
      OTPD_DISPATCH_LEASE_MS: '1000',
    };
    servers = [await startServer({ env }), await startServer({ env })];
    slow = await startFakeGateway(
      () => new Promise((resolve) => setTimeout(() => resolve(answer(204)()), 2_500)),
    );
  });
  afterAll(async () => {
    await slow?.close();
    for (const server of servers ?? []) await server.close();
    await database?.drop();
  });

  it('never sends an event twice when its receiver answers after the lease', async () => {
    const [first] = servers;
    if (!first) throw new Error('no server');
    const client = await appWithWebhook(first, slow);
    await start(client, 1);
    await waitUntil('the receiver is answering', () => slow.requests.length === 1, 5_000, 10);
    const { rows } = await database.client.query<{ status: string }>(
      'select status from webhook_deliveries',
    );
    expect(rows).toHaveLength(1);
    // Past the answer and two more leases, both senders polling all along.
    await new Promise((resolve) => setTimeout(resolve, 2_500 + 2_000));
    expect(slow.requests).toHaveLength(1);
    await waitUntil(
      'the delivery is written down',
      async () =>
        (await database.client.query("select 1 from webhook_deliveries where status = 'delivered'"))
          .rowCount === 1,
      10_000,
    );
    expect(slow.requests).toHaveLength(1);
  });
});
