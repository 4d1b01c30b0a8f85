import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

/**
 * The code of the n-th message sent for a verification, once it has arrived: right after a
 * resend the sandbox may still hold only the previous message.
 */
async function codeOfSend(client: Client, verificationId: string, n: number): Promise<string> {
  for (let i = 0; i < 250; i++) {
    const { body } = await client.get('/v1/sandbox/messages?limit=100');
    const mine = body.data.filter(
      (m: { verificationId: string }) => m.verificationId === verificationId,
    );
    if (mine.length >= n) {
      const code = /\b(\d{4,10})\b/.exec(mine[0].body)?.[1];
      if (code) return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no message ${n} for ${verificationId}`);
}

describe('resend and expiry on a fake clock (I3, I8)', () => {
  const clock = createFakeClock();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ clock });
  });
  afterAll(() => server.close());

  it('a resend sends a new code, refuses the old one and keeps the attempt budget', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551240001' });
    const id = created.body.id;
    expect(created.body.resendAvailableAt).toBe(new Date(clock.now() + 30_000).toISOString());
    const first = await server.readCode(client, id);
    const wrong = first === '000000' ? '000001' : '000000';
    await client.post(`/v1/verifications/${id}/check`, { code: wrong });

    const early = await client.post(`/v1/verifications/${id}/resend`);
    expect(early.status).toBe(429);
    expect(early.body).toMatchObject({ code: 'resend_cooldown', limit: 'resendCooldown' });
    expect(early.headers.get('retry-after')).toBe('30');
    expect(early.headers.get('content-type')).toContain('application/problem+json');

    clock.advance(30_000);
    const resent = await client.post(`/v1/verifications/${id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ sends: 2, attempts: 1, attemptsRemaining: 4 });
    let sends = 2;
    let second = await codeOfSend(client, id, sends);
    // A new code is drawn at random; in the rare case it equals the old one, resend again.
    while (second === first) {
      clock.advance(30_000);
      await client.post(`/v1/verifications/${id}/resend`);
      second = await codeOfSend(client, id, ++sends);
    }

    const old = await client.post(`/v1/verifications/${id}/check`, { code: first });
    expect(old.body).toMatchObject({ valid: false, reason: 'incorrect_code' });
    const fresh = await client.post(`/v1/verifications/${id}/check`, { code: second });
    expect(fresh.body).toMatchObject({ valid: true, status: 'approved' });

    const finished = await client.post(`/v1/verifications/${id}/resend`);
    expect(finished.status).toBe(409);
    expect(finished.body).toMatchObject({ code: 'verification_not_pending' });
  });

  it('stops at five sends per verification', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551240002' });
    for (let send = 2; send <= 5; send++) {
      clock.advance(30_000);
      const resent = await client.post(`/v1/verifications/${created.body.id}/resend`);
      expect(resent.body.sends).toBe(send);
    }
    clock.advance(30_000);
    const refused = await client.post(`/v1/verifications/${created.body.id}/resend`);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      code: 'max_sends_reached',
      limit: 'sendsPerVerification',
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const read = await client.get(`/v1/verifications/${created.body.id}`);
    expect(read.body.resendAvailableAt).toBeNull();
  });

  it('expires after its ttl and keeps explaining itself', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551240003', ttlSeconds: 60 });
    const id = created.body.id;
    const code = await server.readCode(client, id);

    clock.advance(59_999);
    expect((await client.get(`/v1/verifications/${id}`)).body.status).toBe('pending');
    clock.advance(1);
    const read = await client.get(`/v1/verifications/${id}`);
    expect(read.body).toMatchObject({
      status: 'expired',
      reason: 'ttl_elapsed',
      attemptsRemaining: 5,
      resendAvailableAt: null,
      expiresAt: created.body.expiresAt,
    });
    const late = await client.post(`/v1/verifications/${id}/check`, { code });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ valid: false, status: 'expired', reason: 'expired' });
    const resend = await client.post(`/v1/verifications/${id}/resend`);
    expect(resend.body).toMatchObject({
      code: 'verification_not_pending',
      verificationStatus: 'expired',
    });

    // Long after, it still answers with its outcome rather than 404.
    clock.advance(7 * 24 * 3600_000);
    expect((await client.get(`/v1/verifications/${id}`)).body.status).toBe('expired');
  });

  it('a new verification does not supersede an expired one', async () => {
    const { client } = await server.createApp();
    const first = await client.post('/v1/verifications', { to: '+905551240004', ttlSeconds: 60 });
    clock.advance(61_000);
    await client.post('/v1/verifications', { to: '+905551240004' });
    const old = await client.get(`/v1/verifications/${first.body.id}`);
    expect(old.body).toMatchObject({ status: 'expired', reason: 'ttl_elapsed' });
  });
});
