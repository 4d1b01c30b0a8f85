import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeClock } from '../helpers/fake-clock.ts';
import type { TestServer } from '../helpers/harness.ts';
import { type Client, createClient } from '../helpers/http-client.ts';
import { expectNoServerErrors, expectProblem, startBadInputServer } from './bad-input-fixture.ts';

describe('bad keys, ids and routes: every error is a problem document', () => {
  let server: TestServer;
  let client: Client;
  let apiKey: string;
  let appId: string;
  let clock: FakeClock;

  beforeAll(async () => {
    ({ server, client, apiKey, appId, clock } = await startBadInputServer());
  });
  afterAll(() => server.close());

  it('answers 404 verification_not_found for an unknown id on every route', async () => {
    const id = 'ver_doesnotexist';
    expectProblem(await client.get(`/v1/verifications/${id}`), 404, 'verification_not_found');
    expectProblem(
      await client.post(`/v1/verifications/${id}/check`, { code: '123456' }),
      404,
      'verification_not_found',
    );
    expectProblem(
      await client.post(`/v1/verifications/${id}/resend`),
      404,
      'verification_not_found',
    );
    expectProblem(
      await client.post(`/v1/verifications/${id}/cancel`),
      404,
      'verification_not_found',
    );
  });

  it('asks for a key when none is sent, with WWW-Authenticate: Bearer', async () => {
    const anonymous = createClient(server.url);
    const response = await anonymous.post('/v1/verifications', { to: '+905551234567' });
    expectProblem(response, 401, 'missing_api_key');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expectProblem(await anonymous.get('/v1/sandbox/messages'), 401, 'missing_api_key');
  });

  it('refuses a wrong, malformed or revoked key with invalid_api_key', async () => {
    const wrong = createClient(server.url, `otpd_${'A'.repeat(43)}`);
    const response = await wrong.get('/v1/sandbox/messages');
    expectProblem(response, 401, 'invalid_api_key');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expectProblem(
      await createClient(server.url, 'not-even-a-prefix').get('/v1/sandbox/messages'),
      401,
      'invalid_api_key',
    );
    const basic = await createClient(server.url).get('/v1/sandbox/messages', {
      authorization: `Basic ${Buffer.from(`user:${apiKey}`).toString('base64')}`,
    });
    expectProblem(basic, 401, 'invalid_api_key');

    const issued = await server.deps.apps.createKey(appId);
    if (!issued) throw new Error('app vanished');
    const revocable = createClient(server.url, issued.apiKey);
    expect((await revocable.get('/v1/sandbox/messages')).status).toBe(200);
    expect(await server.deps.apps.revokeKey(issued.key.id)).toMatchObject({ id: issued.key.id });
    expectProblem(await revocable.get('/v1/sandbox/messages'), 401, 'invalid_api_key');
    // The app's other key still works.
    expect((await client.get('/v1/sandbox/messages')).status).toBe(200);
  });

  it('authenticates before it validates: a bad body without a key is 401', async () => {
    const anonymous = createClient(server.url);
    expectProblem(await anonymous.post('/v1/verifications', '{"to":'), 401, 'missing_api_key');
    expectProblem(
      await anonymous.post('/v1/verifications', { codeLength: 99 }),
      401,
      'missing_api_key',
    );
    const wrong = createClient(server.url, `otpd_${'B'.repeat(43)}`);
    expectProblem(
      await wrong.post('/v1/verifications', { codeLength: 99 }),
      401,
      'invalid_api_key',
    );
    expectProblem(
      await wrong.post('/v1/verifications', 'x', { 'content-type': 'text/plain' }),
      401,
      'invalid_api_key',
    );
  });

  it('answers 404 route_not_found for an unknown route', async () => {
    expectProblem(await client.get('/v1/nope'), 404, 'route_not_found');
    expectProblem(await client.post('/v2/verifications', {}), 404, 'route_not_found');
    const anonymous = await createClient(server.url).get('/nowhere?to=secret');
    const body = expectProblem(anonymous, 404, 'route_not_found');
    // The query string (which may hold a destination) is not echoed back.
    expect(body.detail).not.toContain('secret');
  });

  it('answers a resend inside the cooldown with 429, Retry-After and the limit', async () => {
    const created = await client.post('/v1/verifications', { to: '+905551230002' });
    expect(created.status).toBe(201);
    const path = `/v1/verifications/${created.body.id}/resend`;
    const early = await client.post(path);
    const problem = expectProblem(early, 429, 'resend_cooldown');
    expect(problem.limit).toBe('resendCooldown');
    expect(early.headers.get('retry-after')).toBe('30');

    clock.advance(20_000);
    const later = await client.post(path);
    expectProblem(later, 429, 'resend_cooldown');
    expect(later.headers.get('retry-after')).toBe('10');

    clock.advance(10_000);
    const allowed = await client.post(path);
    expect(allowed.status).toBe(200);
    expect(allowed.body.sends).toBe(2);
  });

  it('never logged an unhandled error for any of the above', () => {
    expectNoServerErrors(server.logs);
  });
});
