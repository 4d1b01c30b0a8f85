import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

/** Issue 4.7: answers tell an attacker nothing about who was seen before or which code is right. */
describe('no enumeration, no leaks', () => {
  const clock = createFakeClock();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ clock });
  });
  afterAll(() => server.close());

  /** A create's answer without what necessarily differs between two verifications. */
  const shape = (body: Record<string, unknown>) => {
    const { id: _id, to: _to, ...rest } = body;
    return rest;
  };

  it('answers a create the same whether or not the destination was seen before', async () => {
    const { client } = await server.createApp();
    // History for one destination: approved, then exhausted, then still pending.
    const seen = '+905551290001';
    const approved = await client.post('/v1/verifications', { to: seen });
    const code = await server.readCode(client, approved.body.id);
    await client.post(`/v1/verifications/${approved.body.id}/check`, { code });
    const exhausted = await client.post('/v1/verifications', { to: seen });
    for (let i = 0; i < 5; i++) {
      await client.post(`/v1/verifications/${exhausted.body.id}/check`, { code: '0000000000' });
    }
    await client.post('/v1/verifications', { to: seen });

    const again = await client.post('/v1/verifications', { to: seen });
    const fresh = await client.post('/v1/verifications', { to: '+905551290002' });
    expect(again.status).toBe(201);
    expect(fresh.status).toBe(201);
    expect(shape(again.body)).toEqual(shape(fresh.body));
    expect([...again.headers.keys()].sort()).toEqual([...fresh.headers.keys()].sort());
  });

  it('refuses a check past a limit identically for the right and a wrong code', async () => {
    const { client } = await server.createApp();
    const put = await client.request('PUT', '/v1/settings', {
      limits: { failedChecksPerDestinationAndIp: { max: 1, windowSeconds: 60 } },
    });
    expect(put.status).toBe(200);
    const v = await client.post('/v1/verifications', { to: '+905551290003', ttlSeconds: 3600 });
    const right = await server.readCode(client, v.body.id);
    const wrong = right === '000000' ? '000001' : '000000';
    const clientIp = '198.51.100.7';
    await client.post(`/v1/verifications/${v.body.id}/check`, { code: wrong, clientIp });

    const withRight = await client.post(`/v1/verifications/${v.body.id}/check`, {
      code: right,
      clientIp,
    });
    const withWrong = await client.post(`/v1/verifications/${v.body.id}/check`, {
      code: wrong,
      clientIp,
    });
    expect(withRight.status).toBe(429);
    expect(withRight.text).toBe(withWrong.text);
    expect(withRight.headers.get('retry-after')).toBe(withWrong.headers.get('retry-after'));
    // Refusing the right code spent nothing: once the window has passed, it approves.
    clock.advance(60_000);
    const later = await client.post(`/v1/verifications/${v.body.id}/check`, {
      code: right,
      clientIp,
    });
    expect(later.body).toMatchObject({ valid: true, status: 'approved' });
  });
});
