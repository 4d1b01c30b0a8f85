import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppWithClusterCli, inParallel, waitUntil } from '../../../test/helpers/cluster.ts';
import { answer, type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { type Client, createClient } from '../../../test/helpers/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import {
  cleanupProcesses,
  readSandboxCode,
  type ServerProcess,
  startServerProcess,
} from '../../../test/helpers/process.ts';

const SECRET = 'cluster-webhooks-server-secret-0123456789';
const HOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const COUNT = 60;
const APPROVED = 20;

/**
 * Two instances on one PostgreSQL database each run a webhook sender over the shared outbox:
 * every event reaches the endpoint, and (with no instance dying) exactly once.
 */
describe('webhooks from two otpd instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let receiver: FakeGateway;
  let a: ServerProcess;
  let b: ServerProcess;
  let viaA: Client;
  let viaB: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startFakeGateway(answer(204));
    const env = {
      OTPD_DATABASE_URL: database.url,
      OTPD_SECRET: SECRET,
      OTPD_ALLOW_NETWORKS: '127.0.0.0/8',
      // Instance B sees the settings A stored once its cache lapses: soon.
      OTPD_SETTINGS_REFRESH_MS: '100',
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    const app = await createAppWithClusterCli(env, 'Webhook Shop');
    viaA = createClient(a.url, app.apiKey);
    viaB = createClient(b.url, app.apiKey);
    const put = await viaA.request('PUT', '/v1/settings', {
      fraudGuard: { mode: 'off' },
      webhooks: [
        {
          url: `${receiver.url}/hooks`,
          events: ['verification.created', 'message.sent', 'verification.approved'],
          secret: HOOK_SECRET,
        },
      ],
    });
    if (put.status !== 200) throw new Error(`settings: ${put.text}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }, 60_000);

  afterAll(async () => {
    await cleanupProcesses();
    await receiver?.close();
    await database?.drop();
  });

  it('delivers every event once, whichever instance made it', async () => {
    const created = await inParallel(COUNT, 10, (i) =>
      (i % 2 === 0 ? viaA : viaB).post('/v1/verifications', {
        to: `+1415555${String(2000 + i).padStart(4, '0')}`,
        clientIp: `2001:db8:${i.toString(16)}::1`,
      }),
    );
    const ids = created.map((o) => {
      if (o.status !== 'fulfilled' || o.value.status !== 201) throw new Error('create refused');
      return o.value.body.id as string;
    });
    for (const id of ids.slice(0, APPROVED)) {
      const code = await readSandboxCode(viaA, id, 200);
      const checked = await viaB.post(`/v1/verifications/${id}/check`, { code });
      expect(checked.body.valid).toBe(true);
    }
    const expected = COUNT * 2 + APPROVED;
    await waitUntil(
      `${expected} webhooks received`,
      () => receiver.requests.length >= expected,
      30_000,
    );
    // A moment for any duplicate to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const events = receiver.requests.map((r) => ({
      id: String(r.headers['webhook-id']),
      ...(JSON.parse(r.body) as { type: string; data: { id?: string; verificationId?: string } }),
    }));
    expect(events).toHaveLength(expected);
    expect(new Set(events.map((e) => e.id)).size).toBe(expected);
    const of = (type: string) =>
      events
        .filter((e) => e.type === type)
        .map((e) => e.data.id ?? e.data.verificationId)
        .sort();
    expect(of('verification.created')).toEqual([...ids].sort());
    expect(of('message.sent')).toEqual([...ids].sort());
    expect(of('verification.approved')).toEqual(ids.slice(0, APPROVED).sort());
  }, 90_000);
});
