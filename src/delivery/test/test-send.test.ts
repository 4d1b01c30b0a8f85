import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeCodeService,
  startFakeCodeService,
} from '../../../test/helpers/fake-code-service.ts';
import { type FakeGateway, startFakeGateway, succeed } from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

const KEY = 'test-send-gateway-key-0001';

/** POST /v1/settings/test-send: one real message through the configured route. */
describe('test-send', () => {
  let server: TestServer;
  let down: FakeGateway;
  let up: FakeGateway;
  let service: FakeCodeService;

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    // A failing gateway that quotes the key it was sent, as some do in their errors.
    down = await startFakeGateway((request) => ({
      status: 500,
      body: `bad key ${request.headers['x-gateway-key']} ${'x'.repeat(5_000)}`,
    }));
    up = await startFakeGateway(succeed);
    service = await startFakeCodeService();
  });
  afterAll(async () => {
    await server.close();
    await down.close();
    await up.close();
    await service.close();
  });

  const gateway = (name: string, url: string) => ({
    type: 'http',
    name,
    request: {
      url: `${url}/send`,
      headers: { 'X-Gateway-Key': KEY },
      body: { to: '{{to}}', text: '{{message}}', otp: '{{code}}' },
    },
    success: { status: [200], jsonPointer: '/ok', equals: true },
  });

  it('tries the providers in order and answers each attempt with the gateway answer', async () => {
    const { appId, client } = await server.createApp('Try Shop');
    const put = await client.request('PUT', '/v1/settings', {
      channels: { sms: { providers: [gateway('gw-down', down.url), gateway('gw-up', up.url)] } },
    });
    expect(put.status).toBe(200);
    const before = up.requests.length;
    const tried = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+905551300001',
    });
    expect(tried.status).toBe(200);
    const [failed, sent] = tried.body.attempts;
    expect(failed).toMatchObject({ provider: 'gw-down', ok: false, error: 'http_500' });
    expect(failed.response.status).toBe(500);
    expect(failed.response.body).toMatch(/^bad key •••• x+…$/);
    expect(failed.response.body.length).toBeLessThanOrEqual(2_001);
    expect(JSON.stringify(tried.body)).not.toContain(KEY);
    expect(sent).toMatchObject({
      provider: 'gw-up',
      ok: true,
      response: { status: 200, body: '{"ok":true,"id":"gw-1"}' },
    });
    expect(typeof sent.latencyMs).toBe('number');

    // A real message with a sample code reached the gateway…
    const body = JSON.parse(up.requests[before]?.body ?? '{}');
    expect(body.to).toBe('+905551300001');
    expect(body.text).toContain(body.otp);
    // …and nothing was recorded as a verification or in the message log.
    expect(await server.deps.store.findLatestVerification(appId, '+905551300001')).toBeUndefined();
    expect((await client.get('/v1/messages')).body.data).toEqual([]);
  });

  it('uses the sandbox by default: ok, and no gateway answer', async () => {
    const { client } = await server.createApp('Sandbox Shop');
    const tried = await client.post('/v1/settings/test-send', {
      channel: 'email',
      to: 'A@B.example',
    });
    expect(tried.body).toEqual({
      attempts: [{ provider: 'console', ok: true, latencyMs: expect.any(Number), response: null }],
    });
    const captured = await client.get('/v1/sandbox/messages?to=a@b.example');
    expect(captured.body.data).toHaveLength(1);
  });

  it('asks a sender that makes its own code to make one, giving it no code', async () => {
    const { client } = await server.createApp('Maker Shop');
    const put = await client.request('PUT', '/v1/settings', {
      channels: {
        sms: {
          providers: [
            {
              type: 'http',
              name: 'maker',
              request: { url: `${service.url}/send`, body: { to: '{{to}}' } },
              generatesCode: true,
              referencePointer: '/ref',
            },
          ],
        },
      },
      validator: { type: 'http', request: { url: `${service.url}/check` } },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const tried = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+905551300002',
    });
    expect(tried.body.attempts).toMatchObject([{ provider: 'maker', ok: true }]);
    expect(JSON.parse(service.sendBodies.at(-1) ?? '{}')).toEqual({ to: '+905551300002' });
  });

  it('refuses bad input with problem+json', async () => {
    const { client } = await server.createApp('Bad Input');
    const noChannel = await client.post('/v1/settings/test-send', { to: '+905551300003' });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body).toMatchObject({ code: 'validation_failed' });
    const badNumber = await client.post('/v1/settings/test-send', { channel: 'sms', to: '12' });
    expect(badNumber.status).toBe(400);
    expect(badNumber.headers.get('content-type')).toContain('application/problem+json');
    expect(badNumber.body.code).toBe('invalid_recipient');
  });

  it('passes the same geo permissions and send limits as a verification, and counts', async () => {
    const { client } = await server.createApp('Guarded Shop');
    const put = await client.request('PUT', '/v1/settings', {
      geo: { sms: { allow: ['TR'] } },
      limits: { sendsPerDestination: { max: 1, windowSeconds: 3_600 } },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const abroad = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+14155550123',
    });
    expect(abroad.status).toBe(403);
    expect(abroad.body.code).toBe('country_not_allowed');
    const first = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+905551300009',
    });
    expect(first.status).toBe(200);
    const second = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+905551300009',
    });
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({ code: 'rate_limited', limit: 'sendsPerDestination' });
  });

  it('is documented in OpenAPI, with the validator setting and its problem', async () => {
    const spec = await (await fetch(`${server.url}/openapi.json`)).json();
    const route = spec.paths['/v1/settings/test-send'].post;
    expect(route.responses['200']).toBeDefined();
    expect(route.responses['400']).toBeDefined();
    const text = JSON.stringify(spec);
    expect(text).toContain('wrongCodeStatus');
    expect(text).toContain('referencePointer');
    expect(text).toContain('twilio-verify');
    expect(
      JSON.stringify(spec.paths['/v1/verifications/{id}/check'].post.responses['503']),
    ).toBeDefined();
  });

  it("keeps the gateway's answer and key out of the logs", () => {
    const output = server.logs.join('');
    expect(output).toContain('test message sent');
    expect(output).not.toContain(KEY);
    expect(output).not.toContain('bad key');
  });
});

