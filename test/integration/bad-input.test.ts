import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { type ApiResponse, type Client, createClient } from '../helpers/http-client.ts';

const PROBLEM = 'application/problem+json';

/** Asserts an RFC 9457 problem document with a stable code, and returns it for more checks. */
function expectProblem(response: ApiResponse, status: number, code: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain(PROBLEM);
  expect(response.body).toMatchObject({ status, code, type: `urn:otpd:problem:${code}` });
  expect(typeof response.body.title).toBe('string');
  expect(response.body.title.length).toBeGreaterThan(0);
  expect(typeof response.body.detail).toBe('string');
  expect(response.body.detail.length).toBeGreaterThan(0);
  return response.body;
}

/** A validation problem that names `field` among its errors. */
function expectInvalidField(response: ApiResponse, field: string) {
  const body = expectProblem(response, 400, 'validation_failed');
  expect(Array.isArray(body.errors)).toBe(true);
  for (const error of body.errors) {
    expect(typeof error.field).toBe('string');
    expect(typeof error.message).toBe('string');
  }
  expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
}

describe('bad input: every error is a problem document, never a 500', () => {
  let server: TestServer;
  let client: Client;
  let apiKey: string;
  let appId: string;
  // A clock that stands still makes the resend cooldown exact (I8).
  const clock = createFakeClock();

  beforeAll(async () => {
    server = await startServer({ clock });
    ({ client, apiKey, appId } = await server.createApp('Bad Input'));
  });
  afterAll(() => server.close());

  it('refuses malformed JSON with invalid_json', async () => {
    for (const raw of ['{"to":', '{to: "+905551234567"}', 'not json', '{"to":"+90"}}']) {
      expectProblem(await client.post('/v1/verifications', raw), 400, 'invalid_json');
    }
  });

  it('names the offending field for wrong types, missing and unknown fields', async () => {
    expectInvalidField(await client.post('/v1/verifications', {}), 'body.to');
    expectInvalidField(await client.post('/v1/verifications', { to: 905551234567 }), 'body.to');
    expectInvalidField(
      await client.post('/v1/verifications', { to: '+905551234567', codeLength: '6' }),
      'body.codeLength',
    );
    expectInvalidField(
      await client.post('/v1/verifications', { to: '+905551234567', channel: 'pigeon' }),
      'body.channel',
    );
    expectInvalidField(
      await client.post('/v1/verifications', { to: '+905551234567', metadata: 'x' }),
      'body.metadata',
    );
    // Unknown fields are refused rather than silently dropped, so typos surface.
    const unknown = await client.post('/v1/verifications', {
      to: '+905551234567',
      codeLenght: 6,
    });
    const body = expectProblem(unknown, 400, 'validation_failed');
    expect(body.errors).toEqual([{ field: 'body.codeLenght', message: 'unknown field' }]);
    // A JSON value that is not an object is a validation error too, not a crash.
    expectProblem(await client.post('/v1/verifications', '[]'), 400, 'validation_failed');
    expectProblem(await client.post('/v1/verifications', 'null'), 400, 'validation_failed');
  });

  it('refuses out-of-range codeLength and ttlSeconds', async () => {
    for (const codeLength of [3, 11, 6.5, -1]) {
      expectInvalidField(
        await client.post('/v1/verifications', { to: '+905551234567', codeLength }),
        'body.codeLength',
      );
    }
    for (const ttlSeconds of [59, 86_401, 0, 120.5]) {
      expectInvalidField(
        await client.post('/v1/verifications', { to: '+905551234567', ttlSeconds }),
        'body.ttlSeconds',
      );
    }
  });

  it('refuses a code that is not digits, and a missing code', async () => {
    const created = await client.post('/v1/verifications', { to: '+905551230001' });
    expect(created.status).toBe(201);
    const path = `/v1/verifications/${created.body.id}/check`;
    expectInvalidField(await client.post(path, { code: '12ab56' }), 'body.code');
    expectInvalidField(await client.post(path, { code: 123456 }), 'body.code');
    expectInvalidField(await client.post(path, {}), 'body.code');
    expectInvalidField(
      await client.post('/v1/verifications/check', { to: '+905551230001', code: 'abcdef' }),
      'body.code',
    );
    // None of these spent an attempt.
    const read = await client.get(`/v1/verifications/${created.body.id}`);
    expect(read.body).toMatchObject({ attempts: 0, status: 'pending' });
  });

  it('refuses destinations that can never receive a code with invalid_recipient', async () => {
    const cases = [
      { to: '+1234' },
      { to: '+9055512345678901' },
      { to: 'hello' },
      { to: '05551234567' }, // national, no country
      { to: 'not-an-email', channel: 'email' },
      { to: 'ada@localhost', channel: 'email' },
      { to: 'two@@example.com', channel: 'email' },
    ];
    for (const body of cases) {
      const response = await client.post('/v1/verifications', body);
      const problem = expectProblem(response, 400, 'invalid_recipient');
      expect(problem.errors?.[0]?.field).toBe('to');
    }
    const national = await client.post('/v1/verifications', { to: '05551234567' });
    expect(national.body.detail).toContain('country');
  });

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

  it('refuses a body over 64 KiB with 413 payload_too_large', async () => {
    const big = { to: '+905551234567', metadata: { blob: 'x'.repeat(70 * 1024) } };
    expectProblem(await client.post('/v1/verifications', big), 413, 'payload_too_large');
    // The server keeps answering afterwards.
    expect((await client.get('/v1/sandbox/messages')).status).toBe(200);
  });

  it('refuses a body that is not JSON with 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      expectProblem(
        await client.post('/v1/verifications', 'to=%2B905551234567', { 'content-type': type }),
        415,
        'unsupported_media_type',
      );
    }
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

  it('never answers 5xx to arbitrary JSON or text, and every 4xx is a problem', async () => {
    const created = await client.post('/v1/verifications', { to: '+905551230003' });
    expect(created.status).toBe(201);
    const realId = created.body.id as string;
    const payload = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', ' ', '{', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
      // Shapes close to valid ones reach the service layer, not just the schema.
      fc
        .record(
          {
            to: fc.oneof(fc.string(), fc.constant('+905551230003'), fc.integer()),
            code: fc.oneof(fc.string(), fc.stringMatching(/^\d{1,20}$/)),
            channel: fc.constantFrom('sms', 'email', 'whatsapp', 'messenger', 'fax'),
            country: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('TR', 'US', 'zz')),
            codeLength: fc.integer({ min: -5, max: 20 }),
            ttlSeconds: fc.oneof(fc.integer(), fc.double()),
            metadata: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
            content: fc.string(),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
    );
    const ids = fc.oneof(
      fc.constant(realId),
      fc.string({ minLength: 1, maxLength: 80 }).map(encodeURIComponent),
    );
    const paths = fc.oneof(
      fc.constant('/v1/verifications'),
      fc.constant('/v1/verifications/check'),
      ids.map((id) => `/v1/verifications/${id}/check`),
    );

    await fc.assert(
      fc.asyncProperty(paths, payload, async (path, body) => {
        const response = await client.post(path, body);
        expect(response.status, `${path} ${body} → ${response.text}`).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toContain(PROBLEM);
          expect(typeof response.body.code).toBe('string');
          expect(response.body.status).toBe(response.status);
        }
      }),
      { numRuns: 300 },
    );
    expect(server.logs.join('')).not.toContain('unhandled error');
  });

  it('never logged an unhandled error for any of the above', () => {
    expect(server.logs.filter((line) => line.includes('"statusCode":500'))).toEqual([]);
    expect(server.logs.join('')).not.toContain('unhandled error');
    expect(server.logs.filter((line) => /"status":5\d\d/.test(line))).toEqual([]);
  });

  it('still serves the caller after all of that', async () => {
    const ok = await createClient(server.url, apiKey).post('/v1/verifications', {
      to: '+905551230004',
    });
    expect(ok.status).toBe(201);
  });
});
