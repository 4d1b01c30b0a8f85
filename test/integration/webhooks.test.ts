import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WEBHOOK_ATTEMPTS } from '../../src/webhooks/event-announcer.ts';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.ts';
import {
  answer,
  type FakeGateway,
  type GatewayRequest,
  startFakeGateway,
  succeed,
} from '../helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import type { Client } from '../helpers/http-client.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ALL_EVENTS = [
  'verification.created',
  'verification.approved',
  'verification.expired',
  'verification.canceled',
  'verification.max_attempts_reached',
  'verification.failed',
  'message.sent',
  'message.delivered',
  'message.failed',
];

/** The event a received webhook carries, after checking its signature as a receiver would. */
function verified(request: GatewayRequest, secret = SECRET): { type: string; data: any } {
  const headers = {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  };
  return new Webhook(secret).verify(request.body, headers) as { type: string; data: any };
}

describe('webhooks', () => {
  let receiver: FakeGateway;
  let server: TestServer;
  let clock: FakeClock;
  let client: Client;
  let appId: string;

  /** Starts otpd on a fake clock that follows real time closely enough for signatures. */
  async function start(env: Record<string, string> = { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' }) {
    clock = createFakeClock(Date.now());
    server = await startServer({ clock, env, dispatcher: false });
    ({ client, appId } = await server.createApp());
  }

  async function subscribe(events = ALL_EVENTS, extra: object = {}) {
    const put = await client.request('PUT', '/v1/settings', {
      webhooks: [{ url: `${receiver.url}/hooks`, events, secret: SECRET }],
      ...extra,
    });
    expect(put.status).toBe(200);
  }

  /** Runs the dispatcher and the webhook sender until neither has anything due now. */
  async function drain() {
    for (let i = 0; i < 20; i++) {
      const jobs = await server.deps.dispatcher.runOnce();
      const hooks = await server.deps.webhooks.runOnce();
      if (jobs === 0 && hooks === 0) return;
    }
  }

  const received = () => receiver.requests.map((r) => verified(r));
  const receivedTypes = () => received().map((e) => e.type);

  beforeEach(async () => {
    receiver = await startFakeGateway(answer(204));
  });
  afterEach(async () => {
    await server.close();
    await receiver.close();
  });

  it('announces create, send and approval, signed per Standard Webhooks', async () => {
    await start();
    await subscribe();
    const created = await client.post('/v1/verifications', { to: '+905551234567', txCode: 'tx-1' });
    await drain();
    const code = await server.readCode(client, created.body.id);
    await client.post(`/v1/verifications/${created.body.id}/check`, { code });
    await drain();

    // Events sent in one round may arrive in any order (Standard Webhooks promise none).
    expect(receivedTypes().sort()).toEqual([
      'message.sent',
      'verification.approved',
      'verification.created',
    ]);
    const of = (type: string) => received().find((e) => e.type === type)?.data;
    expect(of('verification.created')).toMatchObject({
      id: created.body.id,
      status: 'pending',
      txCode: 'tx-1',
    });
    expect(of('message.sent')).toMatchObject({
      verificationId: created.body.id,
      provider: 'console',
      status: 'sent',
      txCode: 'tx-1',
      messageLogId: expect.any(String),
    });
    // The message log entry the event names is the attempt that sent it.
    let log = await client.get(`/v1/verifications/${created.body.id}/messages`);
    for (let i = 0; i < 250 && log.body.data.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20)); // the log is written beside the delivery
      log = await client.get(`/v1/verifications/${created.body.id}/messages`);
    }
    expect(log.body.data.map((m: { id: string }) => m.id)).toEqual([
      of('message.sent').messageLogId,
    ]);
    expect(of('message.sent').providerMessageId).toBe(log.body.data[0].providerMessageId);
    expect(of('verification.approved')).toMatchObject({ id: created.body.id, status: 'approved' });
    const request = receiver.requests[0];
    expect(request?.url).toBe('/hooks');
    expect(request?.headers['content-type']).toBe('application/json');
    // Each event has its own id; no body carries the code.
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(3);
    for (const r of receiver.requests) expect(r.body).not.toContain(code);
    // A wrong secret does not verify: the signature is really over the body.
    expect(() =>
      verified(request as GatewayRequest, 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    ).toThrow();
  });

  it('sends only the events a webhook subscribes to, and nothing to an app without webhooks', async () => {
    await start();
    await subscribe(['verification.canceled', 'verification.max_attempts_reached']);
    const a = await client.post('/v1/verifications', { to: '+905551234567' });
    await client.post(`/v1/verifications/${a.body.id}/cancel`);
    const b = await client.post('/v1/verifications', { to: '+905551234568' });
    for (let i = 0; i < 5; i++) {
      await client.post(`/v1/verifications/${b.body.id}/check`, { code: '000000' });
    }
    await drain();
    expect(receivedTypes().sort()).toEqual([
      'verification.canceled',
      'verification.max_attempts_reached',
    ]);
    expect(received().find((e) => e.type === 'verification.canceled')?.data).toMatchObject({
      id: a.body.id,
      reason: 'canceled_by_app',
    });

    const quiet = await server.createApp('Quiet');
    await quiet.client.post('/v1/verifications', { to: '+905551234569' });
    await drain();
    expect(receiver.requests).toHaveLength(2);
    expect((await quiet.client.get('/v1/webhook-deliveries')).body.data).toEqual([]);
  });

  it('announces a superseded verification as canceled', async () => {
    await start();
    await subscribe(['verification.canceled']);
    const first = await client.post('/v1/verifications', { to: '+905551234567' });
    await client.post('/v1/verifications', { to: '+905551234567' });
    await drain();
    expect(received().map((e) => [e.type, e.data.id, e.data.reason])).toEqual([
      ['verification.canceled', first.body.id, 'superseded'],
    ]);
  });

  it('announces expiry once the sweeper writes it down', async () => {
    await start();
    await subscribe(['verification.expired']);
    const created = await client.post('/v1/verifications', { to: '+905551234567', ttlSeconds: 60 });
    await server.deps.expirySweeper.sweepOnce();
    await drain();
    expect(receiver.requests).toHaveLength(0);
    clock.advance(60_000);
    expect(await server.deps.expirySweeper.sweepOnce()).toBe(1);
    expect(await server.deps.expirySweeper.sweepOnce()).toBe(0);
    await drain();
    expect(received().map((e) => [e.type, e.data.id, e.data.status])).toEqual([
      ['verification.expired', created.body.id, 'expired'],
    ]);
    const stored = await client.get(`/v1/verifications/${created.body.id}`);
    expect(stored.body).toMatchObject({ status: 'expired', reason: 'ttl_elapsed' });
  });

  it('announces a failed delivery and the failed verification', async () => {
    const gateway = await startFakeGateway(answer(400, { error: 'bad number' }));
    try {
      await start();
      await subscribe(['message.failed', 'verification.failed'], {
        channels: {
          sms: {
            providers: [
              {
                type: 'http',
                name: 'gw-a',
                request: { method: 'POST', url: `${gateway.url}/send`, body: { to: '{{to}}' } },
              },
            ],
          },
        },
      });
      const created = await client.post('/v1/verifications', { to: '+905551234567' });
      await drain();
      const events = received();
      expect(events.map((e) => e.type).sort()).toEqual(['message.failed', 'verification.failed']);
      const of = (type: string) => events.find((e) => e.type === type)?.data;
      expect(of('message.failed')).toMatchObject({
        verificationId: created.body.id,
        provider: 'gw-a',
        status: 'failed',
        error: expect.stringContaining('gw-a'),
      });
      expect(of('verification.failed')).toMatchObject({
        status: 'failed',
        reason: 'delivery_failed',
      });
    } finally {
      await gateway.close();
    }
  });

  it('announces what delivery receipts report', async () => {
    const token = 'webhook-receipt-token-0a1b2c3d';
    const gateway = await startFakeGateway(() => ({ status: 200, body: { id: 'gw-77' } }));
    try {
      await start();
      await subscribe(['message.delivered', 'message.failed'], {
        channels: {
          sms: {
            providers: [
              {
                type: 'http',
                name: 'gw-a',
                request: { method: 'POST', url: `${gateway.url}/send`, body: { to: '{{to}}' } },
                messageIdPointer: '/id',
                receipt: {
                  token,
                  messageIdPointer: '/msgid',
                  statusPointer: '/stat',
                  statusMap: { DELIVRD: 'delivered' },
                },
              },
            ],
          },
        },
      });
      const created = await client.post('/v1/verifications', { to: '+905551234567' });
      await drain();
      // Stopping drains the message log writes, so the receipt finds its message.
      await server.deps.dispatcher.stop();
      const receipt = await fetch(`${server.url}/v1/receipts/http/${appId}/gw-a?token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgid: 'gw-77', stat: 'DELIVRD' }),
      });
      expect(await receipt.json()).toEqual({ outcome: 'applied' });
      await drain();
      expect(received().map((e) => [e.type, e.data.verificationId, e.data.status])).toEqual([
        ['message.delivered', created.body.id, 'delivered'],
      ]);
      expect(received()[0]?.data).toMatchObject({ provider: 'gw-a', providerMessageId: 'gw-77' });
    } finally {
      await gateway.close();
    }
  });

  it('retries a failing endpoint with growing delays until it answers 2xx', async () => {
    await start();
    await subscribe(['verification.created']);
    receiver.behave(answer(500));
    await client.post('/v1/verifications', { to: '+905551234567' });
    await drain();
    expect(receiver.requests).toHaveLength(1);
    const [pending] = (await client.get('/v1/webhook-deliveries')).body.data;
    expect(pending).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'http_500',
    });
    // Not before the first delay (5 s, less 20 % jitter) …
    clock.advance(3_999);
    await drain();
    expect(receiver.requests).toHaveLength(1);
    // … and by its end.
    clock.advance(2_001);
    await drain();
    expect(receiver.requests).toHaveLength(2);
    receiver.behave(succeed);
    clock.advance(360_000);
    await drain();
    expect(receiver.requests).toHaveLength(3);
    // Every try carries the same webhook-id and body, each freshly signed.
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
    const [delivered] = (await client.get('/v1/webhook-deliveries')).body.data;
    expect(delivered).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
  });

  it('gives up after its attempts; a manual retry sends it once more', async () => {
    await start();
    await subscribe(['verification.created']);
    receiver.behave(answer(503));
    await client.post('/v1/verifications', { to: '+905551234567' });
    for (let i = 0; i < WEBHOOK_ATTEMPTS + 2; i++) {
      await drain();
      clock.advance(13 * 3_600_000);
    }
    expect(receiver.requests).toHaveLength(WEBHOOK_ATTEMPTS);
    const [failed] = (await client.get('/v1/webhook-deliveries?status=failed')).body.data;
    expect(failed).toMatchObject({ attempts: WEBHOOK_ATTEMPTS, lastStatusCode: 503 });

    receiver.behave(succeed);
    const retried = await client.post(`/v1/webhook-deliveries/${failed.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'pending', attemptLimit: WEBHOOK_ATTEMPTS + 1 });
    // A retry of a delivery already on its way changes nothing and is not recorded.
    const twice = await client.post(`/v1/webhook-deliveries/${failed.id}/retry`);
    expect(twice.body).toEqual(retried.body);
    await drain();
    expect(receiver.requests).toHaveLength(WEBHOOK_ATTEMPTS + 1);
    const after = await client.get(`/v1/webhook-deliveries/${failed.id}`);
    expect(after.body).toMatchObject({ status: 'delivered', attempts: WEBHOOK_ATTEMPTS + 1 });
    expect(after.body.payload).toMatchObject({ type: 'verification.created' });
    const audit = (await client.get('/v1/audit')).body.data;
    expect(audit.filter((e: { action: string }) => e.action === 'webhook.retried')).toEqual([
      expect.objectContaining({
        actor: expect.stringMatching(/^key:/),
        appId,
        target: failed.id,
        details: {
          eventId: failed.eventId,
          eventType: 'verification.created',
          attempt: WEBHOOK_ATTEMPTS + 1,
        },
      }),
    ]);
  });

  it('filters the delivery log by creation time', async () => {
    await start();
    await subscribe(['verification.created']);
    const t0 = clock.now();
    await client.post('/v1/verifications', { to: '+905551234560' });
    clock.advance(60_000);
    await client.post('/v1/verifications', { to: '+905551234561' });
    const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    const tos = async (query: string) =>
      (await client.get(`/v1/webhook-deliveries?${query}`)).body.data.map(
        (d: any) => d.payload.data.to,
      );
    expect(await tos(`until=${at(t0 + 1)}`)).toEqual(['+905551234560']);
    expect(await tos(`from=${at(t0 + 1)}`)).toEqual(['+905551234561']);
    expect(await tos(`from=${at(t0)}&until=${at(t0 + 60_001)}`)).toHaveLength(2);
    const bad = await client.get('/v1/webhook-deliveries?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('keeps ended deliveries in the log for OTPD_WEBHOOK_RETENTION_DAYS', async () => {
    await start({ OTPD_ALLOW_NETWORKS: '127.0.0.0/8', OTPD_WEBHOOK_RETENTION_DAYS: '2' });
    await subscribe(['verification.created']);
    await client.post('/v1/verifications', { to: '+905551234567' });
    await drain();
    clock.advance(2 * 86_400_000);
    expect(await server.deps.webhookRetention.purgeOnce()).toBe(0);
    clock.advance(1);
    expect(await server.deps.webhookRetention.purgeOnce()).toBe(1);
    expect((await client.get('/v1/webhook-deliveries')).body.data).toEqual([]);
  });

  it('fails a delivery whose webhook was removed from the settings, without sending it', async () => {
    await start();
    await subscribe(['verification.created']);
    await client.post('/v1/verifications', { to: '+905551234567' });
    await client.request('PUT', '/v1/settings', { webhooks: [] });
    await drain();
    expect(receiver.requests).toHaveLength(0);
    const [d] = (await client.get('/v1/webhook-deliveries')).body.data;
    expect(d).toMatchObject({ status: 'failed', lastError: 'webhook_removed' });
  });

  it('refuses loopback endpoints unless the operator allows them, and gives up at once', async () => {
    await start({});
    await subscribe(['verification.created']);
    await client.post('/v1/verifications', { to: '+905551234567' });
    await drain();
    expect(receiver.requests).toHaveLength(0);
    const [d] = (await client.get('/v1/webhook-deliveries')).body.data;
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastError: 'blocked_address' });
  });

  it('keeps apps apart and answers unknown deliveries and bad cursors with problems', async () => {
    await start();
    await subscribe(['verification.created']);
    await client.post('/v1/verifications', { to: '+905551234567' });
    const [d] = (await client.get('/v1/webhook-deliveries')).body.data;
    const other = await server.createApp('Other');
    for (const response of [
      await other.client.get(`/v1/webhook-deliveries/${d.id}`),
      await other.client.post(`/v1/webhook-deliveries/${d.id}/retry`),
      await client.get('/v1/webhook-deliveries/whd_nope'),
    ]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('webhook_delivery_not_found');
    }
    const bad = await client.get('/v1/webhook-deliveries?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(await other.client.get('/v1/webhook-deliveries')).toMatchObject({ body: { data: [] } });
  });

  it('pages the delivery log newest first', async () => {
    await start();
    await subscribe(['verification.created']);
    for (let i = 0; i < 3; i++) {
      await client.post('/v1/verifications', { to: `+90555123456${i}` });
      clock.advance(1);
    }
    const first = await client.get('/v1/webhook-deliveries?limit=2');
    expect(first.body.data).toHaveLength(2);
    const second = await client.get(
      `/v1/webhook-deliveries?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const tos = [...first.body.data, ...second.body.data].map((d: any) => d.payload.data.to);
    expect(tos).toEqual(['+905551234562', '+905551234561', '+905551234560']);
  });

  it('never logs a webhook secret', async () => {
    await start();
    await subscribe();
    await client.post('/v1/verifications', { to: '+905551234567' });
    receiver.behave(answer(500));
    await drain();
    const logs = server.logs.join('');
    expect(logs).toContain('webhook');
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain(SECRET.slice('whsec_'.length));
  });
});