/** What test-send shows of a gateway never repeats a secret, however the gateway wrote it. */
describe('test-send masks every form of every secret', () => {
  const HEADER_KEY = 'hdr-secret-8c1f4e2a9b77';
  const BODY_KEY = 'bd"y\\sëcret☃/-5510ab&<>';
  const BASIC_USER = 'basic-user-secret-31d9';
  const BASIC_PASS = 'basic-pass-secret-e07a5c';
  const HOST_VAR = 'no-such-gateway-5e1c.invalid';
  const basic = Buffer.from(`${BASIC_USER}:${BASIC_PASS}`).toString('base64');
  let server: TestServer;
  let echo: FakeGateway;

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    // A gateway that quotes what it got in every way gateways do in their error answers.
    echo = await startFakeGateway((request) => {
      const key = JSON.parse(request.body).k as string;
      return {
        status: 401,
        body: {
          message: `bad credentials ${request.headers.authorization} for ${request.headers['x-key']}`,
          url: request.url,
          raw: request.body,
          base64: Buffer.from(key).toString('base64'),
          ascii: JSON.stringify(key).replace(
            /[^\x20-\x7e]/g,
            (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          ),
        },
      };
    });
  });
  afterAll(async () => {
    await server.close();
    await echo.close();
  });

  it('shows no secret literally, URL-encoded, in base64, in Basic auth, JSON-escaped or in an error', async () => {
    const { client } = await server.createApp('Echo Shop');
    const { host } = new URL(echo.url);
    const put = await client.request('PUT', '/v1/settings', {
      channels: {
        sms: {
          providers: [
            {
              type: 'http',
              name: 'unresolvable',
              request: { url: 'http://{{gatewayHost}}/send', body: { to: '{{to}}' } },
              vars: { gatewayHost: HOST_VAR },
              timeoutMs: 2_000,
            },
            {
              type: 'http',
              name: 'echo',
              request: {
                url: `http://{{basicUser}}:{{basicPass}}@${host}/send?key={{bodyKey}}`,
                headers: { 'X-Key': HEADER_KEY },
                body: { to: '{{to}}', k: '{{bodyKey}}' },
              },
              vars: { basicUser: BASIC_USER, basicPass: BASIC_PASS, bodyKey: BODY_KEY },
            },
          ],
        },
      },
    });
    expect(put.status, put.text).toBe(200);
    const tried = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+905551300021',
    });
    expect(tried.status).toBe(200);
    // The gateway really got every secret, and quoted each one back.
    const got = echo.requests.at(-1);
    expect(got?.headers.authorization).toBe(`Basic ${basic}`);
    expect(got?.headers['x-key']).toBe(HEADER_KEY);
    expect(got?.url).toContain(encodeURIComponent(BODY_KEY));

    const [unresolvable, echoed] = tried.body.attempts;
    expect(unresolvable).toMatchObject({ provider: 'unresolvable', ok: false });
    expect(unresolvable.detail).toContain('••••');
    expect(echoed).toMatchObject({ provider: 'echo', ok: false, error: 'http_401' });
    expect(echoed.response.body).toMatch(/bad credentials Basic (••••)+ for ••••"/);
    const shown = JSON.stringify(tried.body);
    const forms = [
      HEADER_KEY,
      HOST_VAR,
      BASIC_USER,
      BASIC_PASS,
      basic,
      basic.slice(8, 24),
      BODY_KEY,
      encodeURIComponent(BODY_KEY),
      JSON.stringify(BODY_KEY).slice(1, -1),
      JSON.stringify(JSON.stringify(BODY_KEY)).slice(1, -1),
      Buffer.from(BODY_KEY).toString('base64'),
      'sëcret',
      'u00ebcret',
      '5510ab',
      'c2VjcmV0',
    ];
    for (const form of forms) expect(shown, form).not.toContain(form);
    for (const form of forms) expect(echoed.response.body, form).not.toContain(form);
  });
});
