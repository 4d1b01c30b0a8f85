import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { accept, type FakeTwilio, startFakeTwilio, twilioError } from '../helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { type Client, createClient } from '../helpers/http-client.ts';

const ACCOUNT = `AC${'5e'.repeat(16)}`;
const TOKEN = 'convertalk-twilio-token-9f81c2d7';
const FROM = '+15017122661';
const SEND = '/convertalk/integrations/custom-feature/send-otp-sms';
const VERIFY = '/convertalk/integrations/custom-feature/verify-user-otp';

/** Polls the message log of a verification until it holds an entry. */
async function loggedAttempt(client: Client, id: string) {
  for (let i = 0; i < 250; i++) {
    const { body } = await client.get(`/v1/verifications/${id}/messages`);
    if (body.data.length > 0) return body.data;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`verification ${id} has no logged attempt`);
}

/**
 * Convertalk's chatbot flow: a "Send OTP" API step posts the Twilio credentials and the
 * person's number; a "Verify OTP" step posts the saved `systemOtp` with what the person typed.
 * The payloads are the ones Convertalk's user-authentication guide documents.
 */
describe('convertalk chatbot endpoints', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let twilio: FakeTwilio;
  let client: Client;
  let appId: string;
  let numbers = 0;
  /** A fresh destination per send, so no per-destination limit is involved. */
  const nextNumber = () => `+90555127${String(1000 + numbers++)}`;

  beforeAll(async () => {
    server = await startServer({ clock, env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    twilio = await startFakeTwilio({ [ACCOUNT]: TOKEN });
    const created = await server.createApp('Chat Shop');
    client = created.client;
    appId = created.appId;
    const put = await client.request('PUT', '/v1/settings', {
      dialects: { convertalk: { twilioBaseUrl: twilio.url } },
    });
    expect(put.status, put.text).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await twilio.close();
  });

  /** The documented send body; `overrides` replace fields. */
  const sendBody = (toNumber: string, overrides: Record<string, unknown> = {}) => ({
    accountSID: ACCOUNT,
    authToken: TOKEN,
    fromNumber: FROM,
    toNumber,
    ...overrides,
  });

  /** Sends a code and reads it from what Twilio received. */
  async function sendCode(as: Client = client) {
    const to = nextNumber();
    const sent = await as.post(SEND, sendBody(to));
    expect(sent.status, sent.text).toBe(200);
    const post = twilio.posts.filter((p) => p.form.To === to).at(-1);
    const code = /\b(\d{6})\b/.exec(post?.form.Body ?? '')?.[1];
    if (!code) throw new Error(`no code sent to ${to}`);
    return { to, code, answer: sent.body };
  }

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

  it('verifies the right code once', async () => {
    const { code, answer } = await sendCode();
    const right = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({
      success: true,
      verified: true,
      status: 'approved',
      attemptsRemaining: 4,
      message: 'The code is correct.',
    });
    const again = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(again.body).toMatchObject({ success: true, verified: false, status: 'approved' });
    expect(again.body.message).toMatch(/already used/);
    const read = await client.get(`/v1/verifications/${answer.verificationId}`);
    expect(read.body.status).toBe('approved');
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

  it('accepts the typed code as a number too, as a flow may save it', async () => {
    const { code, answer } = await sendCode();
    const right = await client.post(VERIFY, {
      systemOtp: answer.systemOtp,
      userOtp: Number(code),
    });
    // A code with a leading zero loses it as a number: then it is simply wrong.
    expect(right.body.verified).toBe(!code.startsWith('0'));
  });

  it('counts wrong codes down, then refuses even the right one', async () => {
    const { code, answer } = await sendCode();
    const wrong = code === '000000' ? '000001' : '000000';
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: wrong });
      expect(res.body).toMatchObject({ success: true, verified: false, status: 'pending' });
      expect(res.body.message).toMatch(/wrong/);
      remaining.push(res.body.attemptsRemaining);
    }
    expect(remaining).toEqual([4, 3, 2, 1]);
    const last = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: wrong });
    expect(last.body).toMatchObject({
      success: true,
      verified: false,
      status: 'max_attempts_reached',
      attemptsRemaining: 0,
    });
    const right = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(right.body).toMatchObject({
      verified: false,
      status: 'max_attempts_reached',
      attemptsRemaining: 0,
    });
    // The same budget as the native API reads.
    const read = await client.get(`/v1/verifications/${answer.verificationId}`);
    expect(read.body).toMatchObject({ attempts: 5, attemptsRemaining: 0 });
  });

  it('refuses an expired code', async () => {
    const { code, answer } = await sendCode();
    clock.advance(600_000);
    const late = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ success: true, verified: false, status: 'expired' });
    expect(late.body.message).toMatch(/expired/);
  });

  it('answers a forged, altered or foreign systemOtp with success false, changing nothing', async () => {
    const { code, answer } = await sendCode();
    const other = await server.createApp('Other Shop');
    const invalid = {
      success: false,
      verified: false,
      status: 'invalid_system_otp',
      attemptsRemaining: 0,
      message: expect.any(String),
    };
    const forged = await client.post(VERIFY, { systemOtp: 'abc.def.ghi.jkl', userOtp: code });
    expect(forged.status).toBe(200);
    expect(forged.body).toEqual(invalid);
    const flipped = answer.systemOtp.slice(0, -2) + (answer.systemOtp.endsWith('AA') ? 'BB' : 'AA');
    expect((await client.post(VERIFY, { systemOtp: flipped, userOtp: code })).body).toEqual(
      invalid,
    );
    // The verification id itself is no reference either.
    const byId = await client.post(VERIFY, { systemOtp: answer.verificationId, userOtp: code });
    expect(byId.body).toEqual(invalid);
    // Another app's key with this app's reference: as unknown as a made-up one (I5).
    const foreign = await other.client.post(VERIFY, {
      systemOtp: answer.systemOtp,
      userOtp: code,
    });
    expect(foreign.body).toEqual(invalid);

    const read = await client.get(`/v1/verifications/${answer.verificationId}`);
    expect(read.body).toMatchObject({ status: 'pending', attempts: 0 });
    const right = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(right.body.verified).toBe(true);
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

  it('documents both endpoints in OpenAPI', async () => {
    const spec = await createClient(server.url).get('/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining([SEND, VERIFY]));
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
