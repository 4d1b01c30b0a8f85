import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

describe('native API: a verification from start to approval', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('starts, delivers through the sandbox and approves the right code once', async () => {
    const { client, appId } = await server.createApp('Acme');
    const created = await client.post('/v1/verifications', { to: '+905551234567', txCode: 'T-1' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      appId,
      to: '+905551234567',
      channel: 'sms',
      status: 'pending',
      reason: null,
      attempts: 0,
      maxAttempts: 5,
      attemptsRemaining: 5,
      sends: 1,
      maxSends: 5,
      txCode: 'T-1',
      delivery: { status: 'queued' },
    });
    const ttl = Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt);
    expect(ttl).toBe(600_000);

    const code = await server.readCode(client, created.body.id);
    expect(code).toMatch(/^\d{6}$/);
    const sandbox = await client.get('/v1/sandbox/messages?to=%2B905551234567');
    expect(sandbox.body.data[0]).toMatchObject({
      verificationId: created.body.id,
      to: '+905551234567',
      channel: 'sms',
    });
    expect(sandbox.body.data[0].body).toContain('Acme');

    const wrong = await client.post(`/v1/verifications/${created.body.id}/check`, {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.body).toEqual({
      id: created.body.id,
      status: 'pending',
      valid: false,
      reason: 'incorrect_code',
      attemptsRemaining: 4,
    });

    const right = await client.post(`/v1/verifications/${created.body.id}/check`, { code });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ status: 'approved', valid: true, reason: null });

    const again = await client.post(`/v1/verifications/${created.body.id}/check`, { code });
    expect(again.body).toMatchObject({
      status: 'approved',
      valid: false,
      reason: 'already_approved',
    });

    const read = await client.get(`/v1/verifications/${created.body.id}`);
    expect(read.body).toMatchObject({
      status: 'approved',
      reason: 'code_matched',
      attempts: 2,
      delivery: { status: 'sent', provider: 'console' },
    });
    expect(read.body.approvedAt).not.toBeNull();
  });

  it('checks by destination against the newest verification', async () => {
    const { client } = await server.createApp();
    const first = await client.post('/v1/verifications', { to: '05551234568', country: 'TR' });
    expect(first.body.to).toBe('+905551234568');
    const code = await server.readCode(client, first.body.id);
    const checked = await client.post('/v1/verifications/check', { to: '+90 555 123 45 68', code });
    expect(checked.body).toMatchObject({ id: first.body.id, valid: true, status: 'approved' });

    const none = await client.post('/v1/verifications/check', { to: '+905559999999', code });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('verification_not_found');
  });

  it('supersedes the pending verification of the same destination', async () => {
    const { client } = await server.createApp();
    const first = await client.post('/v1/verifications', {
      to: 'Ada@Example.com',
      channel: 'email',
    });
    expect(first.body.to).toBe('ada@example.com');
    const oldCode = await server.readCode(client, first.body.id);
    const second = await client.post('/v1/verifications', {
      to: 'ada@example.com',
      channel: 'email',
    });
    const old = await client.get(`/v1/verifications/${first.body.id}`);
    expect(old.body).toMatchObject({ status: 'canceled', reason: 'superseded' });
    const refused = await client.post(`/v1/verifications/${first.body.id}/check`, {
      code: oldCode,
    });
    expect(refused.body).toMatchObject({ valid: false, reason: 'canceled', status: 'canceled' });
    expect((await client.get(`/v1/verifications/${second.body.id}`)).body.status).toBe('pending');
  });

  it('cancels a pending verification, and says why a finished one cannot be', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+14155550100' });
    const canceled = await client.post(`/v1/verifications/${created.body.id}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ status: 'canceled', reason: 'canceled_by_app' });
    const twice = await client.post(`/v1/verifications/${created.body.id}/cancel`);
    expect(twice.status).toBe(200);

    const other = await client.post('/v1/verifications', { to: '+14155550101' });
    const code = await server.readCode(client, other.body.id);
    await client.post(`/v1/verifications/${other.body.id}/check`, { code });
    const late = await client.post(`/v1/verifications/${other.body.id}/cancel`);
    expect(late.status).toBe(409);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    expect(late.body).toMatchObject({ code: 'verification_not_pending', status: 409 });
  });

  it('uses the requested code length, ttl and message template', async () => {
    const { client } = await server.createApp('Bank');
    const created = await client.post('/v1/verifications', {
      to: '+447911123456',
      codeLength: 8,
      ttlSeconds: 120,
      content: 'Code {{code}} for {{app}}, {{minutes}} min',
      metadata: { orderId: 42 },
      deviceId: 'dev-1',
      messageId: 'm-1',
      locale: 'en-GB',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      metadata: { orderId: 42 },
      deviceId: 'dev-1',
      messageId: 'm-1',
      locale: 'en-GB',
    });
    const code = await server.readCode(client, created.body.id);
    expect(code).toHaveLength(8);
    const { body } = await client.get('/v1/sandbox/messages?to=%2B447911123456');
    expect(body.data[0].body).toBe(`Code ${code} for Bank, 2 min`);
  });
});
