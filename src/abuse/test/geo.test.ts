import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { ApiResponse, Client } from '../../../test/helpers/http-client.ts';

/** Geo permissions, number types and the safelist, over HTTP. */

const TR = '+905551290001';
const TZ = '+255712345678';
const US = '+14155550100';
const UK_MOBILE = '+447400123456';
const UK_PREMIUM = '+449098790000'; // 09xx: premium rate
const FR_SHARED_COST = '+33810123456'; // 081x: shared cost
const UK_VOIP = '+445612345678'; // 056: VoIP
const US_TOLL_FREE = '+18005550100';

function expectForbidden(response: ApiResponse, code: string) {
  expect(response.status, response.text).toBe(403);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status: 403, code });
}

describe('geo permissions, number types and safelist', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  async function appWith(settings: Record<string, unknown>) {
    const app = await server.createApp();
    const put = await app.client.request('PUT', '/v1/settings', settings);
    expect(put.status, put.text).toBe(200);
    return app;
  }
  const create = (client: Client, to: string, channel?: string) =>
    client.post('/v1/verifications', { to, ...(channel ? { channel } : {}) });

  /** Nothing was stored: the sandbox holds nothing and no verification exists for `to`. */
  async function expectNothingFor(client: Client, to: string) {
    await server.deps.dispatcher.runOnce();
    const sandbox = await client.get('/v1/sandbox/messages?limit=100');
    expect(sandbox.body.data.filter((m: { to: string }) => m.to === to)).toEqual([]);
    const check = await client.post('/v1/verifications/check', { to, code: '000000' });
    expect(check.body.code).toBe('verification_not_found');
  }

  it('an allow list lets only its countries through, per channel', async () => {
    const { client } = await appWith({ geo: { sms: { allow: ['TR', 'TZ'] } } });
    expect((await create(client, TR)).status).toBe(201);
    expect((await create(client, TZ)).status).toBe(201);
    const refused = await create(client, US);
    expectForbidden(refused, 'country_not_allowed');
    expect(refused.body.detail).toContain('US');
    await expectNothingFor(client, US);
    // WhatsApp has no rule of its own: every country.
    expect((await create(client, US, 'whatsapp')).status).toBe(201);
  });

  it('a deny list refuses its countries only', async () => {
    const { client } = await appWith({
      geo: { sms: { deny: ['US'] }, whatsapp: { deny: ['TR'] } },
    });
    expectForbidden(await create(client, US), 'country_not_allowed');
    expect((await create(client, TR)).status).toBe(201);
    expectForbidden(await create(client, TR, 'whatsapp'), 'country_not_allowed');
    expect((await create(client, US, 'whatsapp')).status).toBe(201);
  });

  it('email is exempt, and cannot even be given a rule', async () => {
    const { client } = await appWith({ geo: { sms: { allow: ['TR'] } } });
    expect((await create(client, 'someone@example.com', 'email')).status).toBe(201);
    const put = await client.request('PUT', '/v1/settings', { geo: { email: { allow: ['TR'] } } });
    expect(put.status).toBe(400);
  });

  it('a resend is refused when the settings changed since the create', async () => {
    const { client } = await appWith({ verification: { resendCooldownSeconds: 0 } });
    const v = await create(client, US);
    expect(v.status).toBe(201);
    await client.request('PUT', '/v1/settings', {
      verification: { resendCooldownSeconds: 0 },
      geo: { sms: { deny: ['US'] } },
    });
    const resent = await client.post(`/v1/verifications/${v.body.id}/resend`);
    expectForbidden(resent, 'country_not_allowed');
    expect((await client.get(`/v1/verifications/${v.body.id}`)).body.sends).toBe(1);
  });

  it('refuses premium-rate and shared-cost numbers by default', async () => {
    const { client } = await appWith({});
    const premium = await create(client, UK_PREMIUM);
    expectForbidden(premium, 'number_type_not_allowed');
    expect(premium.body.detail).toContain('premium-rate');
    await expectNothingFor(client, UK_PREMIUM);
    expectForbidden(await create(client, FR_SHARED_COST), 'number_type_not_allowed');
    // VoIP, toll-free and ordinary mobiles are allowed by default.
    expect((await create(client, UK_VOIP)).status).toBe(201);
    expect((await create(client, US_TOLL_FREE)).status).toBe(201);
    expect((await create(client, UK_MOBILE)).status).toBe(201);
    // Email has no number type.
    expect((await create(client, 'a@example.com', 'email')).status).toBe(201);
  });

  it('number types are switchable', async () => {
    const { client } = await appWith({
      numberTypes: { premiumRate: true, voip: false, tollFree: false },
    });
    expect((await create(client, UK_PREMIUM)).status).toBe(201);
    expectForbidden(await create(client, UK_VOIP), 'number_type_not_allowed');
    expectForbidden(await create(client, US_TOLL_FREE), 'number_type_not_allowed');
    // Shared cost kept its default.
    expectForbidden(await create(client, FR_SHARED_COST), 'number_type_not_allowed');
  });

  it('the safelist bypasses geo and number types, by number or prefix', async () => {
    const { client } = await appWith({
      geo: { sms: { allow: ['TR'] } },
      safelist: ['+1415555', UK_PREMIUM],
    });
    expect((await create(client, US)).status).toBe(201);
    expect((await create(client, UK_PREMIUM)).status).toBe(201);
    expectForbidden(await create(client, '+14159300000'), 'country_not_allowed');
  });

  it('the safelist does not bypass the rate limits', async () => {
    const { client } = await appWith({
      safelist: [US],
      limits: { sendsPerDestination: { max: 1, windowSeconds: 3_600 } },
    });
    expect((await create(client, US)).status).toBe(201);
    const again = await create(client, US);
    expect(again.status).toBe(429);
    expect(again.body.limit).toBe('sendsPerDestination');
  });

  it("another app's geo permissions do not apply (I5)", async () => {
    const strict = await appWith({ geo: { sms: { allow: ['TZ'] } } });
    const open = await appWith({});
    expectForbidden(await create(strict.client, TR), 'country_not_allowed');
    expect((await create(open.client, TR)).status).toBe(201);
  });

  it('validates the settings', async () => {
    const { client } = await appWith({});
    for (const bad of [
      { geo: { sms: { allow: ['TR'], deny: ['US'] } } },
      { geo: { sms: { allow: ['tr'] } } },
      { geo: { sms: { allow: ['XX'] } } },
      { geo: { sms: { allow: [] } } },
      { geo: { sms: { deny: ['TR', 'TR'] } } },
      { numberTypes: { mobile: false } },
      { numberTypes: { premiumRate: 'yes' } },
      { safelist: ['905551234567'] },
      { safelist: ['+0555'] },
      { safelist: ['+90 555'] },
      { safelist: ['+90555', '+90555'] },
    ]) {
      const put = await client.request('PUT', '/v1/settings', bad);
      expect(put.status, JSON.stringify(bad)).toBe(400);
    }
    const shown = await client.get('/v1/settings');
    expect(shown.body).toMatchObject({
      geo: {},
      numberTypes: {
        premiumRate: false,
        sharedCost: false,
        voip: true,
        tollFree: true,
        unknown: true,
      },
      safelist: [],
      testNumbers: [],
    });
  });

  it('OpenAPI documents the 403 answers and the new settings', async () => {
    const spec = await (await fetch(`${server.url}/openapi.json`)).json();
    expect(spec.paths['/v1/verifications'].post.responses['403']).toBeDefined();
    expect(spec.paths['/v1/verifications/{id}/resend'].post.responses['403']).toBeDefined();
    const text = JSON.stringify(spec);
    for (const name of ['GeoPermissions', 'NumberTypes', 'TestNumber']) {
      expect(text).toContain(name);
    }
  });
});
