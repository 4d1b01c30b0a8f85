import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/harness.ts';
import { type Client, createClient } from '../helpers/http-client.ts';
import {
  expectInvalidField,
  expectNoServerErrors,
  expectProblem,
  PROBLEM,
  startBadInputServer,
} from './bad-input-fixture.ts';

describe('bad bodies: every error is a problem document, never a 500', () => {
  let server: TestServer;
  let client: Client;
  let apiKey: string;

  beforeAll(async () => {
    ({ server, client, apiKey } = await startBadInputServer());
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
    expectNoServerErrors(server.logs);
  });

  it('still serves the caller after all of that', async () => {
    const ok = await createClient(server.url, apiKey).post('/v1/verifications', {
      to: '+905551230004',
    });
    expect(ok.status).toBe(201);
  });
});
