import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock.ts';
import {
  accept,
  type FakeTwilio,
  startFakeTwilio,
  twilioError,
} from '../../../../test/helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../../../../test/helpers/harness.ts';
import type { Client } from '../../../../test/helpers/http-client.ts';
import {
  ACCOUNT,
  type ConvertalkApp,
  FROM,
  loggedAttempt,
  SEND,
  sendBody,
  startConvertalkApp,
  TOKEN,
  VERIFY,
} from './convertalk-fixture.ts';

describe('convertalk send-otp-sms: sending through Twilio', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let twilio: FakeTwilio;
  let client: Client;
  let appId: string;
  let nextNumber: ConvertalkApp['nextNumber'];
  let sendCode: ConvertalkApp['sendCode'];

  beforeAll(async () => {
    ({ server, twilio, client, appId, nextNumber, sendCode } = await startConvertalkApp(clock));
  });
  afterAll(async () => {
    await server.close();
    await twilio.close();
  });

  it('sends the code through Twilio with the credentials given, answering flat JSON', async () => {
    twilio.behave(accept);
    const to = nextNumber();
    const before = twilio.posts.length;
    const sent = await client.post(SEND, sendBody(to));
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({
      success: true,
      status: 'sent',
      message: expect.any(String),
      systemOtp: expect.any(String),
      verificationId: expect.stringMatching(/^ver_/),
      expiresAt: new Date(clock.now() + 600_000).toISOString(),
    });
    // Flat: every value can go to a custom attribute as it is.
    for (const value of Object.values(sent.body)) expect(typeof value).not.toBe('object');

    const posts = twilio.posts.slice(before);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post?.accountSid).toBe(ACCOUNT);
    expect(post?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
    );
    expect(post?.form.To).toBe(to);
    expect(post?.form.From).toBe(FROM);
    const code = /\b(\d{6})\b/.exec(post?.form.Body ?? '')?.[1];
    expect(post?.form.Body).toContain('Chat Shop');
    expect(code).toBeDefined();

    // systemOtp is a reference, not the code, and does not show the verification id either.
    expect(sent.body.systemOtp).not.toContain(code);
    expect(sent.body.systemOtp).not.toContain(sent.body.verificationId);

    const id = sent.body.verificationId;
    const read = await client.get(`/v1/verifications/${id}`);
    expect(read.body).toMatchObject({
      status: 'pending',
      to,
      channel: 'sms',
      delivery: { status: 'sent', provider: 'convertalk-twilio' },
    });
    const [entry] = await loggedAttempt(client, id);
    expect(entry).toMatchObject({
      provider: 'convertalk-twilio',
      status: 'sent',
      providerMessageId: twilio.sids.at(-1),
    });
    // The dispatcher never sends it again, through any provider.
    await server.deps.dispatcher.runOnce();
    const sandbox = await client.get('/v1/sandbox/messages?limit=100');
    expect(
      sandbox.body.data.filter((m: { verificationId: string }) => m.verificationId === id),
    ).toEqual([]);
    expect(twilio.posts.slice(before)).toHaveLength(1);
  });

  it('Chatbot user authentication: toNumber as international digits without + is read as a number', async () => {
    twilio.behave(accept);
    const digits = nextNumber().slice(1);
    const sent = await client.post(SEND, sendBody(digits));
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.success).toBe(true);
    expect(twilio.posts.at(-1)?.form.To).toBe(`+${digits}`);
    // Digits that are no valid number anywhere stay refused, naming nothing sent.
    const before = twilio.posts.length;
    const bad = await client.post(SEND, sendBody('999999999999'));
    expect(bad.status).toBe(400);
    expect(twilio.posts.length).toBe(before);
  });

  it('Chatbot user authentication: systemOtp is the code itself for an app that compares locally', async () => {
    twilio.behave(accept);
    const local = await server.createApp('Local Compare');
    const put = await local.client.request('PUT', '/v1/settings', {
      dialects: { convertalk: { twilioBaseUrl: twilio.url, systemOtp: 'code' } },
    });
    expect(put.status, put.text).toBe(200);
    const { code, answer } = await sendCode(local.client);
    expect(answer.systemOtp).toBe(code);
    // The default stays the opaque reference.
    const other = await sendCode();
    expect(other.answer.systemOtp).not.toContain(other.code);
    const bad = await local.client.request('PUT', '/v1/settings', {
      dialects: { convertalk: { systemOtp: 'plain' } },
    });
    expect(bad.status).toBe(400);
  });

  it('ignores fields a flow adds beyond the documented ones', async () => {
    const to = nextNumber();
    const sent = await client.post(SEND, sendBody(to, { userName: 'Ayşe', flowId: 7 }));
    expect(sent.body).toMatchObject({ success: true, status: 'sent' });
  });

  it('sends nothing to a test number; its fixed code works', async () => {
    const { client: tester } = await server.createApp('Review Shop');
    const to = '+905551278888';
    const put = await tester.request('PUT', '/v1/settings', {
      testNumbers: [{ to, code: '246810' }],
      dialects: { convertalk: { twilioBaseUrl: twilio.url } },
    });
    expect(put.status, put.text).toBe(200);
    const before = twilio.posts.length;
    const sent = await tester.post(SEND, sendBody(to));
    expect(sent.body).toMatchObject({ success: true, status: 'sent' });
    expect(sent.body.message).toMatch(/test number/);
    expect(twilio.posts.length).toBe(before);
    const right = await tester.post(VERIFY, { systemOtp: sent.body.systemOtp, userOtp: '246810' });
    expect(right.body).toMatchObject({ verified: true, status: 'approved' });
  });

  it.each([
    ['refuses the credentials (401)', twilioError(401, 20003), 'twilio_20003'],
    ['fails (500)', twilioError(500, 20500), 'twilio_20500'],
  ])(
    'answers success false when Twilio %s, and fails the verification',
    async (_, behaviour, errorCode) => {
      twilio.behave(behaviour);
      const to = nextNumber();
      const sent = await client.post(SEND, sendBody(to));
      twilio.behave(accept);
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({
        success: false,
        status: 'failed',
        errorCode,
        verificationId: expect.any(String),
        systemOtp: expect.any(String),
      });
      expect(sent.body.message).toMatch(/could not be sent: Twilio answered HTTP/);
      const id = sent.body.verificationId;
      const read = await client.get(`/v1/verifications/${id}`);
      expect(read.body).toMatchObject({
        status: 'failed',
        reason: 'delivery_failed',
        delivery: { status: 'failed' },
      });
      const [entry] = await loggedAttempt(client, id);
      expect(entry).toMatchObject({ provider: 'convertalk-twilio', status: 'failed', errorCode });
      const verify = await client.post(VERIFY, {
        systemOtp: sent.body.systemOtp,
        userOtp: '123456',
      });
      expect(verify.body).toMatchObject({ success: true, verified: false, status: 'failed' });
    },
  );

  it('answers a wrong auth token with success false: the token given is the one used', async () => {
    const to = nextNumber();
    const sent = await client.post(SEND, sendBody(to, { authToken: 'not-the-token' }));
    expect(sent.body).toMatchObject({
      success: false,
      status: 'failed',
      errorCode: 'twilio_20003',
    });
    expect(sent.body.message).toMatch(/authentication failed/);
  });

  it('drops a handed-off job whose sender never came back: at most once', async () => {
    // What a crash between the commit and the Twilio call leaves: a verification whose job
    // was handed off and never sent. The dispatcher must neither send it nor keep it.
    const { verification, job } = await server.deps.verifications.startHandedOff(
      { id: appId },
      { to: nextNumber() },
    );
    expect(job).toMatchObject({ codeCiphertext: null, leaseUntil: verification.expiresAt });
    expect(await server.deps.dispatcher.runOnce()).toBe(0);
    clock.advance(600_000);
    expect(await server.deps.dispatcher.runOnce()).toBeGreaterThanOrEqual(1);
    const read = await client.get(`/v1/verifications/${verification.id}`);
    expect(read.body).toMatchObject({ status: 'expired', delivery: { status: 'queued' } });
    const sandbox = await client.get('/v1/sandbox/messages?limit=100');
    expect(
      sandbox.body.data.filter(
        (m: { verificationId: string }) => m.verificationId === verification.id,
      ),
    ).toEqual([]);
  });

  it('never stores the auth token: not in the database, nor the message log', async () => {
    const { answer } = await sendCode();
    await loggedAttempt(client, answer.verificationId);
    for (const file of readdirSync(server.dataDir)) {
      const bytes = readFileSync(join(server.dataDir, file));
      expect(bytes.includes(TOKEN), file).toBe(false);
      expect(bytes.includes(Buffer.from(TOKEN).toString('base64')), file).toBe(false);
    }
    expect(server.logs.join('')).not.toContain(TOKEN);
  });
});

describe('convertalk behind the outbound guard', () => {
  let server: TestServer;
  let twilio: FakeTwilio;

  beforeAll(async () => {
    server = await startServer(); // no OTPD_ALLOW_NETWORKS: loopback is refused
    twilio = await startFakeTwilio({ [ACCOUNT]: TOKEN });
  });
  afterAll(async () => {
    await server.close();
    await twilio.close();
  });

  it('refuses a twilioBaseUrl on an internal address: success false, nothing sent', async () => {
    const { client } = await server.createApp('Guarded');
    await client.request('PUT', '/v1/settings', {
      dialects: { convertalk: { twilioBaseUrl: twilio.url } },
    });
    const sent = await client.post(SEND, {
      accountSID: ACCOUNT,
      authToken: TOKEN,
      fromNumber: FROM,
      toNumber: '+905551279999',
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      success: false,
      status: 'failed',
      errorCode: 'blocked_address',
    });
    expect(twilio.posts).toHaveLength(0);
    expect(twilio.unauthorized).toBe(0);
  });
});
