import { describe, expect, it } from 'vitest';
import {
  answer,
  type GatewayRequest,
  startFakeGateway,
} from '../../../test/helpers/fake-gateway.ts';
import { verified, webhookTestbed } from './webhooks-testbed.ts';

describe('webhooks: the events announced', () => {
  const testbed = webhookTestbed();
  const { rig, start } = testbed;
  const { subscribe, drain, received, receivedTypes } = testbed;

  it('announces create, send and approval, signed per Standard Webhooks', async () => {
    await start();
    await subscribe();
    const created = await rig.client.post('/v1/verifications', {
      to: '+905551234567',
      txCode: 'tx-1',
    });
    await drain();
    const code = await rig.server.readCode(rig.client, created.body.id);
    await rig.client.post(`/v1/verifications/${created.body.id}/check`, { code });
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
    let log = await rig.client.get(`/v1/verifications/${created.body.id}/messages`);
    for (let i = 0; i < 250 && log.body.data.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20)); // the log is written beside the delivery
      log = await rig.client.get(`/v1/verifications/${created.body.id}/messages`);
    }
    expect(log.body.data.map((m: { id: string }) => m.id)).toEqual([
      of('message.sent').messageLogId,
    ]);
    expect(of('message.sent').providerMessageId).toBe(log.body.data[0].providerMessageId);
    expect(of('verification.approved')).toMatchObject({ id: created.body.id, status: 'approved' });
    const request = rig.receiver.requests[0];
    expect(request?.url).toBe('/hooks');
    expect(request?.headers['content-type']).toBe('application/json');
    // Each event has its own id; no body carries the code.
    expect(new Set(rig.receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(3);
    for (const r of rig.receiver.requests) expect(r.body).not.toContain(code);
    // A wrong secret does not verify: the signature is really over the body.
    expect(() =>
      verified(request as GatewayRequest, 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    ).toThrow();
  });

  it('sends only the events a webhook subscribes to, and nothing to an app without webhooks', async () => {
    await start();
    await subscribe(['verification.canceled', 'verification.max_attempts_reached']);
    const a = await rig.client.post('/v1/verifications', { to: '+905551234567' });
    await rig.client.post(`/v1/verifications/${a.body.id}/cancel`);
    const b = await rig.client.post('/v1/verifications', { to: '+905551234568' });
    for (let i = 0; i < 5; i++) {
      await rig.client.post(`/v1/verifications/${b.body.id}/check`, { code: '000000' });
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

    const quiet = await rig.server.createApp('Quiet');
    await quiet.client.post('/v1/verifications', { to: '+905551234569' });
    await drain();
    expect(rig.receiver.requests).toHaveLength(2);
    expect((await quiet.client.get('/v1/webhook-deliveries')).body.data).toEqual([]);
  });

  it('announces a superseded verification as canceled', async () => {
    await start();
    await subscribe(['verification.canceled']);
    const first = await rig.client.post('/v1/verifications', { to: '+905551234567' });
    await rig.client.post('/v1/verifications', { to: '+905551234567' });
    await drain();
    expect(received().map((e) => [e.type, e.data.id, e.data.reason])).toEqual([
      ['verification.canceled', first.body.id, 'superseded'],
    ]);
  });

  it('announces expiry once the sweeper writes it down', async () => {
    await start();
    await subscribe(['verification.expired']);
    const created = await rig.client.post('/v1/verifications', {
      to: '+905551234567',
      ttlSeconds: 60,
    });
    await rig.server.deps.expirySweeper.sweepOnce();
    await drain();
    expect(rig.receiver.requests).toHaveLength(0);
    rig.clock.advance(60_000);
    expect(await rig.server.deps.expirySweeper.sweepOnce()).toBe(1);
    expect(await rig.server.deps.expirySweeper.sweepOnce()).toBe(0);
    await drain();
    expect(received().map((e) => [e.type, e.data.id, e.data.status])).toEqual([
      ['verification.expired', created.body.id, 'expired'],
    ]);
    const stored = await rig.client.get(`/v1/verifications/${created.body.id}`);
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
      const created = await rig.client.post('/v1/verifications', { to: '+905551234567' });
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
      const created = await rig.client.post('/v1/verifications', { to: '+905551234567' });
      await drain();
      // Stopping drains the message log writes, so the receipt finds its message.
      await rig.server.deps.dispatcher.stop();
      const receipt = await fetch(
        `${rig.server.url}/v1/receipts/http/${rig.appId}/gw-a?token=${token}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ msgid: 'gw-77', stat: 'DELIVRD' }),
        },
      );
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
});
