import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

/** Test numbers: fixed code, no provider, no limit, marked as test. */

const TEST_US = '+14155550100';
const TEST_TR = '+905551299999';
const REAL_TR = '+905551290042';
const ONE_PER_HOUR = { max: 1, windowSeconds: 3_600 };

describe('test numbers', () => {
  let server: TestServer;
  let gateway: FakeGateway;

  beforeAll(async () => {
    // The dispatcher runs only when a test asks, so "nothing was sent" is a settled fact.
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' }, dispatcher: false });
    gateway = await startFakeGateway();
  });
  afterAll(async () => {
    await server.close();
    await gateway.close();
  });

  const gatewayProvider = () => ({
    type: 'http',
    name: 'gw',
    request: {
      method: 'POST',
      url: `${gateway.url}/send`,
      body: { to: '{{toDigits}}', text: '{{message}}' },
      encoding: 'json',
    },
    success: { status: [200] },
  });

  /** Every limit at 1, a geo rule that excludes the test numbers, and two test numbers. */
  const strictSettings = (providers: unknown[] | undefined) => ({
    verification: { resendCooldownSeconds: 0 },
    ...(providers ? { channels: { sms: { providers } } } : {}),
    geo: { sms: { allow: ['DE'] } },
    safelist: [REAL_TR],
    limits: {
      createPerClientIp: ONE_PER_HOUR,
      sendsPerDestination: ONE_PER_HOUR,
      failedChecksPerDestinationAndIp: ONE_PER_HOUR,
      failedChecksPerDestination: ONE_PER_HOUR,
      sendsPerAppPerChannel: ONE_PER_HOUR,
      sendsPerAppPerCountry: ONE_PER_HOUR,
    },
    testNumbers: [
      { to: TEST_US, code: '123456' },
      { to: TEST_TR, code: '24681357' },
    ],
  });

  async function appWith(settings: Record<string, unknown>) {
    const app = await server.createApp();
    const put = await app.client.request('PUT', '/v1/settings', settings);
    expect(put.status, put.text).toBe(200);
    return app;
  }

  async function waitForLog(client: Client, id: string) {
    for (let i = 0; i < 100; i++) {
      const { body } = await client.get(`/v1/verifications/${id}/messages`);
      if (body.data?.length > 0) return body.data;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no message log entry for ${id}`);
  }

  const create = (client: Client, to: string, clientIp = '203.0.113.10') =>
    client.post('/v1/verifications', { to, clientIp });

  it('use the fixed code, reach no provider, and count against no limit', async () => {
    const { client } = await appWith(strictSettings([gatewayProvider()]));
    const before = gateway.requests.length;

    // Three creates from one IP to one number: every limit is at 1, the geo rule allows DE only.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await create(client, TEST_US);
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ test: true, to: TEST_US, channel: 'sms' });
      ids.push(created.body.id);
    }
    const last = ids[2] as string;
    await server.deps.dispatcher.runOnce();
    expect(gateway.requests.length).toBe(before);
    const read = await client.get(`/v1/verifications/${last}`);
    expect(read.body).toMatchObject({ test: true, delivery: { status: 'sent', provider: 'test' } });
    // The message log marks it: provider `test`, no provider message id.
    const logged = await waitForLog(client, last);
    expect(logged).toMatchObject([{ provider: 'test', status: 'sent', providerMessageId: null }]);

    // Wrong codes count no failed-check limit (max 1), only the verification's attempts.
    for (let i = 0; i < 2; i++) {
      const wrong = await client.post(`/v1/verifications/${last}/check`, {
        code: '654321',
        clientIp: '203.0.113.10',
      });
      expect(wrong.body, wrong.text).toMatchObject({ valid: false, reason: 'incorrect_code' });
    }
    // A resend keeps the fixed code and is not counted either.
    const resent = await client.post(`/v1/verifications/${last}/resend`, {
      clientIp: '203.0.113.10',
    });
    expect(resent.status, resent.text).toBe(200);
    expect(resent.body.sends).toBe(2);
    await server.deps.dispatcher.runOnce();
    expect(gateway.requests.length).toBe(before);
    const right = await client.post('/v1/verifications/check', { to: TEST_US, code: '123456' });
    expect(right.body).toMatchObject({ id: last, valid: true, status: 'approved' });

    // The code length follows the fixed code.
    const eight = await create(client, TEST_TR);
    expect(eight.body).toMatchObject({ test: true });
    const approved = await client.post(`/v1/verifications/${eight.body.id}/check`, {
      code: '24681357',
    });
    expect(approved.body.valid).toBe(true);

    // None of it spent a limit: the app's first real code goes out (through the safelist,
    // past the geo rule) and then the limits at 1 refuse the next.
    const real = await create(client, REAL_TR);
    expect(real.status, real.text).toBe(201);
    expect(real.body.test).toBe(false);
    await server.deps.dispatcher.runOnce();
    expect(gateway.requests.length).toBe(before + 1);
    expect(JSON.parse(gateway.requests.at(-1)?.body ?? '{}').to).toBe(REAL_TR.slice(1));
    const refused = await create(client, REAL_TR);
    expect(refused.status).toBe(429);
  });

  it('are not delivered to the sandbox either', async () => {
    const { client } = await appWith(strictSettings(undefined));
    const created = await create(client, TEST_US);
    expect(created.status).toBe(201);
    await server.deps.dispatcher.runOnce();
    const sandbox = await client.get('/v1/sandbox/messages?limit=100');
    expect(sandbox.body.data).toEqual([]);
    const read = await client.get(`/v1/verifications/${created.body.id}`);
    expect(read.body.delivery).toMatchObject({ status: 'sent', provider: 'test' });
    // A real number of the same app does reach the sandbox.
    const real = await create(client, REAL_TR);
    await server.deps.dispatcher.runOnce();
    const code = await server.readCode(client, real.body.id);
    expect(code).toMatch(/^\d{6}$/);
  });

  it("are the app's own: another app sends the same number a real code (I5)", async () => {
    await appWith(strictSettings(undefined));
    const { client } = await appWith({});
    const created = await create(client, TEST_US);
    expect(created.status).toBe(201);
    expect(created.body.test).toBe(false);
    await server.deps.dispatcher.runOnce();
    const code = await server.readCode(client, created.body.id);
    // The other app's fixed code is not this app's code (unless the dice say so).
    if (code !== '123456') {
      const check = await client.post('/v1/verifications/check', { to: TEST_US, code: '123456' });
      expect(check.body).toMatchObject({ valid: false, reason: 'incorrect_code' });
    }
    const ok = await client.post('/v1/verifications/check', { to: TEST_US, code });
    expect(ok.body.valid).toBe(true);
  });

  it('are validated', async () => {
    const { client } = await server.createApp();
    for (const testNumbers of [
      [{ to: '14155550100', code: '123456' }],
      [{ to: '+1 415 555 0100', code: '123456' }],
      [{ to: '+10000000000', code: '123456' }],
      [{ to: TEST_US, code: '123' }],
      [{ to: TEST_US, code: '12345678901' }],
      [{ to: TEST_US, code: '12a456' }],
      [{ to: TEST_US }],
      [
        { to: TEST_US, code: '123456' },
        { to: TEST_US, code: '654321' },
      ],
      [{ to: TEST_US, code: '123456', channel: 'sms' }],
    ]) {
      const put = await client.request('PUT', '/v1/settings', { testNumbers });
      expect(put.status, JSON.stringify(testNumbers)).toBe(400);
      expect(put.body.errors[0].field).toMatch(/^body\.testNumbers/);
    }
  });
});
