import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock.ts';
import type { FakeTwilio } from '../../../../test/helpers/fake-twilio.ts';
import type { TestServer } from '../../../../test/helpers/harness.ts';
import { type Client, createClient } from '../../../../test/helpers/http-client.ts';
import {
  type ConvertalkApp,
  SEND,
  sendBody,
  startConvertalkApp,
  VERIFY,
} from './convertalk-fixture.ts';

describe('convertalk endpoints: bad input, keys, settings and documentation', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let twilio: FakeTwilio;
  let client: Client;
  let nextNumber: ConvertalkApp['nextNumber'];

  beforeAll(async () => {
    ({ server, twilio, client, nextNumber } = await startConvertalkApp(clock));
  });
  afterAll(async () => {
    await server.close();
    await twilio.close();
  });

  it('refuses bad input with flat JSON 400 a flow can read, naming each field, sending nothing', async () => {
    const before = twilio.posts.length;
    const bad = await client.post(SEND, {
      accountSID: 'AC123',
      fromNumber: '5017122661',
      toNumber: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/json/);
    expect(bad.body).toMatchObject({
      success: false,
      error: 'validation_failed',
      message: expect.any(String),
    });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.accountSID',
      'body.authToken',
      'body.fromNumber',
      'body.toNumber',
    ]);
    const notANumber = await client.post(SEND, sendBody('call me maybe'));
    expect(notANumber.status).toBe(400);
    expect(notANumber.body).toMatchObject({ success: false, error: 'invalid_recipient' });
    const noCode = await client.post(VERIFY, { systemOtp: 'x' });
    expect(noCode.status).toBe(400);
    expect(noCode.body.errors).toEqual([{ field: 'body.userOtp', message: expect.any(String) }]);
    const notJson = await client.post(VERIFY, 'not json');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ success: false, error: 'invalid_json' });
    // A path or method no route serves answers in the same shape.
    const unknown = await client.post('/convertalk/integrations/custom-feature/nothing', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ success: false, error: 'route_not_found' });
    const wrongMethod = await client.get(SEND);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(wrongMethod.body).toMatchObject({ success: false, error: 'method_not_allowed' });
    expect(twilio.posts.length).toBe(before);
  });

  it('needs an app API key, as /v1 does', async () => {
    const anonymous = createClient(server.url);
    const missing = await anonymous.post(SEND, sendBody(nextNumber()));
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ success: false, error: 'missing_api_key' });
    const wrong = createClient(server.url, 'otpd_not_a_key_at_all');
    const refused = await wrong.post(VERIFY, { systemOtp: 'x', userOtp: '1' });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ success: false, error: 'invalid_api_key' });
  });

  it('validates dialects.convertalk.twilioBaseUrl in the app settings', async () => {
    const put = await client.request('PUT', '/v1/settings', {
      dialects: { convertalk: { twilioBaseUrl: 'ftp://twilio.example' } },
    });
    expect(put.status).toBe(400);
    expect(put.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.dialects.convertalk.twilioBaseUrl',
    ]);
    const fresh = await server.createApp('Defaults');
    const read = await fresh.client.get('/v1/settings');
    expect(read.body.dialects).toEqual({
      convertalk: { twilioBaseUrl: 'https://api.twilio.com', systemOtp: 'reference' },
      diyalog: { secret: null, webhookUrl: null },
      twilio: { allowCustomCode: false },
    });
  });

  it('documents both endpoints in OpenAPI', async () => {
    const spec = await createClient(server.url).get('/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining([SEND, VERIFY]));
  });
});
