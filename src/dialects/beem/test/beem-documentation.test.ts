import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../../test/helpers/harness.ts';
import { type Client, createClient } from '../../../../test/helpers/http-client.ts';
import { verificationIdOfPin } from '../../domain/beem-pin-ids.ts';

/**
 * Beem OTP's documented requests, sent as written (only the host and the credentials,
 * `appId` among them, are ours), and its documented answers.
 */
describe('Beem OTP documentation', () => {
  let server: TestServer;
  let native: Client;
  let plain: Client;
  let appId: string;
  let beemAppId: number;
  let basic: string;
  const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  beforeAll(async () => {
    server = await startServer();
    const created = await server.createApp('Beem Docs');
    native = created.client;
    appId = created.appId;
    beemAppId = (await server.deps.store.getApp(appId))?.dialects?.beemAppId as number;
    basic = `Basic ${Buffer.from(`${appId}:${created.apiKey}`).toString('base64')}`;
    plain = createClient(server.url);
  });
  afterAll(() => server.close());

  /** A documented body as raw JSON text, with `"appId": 1` swapped for this app's id. */
  const send = (path: string, raw: string, method = 'POST') =>
    plain.request(method, path, raw.replace('"appId": 1', `"appId": ${beemAppId}`), {
      'content-type': 'application/json',
      authorization: basic,
    });

  it('1.1 Endpoints and auth: the request and verify bodies, verbatim', async () => {
    const requested = await send('/beem/v1/request', '{"appId": 1, "msisdn": "255701000000"}');
    expect(requested.status, requested.text).toBe(200);
    const pinId = requested.body.data.pinId as string;
    // 1.1: "pinId is a UUID".
    expect(pinId).toMatch(UUID_V7);
    const verified = await send(
      '/beem/v1/verify',
      '{"pinId": "8fa81447-4a14-4c2f-925b-78be40047c63", "pin": "241663"}',
    );
    // The documented pinId is not one this app was given.
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({
      data: { message: { code: 113, message: 'Pin Id not found' } },
    });
  });

  it("1.1 Endpoints and auth: appId as the PHP sample's string, and the /api/v1 host path", async () => {
    const body = `{"appId": "${beemAppId}", "msisdn": "255713507067"}`;
    const requested = await send('/beem/api/v1/request', body);
    expect(requested.status).toBe(200);
    expect(requested.body.data.message).toEqual({ code: 100, message: 'SMS sent successfully' });
  });

  it('1.2 Response shape: request, then verify success, exactly as documented', async () => {
    const requested = await send('/beem/v1/request', '{"appId": 1, "msisdn": "255701000001"}');
    expect(requested.body).toEqual({
      data: {
        pinId: expect.stringMatching(UUID_V7),
        message: { code: 100, message: 'SMS sent successfully' },
      },
    });
    const { pinId } = requested.body.data;
    const pin = await server.readCode(native, verificationIdOfPin(pinId) as string);
    const verified = await send('/beem/v1/verify', `{"pinId": "${pinId}", "pin": "${pin}"}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ data: { message: { code: 117, message: 'Valid Pin' } } });
  });

  it('1.4 HTTP status codes: a wrong PIN is HTTP 200 too, and no failure says "valid"', async () => {
    const requested = await send('/beem/v1/request', '{"appId": 1, "msisdn": "255701000002"}');
    const { pinId } = requested.body.data;
    const pin = await server.readCode(native, verificationIdOfPin(pinId) as string);
    const wrong = pin === '000000' ? '111111' : '000000';
    const verified = await send('/beem/v1/verify', `{"pinId": "${pinId}", "pin": "${wrong}"}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ data: { message: { code: 114, message: 'Incorrect Pin' } } });
    expect(verified.text.toLowerCase()).not.toContain('valid');
  });

  it('1.4 HTTP status codes: an unknown route or method answers in Beem shape, 404 and 405', async () => {
    const missing = await send('/beem/v1/unknown', '{"appId": 1, "msisdn": "255701000000"}');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(missing.body).toEqual({ data: { message: { code: 121, message: 'Route not found' } } });
    const wrongMethod = await plain.request('GET', '/beem/v1/request', undefined, {
      authorization: basic,
    });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(wrongMethod.body).toEqual({
      data: { message: { code: 122, message: 'Method not allowed' } },
    });
    // Without credentials, the answer is the 401 every Beem route gives.
    const anonymous = await plain.request('GET', '/beem/v1/nothing');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.data.message.code).toBe(120);
  });

  it('1.5 PIN length / expiry / attempts: a pinId answered before pinIds were UUIDs still verifies', async () => {
    // Verification ids (`ver_…`) were the pinIds first; those in flight keep working.
    const started = await native.post('/v1/verifications', { to: '+255701000003' });
    const oldPinId = started.body.id as string;
    expect(oldPinId).toMatch(/^ver_/);
    const pin = await server.readCode(native, oldPinId);
    const verified = await send('/beem/v1/verify', `{"pinId": "${oldPinId}", "pin": "${pin}"}`);
    expect(verified.body).toEqual({ data: { message: { code: 117, message: 'Valid Pin' } } });
  });
});
