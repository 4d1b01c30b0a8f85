import { describe, expect, it } from 'vitest';
import { answer, succeed } from '../../../test/helpers/fake-gateway.ts';
import { WEBHOOK_ATTEMPTS } from '../event-announcer.ts';
import { SECRET, webhookTestbed } from './webhooks-testbed.ts';

describe('webhooks: retries, the delivery log and its limits', () => {
  const testbed = webhookTestbed();
  const { rig, start } = testbed;
  const { subscribe, drain } = testbed;

  it('retries a failing endpoint with growing delays until it answers 2xx', async () => {
    await start();
    await subscribe(['verification.created']);
    rig.receiver.behave(answer(500));
    await rig.client.post('/v1/verifications', { to: '+905551234567' });
    await drain();
    expect(rig.receiver.requests).toHaveLength(1);
    const [pending] = (await rig.client.get('/v1/webhook-deliveries')).body.data;
    expect(pending).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'http_500',
    });
    // Not before the first delay (5 s, less 20 % jitter) …
    rig.clock.advance(3_999);
    await drain();
    expect(rig.receiver.requests).toHaveLength(1);
    // … and by its end.
    rig.clock.advance(2_001);
    await drain();
    expect(rig.receiver.requests).toHaveLength(2);
    rig.receiver.behave(succeed);
    rig.clock.advance(360_000);
    await drain();
    expect(rig.receiver.requests).toHaveLength(3);
    // Every try carries the same webhook-id and body, each freshly signed.
    expect(new Set(rig.receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(rig.receiver.requests.map((r) => r.body)).size).toBe(1);
    const [delivered] = (await rig.client.get('/v1/webhook-deliveries')).body.data;
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
    rig.receiver.behave(answer(503));
    await rig.client.post('/v1/verifications', { to: '+905551234567' });
    for (let i = 0; i < WEBHOOK_ATTEMPTS + 2; i++) {
      await drain();
      rig.clock.advance(13 * 3_600_000);
    }
    expect(rig.receiver.requests).toHaveLength(WEBHOOK_ATTEMPTS);
    const [failed] = (await rig.client.get('/v1/webhook-deliveries?status=failed')).body.data;
    expect(failed).toMatchObject({ attempts: WEBHOOK_ATTEMPTS, lastStatusCode: 503 });

    rig.receiver.behave(succeed);
    const retried = await rig.client.post(`/v1/webhook-deliveries/${failed.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'pending', attemptLimit: WEBHOOK_ATTEMPTS + 1 });
    // A retry of a delivery already on its way changes nothing and is not recorded.
    const twice = await rig.client.post(`/v1/webhook-deliveries/${failed.id}/retry`);
    expect(twice.body).toEqual(retried.body);
    await drain();
    expect(rig.receiver.requests).toHaveLength(WEBHOOK_ATTEMPTS + 1);
    const after = await rig.client.get(`/v1/webhook-deliveries/${failed.id}`);
    expect(after.body).toMatchObject({ status: 'delivered', attempts: WEBHOOK_ATTEMPTS + 1 });
    expect(after.body.payload).toMatchObject({ type: 'verification.created' });
    const audit = (await rig.client.get('/v1/audit')).body.data;
    expect(audit.filter((e: { action: string }) => e.action === 'webhook.retried')).toEqual([
      expect.objectContaining({
        actor: expect.stringMatching(/^key:/),
        appId: rig.appId,
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
    const t0 = rig.clock.now();
    await rig.client.post('/v1/verifications', { to: '+905551234560' });
    rig.clock.advance(60_000);
    await rig.client.post('/v1/verifications', { to: '+905551234561' });
    const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    const tos = async (query: string) =>
      (await rig.client.get(`/v1/webhook-deliveries?${query}`)).body.data.map(
        (d: any) => d.payload.data.to,
      );
    expect(await tos(`until=${at(t0 + 1)}`)).toEqual(['+905551234560']);
    expect(await tos(`from=${at(t0 + 1)}`)).toEqual(['+905551234561']);
    expect(await tos(`from=${at(t0)}&until=${at(t0 + 60_001)}`)).toHaveLength(2);
    const bad = await rig.client.get('/v1/webhook-deliveries?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('keeps ended deliveries in the log for OTPD_WEBHOOK_RETENTION_DAYS', async () => {
    await start({ OTPD_ALLOW_NETWORKS: '127.0.0.0/8', OTPD_WEBHOOK_RETENTION_DAYS: '2' });
    await subscribe(['verification.created']);
    await rig.client.post('/v1/verifications', { to: '+905551234567' });
    await drain();
    rig.clock.advance(2 * 86_400_000);
    expect(await rig.server.deps.webhookRetention.purgeOnce()).toBe(0);
    rig.clock.advance(1);
    expect(await rig.server.deps.webhookRetention.purgeOnce()).toBe(1);
    expect((await rig.client.get('/v1/webhook-deliveries')).body.data).toEqual([]);
  });

  it('fails a delivery whose webhook was removed from the settings, without sending it', async () => {
    await start();
    await subscribe(['verification.created']);
    await rig.client.post('/v1/verifications', { to: '+905551234567' });
    await rig.client.request('PUT', '/v1/settings', { webhooks: [] });
    await drain();
    expect(rig.receiver.requests).toHaveLength(0);
    const [d] = (await rig.client.get('/v1/webhook-deliveries')).body.data;
    expect(d).toMatchObject({ status: 'failed', lastError: 'webhook_removed' });
  });

  it('refuses loopback endpoints unless the operator allows them, and gives up at once', async () => {
    await start({});
    await subscribe(['verification.created']);
    await rig.client.post('/v1/verifications', { to: '+905551234567' });
    await drain();
    expect(rig.receiver.requests).toHaveLength(0);
    const [d] = (await rig.client.get('/v1/webhook-deliveries')).body.data;
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastError: 'blocked_address' });
  });

  it('keeps apps apart and answers unknown deliveries and bad cursors with problems', async () => {
    await start();
    await subscribe(['verification.created']);
    await rig.client.post('/v1/verifications', { to: '+905551234567' });
    const [d] = (await rig.client.get('/v1/webhook-deliveries')).body.data;
    const other = await rig.server.createApp('Other');
    for (const response of [
      await other.client.get(`/v1/webhook-deliveries/${d.id}`),
      await other.client.post(`/v1/webhook-deliveries/${d.id}/retry`),
      await rig.client.get('/v1/webhook-deliveries/whd_nope'),
    ]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('webhook_delivery_not_found');
    }
    const bad = await rig.client.get('/v1/webhook-deliveries?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(await other.client.get('/v1/webhook-deliveries')).toMatchObject({ body: { data: [] } });
  });

  it('pages the delivery log newest first', async () => {
    await start();
    await subscribe(['verification.created']);
    for (let i = 0; i < 3; i++) {
      await rig.client.post('/v1/verifications', { to: `+90555123456${i}` });
      rig.clock.advance(1);
    }
    const first = await rig.client.get('/v1/webhook-deliveries?limit=2');
    expect(first.body.data).toHaveLength(2);
    const second = await rig.client.get(
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
    await rig.client.post('/v1/verifications', { to: '+905551234567' });
    rig.receiver.behave(answer(500));
    await drain();
    const logs = rig.server.logs.join('');
    expect(logs).toContain('webhook');
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain(SECRET.slice('whsec_'.length));
  });
});
