import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { answer, type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import {
  type FakeTwilioVerify,
  startFakeTwilioVerify,
} from '../../../test/helpers/fake-twilio-verify.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { verificationRecord } from '../../../test/helpers/records.ts';
import { createLogger } from '../../observability/logger.ts';
import { createOutboundClient } from '../../outbound/guarded-client.ts';
import { twilioVerifyValidator } from '../../verification/adapters/twilio-verify-validator.ts';
import { twilioVerifyProvider } from '../adapters/twilio-verify-provider.ts';
import type { ProviderError } from '../provider-ports.ts';

const ACCOUNT = {
  accountSid: `AC${'1'.repeat(32)}`,
  authToken: 'twilio-verify-auth-token-0001',
  serviceSid: `VA${'2'.repeat(32)}`,
};

/** Twilio Verify as the owner of the codes: it makes, sends and checks them (mode 3). */
describe('twilio-verify sender and validator', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let twilio: FakeTwilioVerify;
  let client: Client;
  let n = 0;
  const nextNumber = () => `+1415555${String(1000 + n++)}`;

  beforeAll(async () => {
    server = await startServer({ clock, env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    twilio = await startFakeTwilioVerify(ACCOUNT);
    ({ client } = await server.createApp('Verify Shop'));
    const put = await client.request('PUT', '/v1/settings', {
      channels: {
        sms: {
          providers: [{ type: 'twilio-verify', name: 'verify', ...ACCOUNT, baseUrl: twilio.url }],
        },
      },
      validator: { type: 'twilio-verify', ...ACCOUNT, baseUrl: twilio.url },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await twilio.close();
  });

  async function delivered(id: string) {
    for (let i = 0; i < 250; i++) {
      const { body } = await client.get(`/v1/verifications/${id}`);
      if (body.delivery.status !== 'queued') return body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`verification ${id} was never delivered`);
  }

  it('starts a Twilio verification and checks the code by its SID', async () => {
    const to = nextNumber();
    const created = await client.post('/v1/verifications', { to });
    const read = await delivered(created.body.id);
    expect(read.delivery).toMatchObject({ status: 'sent', provider: 'verify' });
    const started = twilio.latest(to);
    expect(started.channel).toBe('sms');

    const wrong = started.code === '000000' ? '000001' : '000000';
    const miss = await client.post(`/v1/verifications/${created.body.id}/check`, { code: wrong });
    expect(miss.body).toMatchObject({
      valid: false,
      reason: 'incorrect_code',
      attemptsRemaining: 4,
    });
    const hit = await client.post(`/v1/verifications/${created.body.id}/check`, {
      code: started.code,
    });
    expect(hit.body).toMatchObject({ valid: true, status: 'approved' });
    expect(twilio.checks.at(-1)).toEqual({ Code: started.code, VerificationSid: started.sid });
  });

  it('checks by destination too, as the native /v1/verifications/check does', async () => {
    const to = nextNumber();
    const created = await client.post('/v1/verifications', { to });
    await delivered(created.body.id);
    const hit = await client.post('/v1/verifications/check', { to, code: twilio.latest(to).code });
    expect(hit.body).toMatchObject({ id: created.body.id, valid: true, status: 'approved' });
  });

  it('a resend starts a new Twilio verification; its SID replaces the old one', async () => {
    const to = nextNumber();
    const created = await client.post('/v1/verifications', { to });
    await delivered(created.body.id);
    const first = twilio.latest(to);
    clock.advance(30_000);
    expect((await client.post(`/v1/verifications/${created.body.id}/resend`)).status).toBe(200);
    await delivered(created.body.id);
    const second = twilio.latest(to);
    expect(second.sid).not.toBe(first.sid);
    const hit = await client.post(`/v1/verifications/${created.body.id}/check`, {
      code: second.code,
    });
    expect(hit.body).toMatchObject({ valid: true });
    expect(twilio.checks.at(-1)?.VerificationSid).toBe(second.sid);
  });

  it('a validator with wrong credentials gives no verdict: 503, no attempt spent', async () => {
    const { client: other } = await server.createApp('Bad Token');
    const put = await other.request('PUT', '/v1/settings', {
      channels: {
        sms: {
          providers: [{ type: 'twilio-verify', name: 'verify', ...ACCOUNT, baseUrl: twilio.url }],
        },
      },
      validator: {
        type: 'twilio-verify',
        ...ACCOUNT,
        authToken: 'wrong-token',
        baseUrl: twilio.url,
      },
    });
    expect(put.status).toBe(200);
    const to = nextNumber();
    const created = await other.post('/v1/verifications', { to });
    await (async () => {
      for (let i = 0; i < 250; i++) {
        const { body } = await other.get(`/v1/verifications/${created.body.id}`);
        if (body.delivery.status !== 'queued') return;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const refused = await other.post(`/v1/verifications/${created.body.id}/check`, {
      code: twilio.latest(to).code,
    });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'validator_unavailable', cause: 'http_401' });
    const after = await other.get(`/v1/verifications/${created.body.id}`);
    expect(after.body).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('keeps the auth token out of the logs and the stored settings', async () => {
    const output = server.logs.join('');
    expect(output).toContain('message sent');
    expect(output).not.toContain(ACCOUNT.authToken);
    for (const v of twilio.verifications) expect(output).not.toContain(v.code);
    const shown = await client.get('/v1/settings');
    expect(shown.body.validator.authToken).toMatch(/^••••/);
    expect(shown.body.channels.sms.providers[0].authToken).toMatch(/^••••/);
  });
});

/** The pair's reading of Twilio's answers, against a gateway that answers what each test sets. */
describe('twilio-verify answers', () => {
  const outbound = createOutboundClient({
    allowNetworks: ['127.0.0.0/8'],
    logger: createLogger('silent'),
  });
  let gateway: FakeGateway;
  beforeAll(async () => {
    gateway = await startFakeGateway();
  });
  afterAll(() => gateway.close());

  const sender = () =>
    twilioVerifyProvider.create(
      twilioVerifyProvider.configSchema.parse({ name: 'verify', ...ACCOUNT, baseUrl: gateway.url }),
      { outbound },
    );
  const validator = () =>
    twilioVerifyValidator.create(
      twilioVerifyValidator.configSchema.parse({ ...ACCOUNT, baseUrl: gateway.url }),
      { outbound },
    );
  const message = {
    appId: 'app_1',
    verificationId: 'ver_1',
    channel: 'sms' as const,
    to: '+14155550100',
    body: '',
    locale: 'en',
  };
  const v = verificationRecord({ externalCode: true, codeHash: '', codeKeyId: '' });

  it('sender: a 5xx or 429 may pass, a 4xx is final, a 201 without a SID is a failed send', async () => {
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => {
          throw new Error('sent');
        },
        (e: ProviderError) => ({ code: e.code, retryable: e.retryable }),
      );
    gateway.behave(answer(503, { code: 20500, message: 'down' }));
    expect(await failure(sender().send(message))).toEqual({
      code: 'twilio_20500',
      retryable: true,
    });
    gateway.behave(answer(429, { code: 20429 }));
    expect(await failure(sender().send(message))).toEqual({
      code: 'twilio_20429',
      retryable: true,
    });
    gateway.behave(answer(400, { code: 60200, message: 'Invalid parameter' }));
    expect(await failure(sender().send(message))).toEqual({
      code: 'twilio_60200',
      retryable: false,
    });
    gateway.behave(answer(201, { status: 'pending' }));
    expect(await failure(sender().send(message))).toEqual({
      code: 'reference_missing',
      retryable: false,
    });
    const form = new URLSearchParams(gateway.requests.at(-1)?.body);
    expect(Object.fromEntries(form)).toEqual({ To: message.to, Channel: 'sms', Locale: 'en' });
    expect(gateway.requests.at(-1)?.url).toBe(`/v2/Services/${ACCOUNT.serviceSid}/Verifications`);
  });

  it('validator: approved is right; pending, 404 and 60202 are wrong; the rest is no verdict', async () => {
    gateway.behave(answer(200, { status: 'approved', valid: true }));
    await expect(validator().check(v, '123456')).resolves.toBe(true);
    expect(Object.fromEntries(new URLSearchParams(gateway.requests.at(-1)?.body))).toEqual({
      Code: '123456',
      To: v.to,
    });
    gateway.behave(answer(200, { status: 'pending', valid: false }));
    await expect(validator().check(v, '123456')).resolves.toBe(false);
    gateway.behave(answer(404, { code: 20404 }));
    await expect(validator().check(v, '123456')).resolves.toBe(false);
    gateway.behave(answer(429, { code: 60202 }));
    await expect(validator().check(v, '123456')).resolves.toBe(false);
    for (const [behaviour, cause] of [
      [answer(429, { code: 20429 }), 'http_429'],
      [answer(500, 'oops'), 'http_500'],
      [answer(200, 'not json'), 'unreadable_answer'],
      [answer(401, { code: 20003 }), 'http_401'],
    ] as const) {
      gateway.behave(behaviour);
      await expect(validator().check(v, '123456')).rejects.toMatchObject({ code: cause });
    }
  });
});
