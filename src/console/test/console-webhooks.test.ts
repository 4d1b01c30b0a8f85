import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient, createAdmin } from '../../../test/helpers/console-admin.ts';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import {
  answer,
  type FakeGateway,
  startFakeGateway,
  succeed,
} from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { WEBHOOK_ATTEMPTS } from '../../webhooks/event-announcer.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
/** Waits between the scheduled tries: longer than the longest retry delay with its jitter. */
const ROUND_MS = 13 * 3_600_000;

describe("the console's webhook deliveries", () => {
  // The clock starts in the past so that, after every try is spent, it reads about now: the
  // receiver checks the retry's signature timestamp against its own clock.
  const clock = createFakeClock(Date.now() - WEBHOOK_ATTEMPTS * ROUND_MS);
  let server: TestServer;
  let receiver: FakeGateway;
  let shopId: string;
  let bankId: string;
  /** The shop's delivery that every try failed: 500 from the receiver. */
  let failedId: string;
  let bankDeliveryId: string;
  let startedAt: number;

  const signedIn = async (email: string) => {
    const browser = consoleClient(server.url);
    expect((await browser.login(email)).status).toBe(200);
    return browser;
  };
  const ids = (body: { data: { id: string }[] }) => body.data.map((d) => d.id);
  const drain = async () => {
    for (let i = 0; i < 10 && (await server.deps.webhooks.runOnce()) > 0; i++);
  };
  const retries = async () =>
    (await server.deps.console.audit.list({ limit: 50 })).entries.filter(
      (e) => e.action === 'webhook.retried',
    );

  beforeAll(async () => {
    receiver = await startFakeGateway(answer(500));
    server = await startServer({
      clock,
      env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' },
      dispatcher: false,
    });
    const shop = await server.createApp('Shop');
    const bank = await server.createApp('Bank');
    shopId = shop.appId;
    bankId = bank.appId;
    for (const { client } of [shop, bank]) {
      const put = await client.request('PUT', '/v1/settings', {
        webhooks: [
          { url: `${receiver.url}/hooks`, events: ['verification.created'], secret: SECRET },
        ],
      });
      expect(put.status, put.text).toBe(200);
    }
    startedAt = clock.now();
    await shop.client.post('/v1/verifications', { to: '+905551234567' });
    clock.advance(60_000);
    await bank.client.post('/v1/verifications', { to: '+905551234568' });
    for (let i = 0; i < WEBHOOK_ATTEMPTS; i++) {
      await drain();
      clock.advance(ROUND_MS);
    }
    failedId = (await shop.client.get('/v1/webhook-deliveries')).body.data[0].id;
    bankDeliveryId = (await bank.client.get('/v1/webhook-deliveries')).body.data[0].id;
    await createAdmin(server, 'owner@example.com');
    await createAdmin(server, 'shop-admin@example.com', { role: 'admin', appIds: [shopId] });
    await createAdmin(server, 'shop-viewer@example.com', { role: 'viewer', appIds: [shopId] });
    await createAdmin(server, 'agent@example.com', { role: 'agent', appIds: [shopId] });
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it("lists the deliveries of the admin's apps, filtered, with no payload", async () => {
    const viewer = await signedIn('shop-viewer@example.com');
    const mine = await viewer.call('GET', '/console/api/webhook-deliveries');
    expect(mine.status).toBe(200);
    expect(mine.body.data).toEqual([
      expect.objectContaining({
        id: failedId,
        appId: shopId,
        eventType: 'verification.created',
        status: 'failed',
        attempts: WEBHOOK_ATTEMPTS,
        lastStatusCode: 500,
        nextAttemptAt: null,
      }),
    ]);
    expect(mine.body.data[0]).not.toHaveProperty('payload');
    const foreign = await viewer.call('GET', `/console/api/webhook-deliveries?appId=${bankId}`);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'console_app_not_found']);

    const owner = await signedIn('owner@example.com');
    const list = async (query: string) =>
      ids((await owner.call('GET', `/console/api/webhook-deliveries?${query}`)).body);
    const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    expect(await list('')).toEqual([bankDeliveryId, failedId]);
    expect(await list(`appId=${bankId}`)).toEqual([bankDeliveryId]);
    expect(await list('status=failed&eventType=verification.created')).toHaveLength(2);
    expect(await list('status=delivered')).toEqual([]);
    expect(await list(`until=${at(startedAt + 1)}`)).toEqual([failedId]);
    expect(await list(`from=${at(startedAt + 1)}`)).toEqual([bankDeliveryId]);
    const first = await owner.call('GET', '/console/api/webhook-deliveries?limit=1');
    expect(ids(first.body)).toEqual([bankDeliveryId]);
    const next = await owner.call(
      'GET',
      `/console/api/webhook-deliveries?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect([ids(next.body), next.body.nextCursor]).toEqual([[failedId], null]);
  });

  it('answers bad input with 400 problems and no session with 401', async () => {
    const owner = await signedIn('owner@example.com');
    for (const query of ['?status=lost', '?from=yesterday', '?cursor=nope', '?colour=red']) {
      const bad = await owner.call('GET', `/console/api/webhook-deliveries${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect(bad.body.code).toBe('validation_failed');
    }
    const long = await owner.call('GET', `/console/api/webhook-deliveries/${'x'.repeat(65)}`);
    expect(long.status).toBe(400);
    const anonymous = consoleClient(server.url);
    for (const path of ['', `/${failedId}`]) {
      expect((await anonymous.call('GET', `/console/api/webhook-deliveries${path}`)).status).toBe(
        401,
      );
    }
  });

  it("shows a delivery's every attempt and its payload with the destination masked", async () => {
    const viewer = await signedIn('shop-viewer@example.com');
    const shown = await viewer.call('GET', `/console/api/webhook-deliveries/${failedId}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data).toMatchObject({ id: failedId, appId: shopId, status: 'failed' });
    const attempts = shown.body.attempts as { attempt: number; outcome: string }[];
    expect(attempts.map((a) => a.attempt)).toEqual(
      Array.from({ length: WEBHOOK_ATTEMPTS }, (_, i) => i + 1),
    );
    expect(attempts.at(-1)).toMatchObject({
      statusCode: 500,
      error: 'http_500',
      outcome: 'failed',
    });
    expect(new Set(attempts.slice(0, -1).map((a) => a.outcome))).toEqual(new Set(['retrying']));
    expect(shown.body.payload).toMatchObject({
      type: 'verification.created',
      data: { to: '+905•••••••67' },
    });
    expect(JSON.stringify(shown.body)).not.toContain('+905551234567');
    const foreign = await viewer.call('GET', `/console/api/webhook-deliveries/${bankDeliveryId}`);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'webhook_delivery_not_found']);
  });

  it('refuses agents everything, viewers a retry, and a retry without the CSRF token', async () => {
    const agent = await signedIn('agent@example.com');
    const viewer = await signedIn('shop-viewer@example.com');
    const admin = await signedIn('shop-admin@example.com');
    const retry = `/console/api/webhook-deliveries/${failedId}/retry`;
    for (const refused of [
      await agent.call('GET', '/console/api/webhook-deliveries'),
      await agent.call('GET', `/console/api/webhook-deliveries/${failedId}`),
      await agent.change(retry),
      await viewer.change(retry),
    ]) {
      expect([refused.status, refused.body.code]).toEqual([403, 'console_role_forbidden']);
    }
    const forged = await admin.change(retry, undefined, null);
    expect([forged.status, forged.body.code]).toEqual([403, 'csrf_token_invalid']);
    const foreign = await admin.change(`/console/api/webhook-deliveries/${bankDeliveryId}/retry`);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'webhook_delivery_not_found']);
    expect(await retries()).toEqual([]);
    const unchanged = await admin.call('GET', `/console/api/webhook-deliveries/${failedId}`);
    expect(unchanged.body.data.status).toBe('failed');
  });

  it('retries a failed delivery: the receiver gets it signed, the log and the audit say so', async () => {
    receiver.behave(succeed);
    const before = receiver.requests.length;
    const admin = await signedIn('shop-admin@example.com');
    const retry = `/console/api/webhook-deliveries/${failedId}/retry`;
    const queued = await admin.change(retry);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ id: failedId, status: 'pending' });
    // Already on its way: answered unchanged, not recorded again.
    expect((await admin.change(retry)).body).toEqual(queued.body);
    await drain();

    expect(receiver.requests).toHaveLength(before + 1);
    const request = receiver.requests.at(-1);
    if (!request) throw new Error('nothing received');
    const event = new Webhook(SECRET).verify(request.body, {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    }) as { type: string; data: { to: string } };
    expect(event).toMatchObject({ type: 'verification.created', data: { to: '+905551234567' } });

    const shown = await admin.call('GET', `/console/api/webhook-deliveries/${failedId}`);
    expect(shown.body.data).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    expect(shown.body.attempts.at(-1)).toMatchObject({
      attempt: WEBHOOK_ATTEMPTS + 1,
      statusCode: 200,
      error: null,
      outcome: 'delivered',
    });
    expect(await retries()).toEqual([
      expect.objectContaining({
        actor: 'admin:shop-admin@example.com',
        appId: shopId,
        target: failedId,
        details: {
          eventId: String(request.headers['webhook-id']),
          eventType: 'verification.created',
          attempt: WEBHOOK_ATTEMPTS + 1,
        },
      }),
    ]);
  });
});
