import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { answer, type FakeGateway, startFakeGateway } from '../helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { type Client, createClient } from '../helpers/http-client.ts';

const SECRET = 'diyalog-bot-secret-5b1f0c9e';

/** The chat platform behind the app's messenger channel, as an http provider sees it. */
const chatProvider = (url: string) => ({
  type: 'http',
  name: 'chat',
  request: {
    method: 'POST',
    url: `${url}/messages`,
    body: {
      recipient: '{{to}}',
      text: '{{message}}',
      autofill: '{{code}}',
      image: '{{imageUrl}}',
      buttons: '{{buttons}}',
      mid: '{{messageId}}',
    },
    encoding: 'json',
  },
  success: { status: [200], jsonPointer: '/ok', equals: true },
  messageIdPointer: '/id',
});

/** Diyalog's own example: an OTP message with an approve button and a hidden one. */
const sendmok = (overrides: Record<string, unknown> = {}) => ({
  customerNo: '905551234567',
  messageId: 'msg-100',
  mokMessage: 'Your Chat Bank code is 482913',
  mokValue: '482913',
  imageUrl: 'https://cdn.example.com/otp.png',
  txCode: 'tx-778',
  deviceId: 'dev-42',
  buttonsV2: [
    { type: 'postback', title: 'It was me', payload: '482913', payloadSeenByUser: 'Approved' },
    { type: 'postback', title: 'Not me', payload: 'deny:tx-778', payloadHidden: true },
    { type: 'web_url', title: 'Help', payload: 'https://help.example.com/otp' },
  ],
  ...overrides,
});

const hmac = (algorithm: string, key: string, data: string) =>
  createHmac(algorithm, key).update(data).digest('hex');

/**
 * Diyalog's bot API: sendmok sends the app's own message (text, code for auto-fill, image,
 * buttons) over the messenger channel; postback reports a button press, which approves the
 * code when it is the code and is forwarded to the app's webhook in Diyalog's envelope.
 */
describe('diyalog bot endpoints', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let chat: FakeGateway;
  let hook: FakeGateway;
  let client: Client;
  let token: string;
  let n = 0;
  const sendmokUrl = (t = token) => `/diyalog/v1/bots/sendmok/${t}`;
  const postbackUrl = (t = token) => `/diyalog/v1/bots/postback/${t}`;
  /** A fresh customer and message id per test, so no limit or earlier message is involved. */
  const fresh = () => {
    n++;
    return { customerNo: `90555123${String(1000 + n)}`, messageId: `msg-${n}` };
  };

  /** Runs the dispatcher and the webhook sender until neither has anything due now. */
  async function drain() {
    for (let i = 0; i < 20; i++) {
      const jobs = await server.deps.dispatcher.runOnce();
      const hooks = await server.deps.webhooks.runOnce();
      if (jobs === 0 && hooks === 0) return;
    }
  }

  /** What the chat platform received for a recipient. */
  const chatPosts = (recipient: string) =>
    chat.requests.map((r) => JSON.parse(r.body)).filter((b) => b.recipient === recipient);

  beforeAll(async () => {
    server = await startServer({
      clock,
      dispatcher: false,
      env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' },
    });
    chat = await startFakeGateway(() => ({ status: 200, body: { ok: true, id: 'chat-1' } }));
    hook = await startFakeGateway(answer(200));
    const created = await server.createApp('Chat Bank');
    client = created.client;
    token = created.apiKey;
    const put = await client.request('PUT', '/v1/settings', {
      channels: { messenger: { providers: [chatProvider(chat.url)] } },
      dialects: { diyalog: { secret: SECRET, webhookUrl: `${hook.url}/diyalog` } },
    });
    expect(put.status, put.text).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await chat.close();
    await hook.close();
  });
  beforeEach(() => {
    chat.behave(() => ({ status: 200, body: { ok: true, id: 'chat-1' } }));
    hook.behave(answer(200));
  });

  it('sends the message as written over the messenger channel, hidden payloads signed', async () => {
    const ids = fresh();
    const sent = await client.post(sendmokUrl(), sendmok(ids));
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toEqual({
      recipient_id: ids.customerNo,
      message_id: ids.messageId,
      verification_id: expect.stringMatching(/^ver_/),
    });
    await drain();

    const [post] = chatPosts(ids.customerNo);
    expect(post).toEqual({
      recipient: ids.customerNo,
      text: 'Your Chat Bank code is 482913',
      autofill: '482913',
      image: 'https://cdn.example.com/otp.png',
      mid: ids.messageId,
      buttons: [
        {
          type: 'postback',
          title: 'It was me',
          payload: '482913',
          payloadHidden: false,
          payloadSeenByUser: 'Approved',
        },
        {
          type: 'postback',
          title: 'Not me',
          payload: `deny:tx-778.${hmac('sha256', SECRET, `${ids.messageId}.deny:tx-778`)}`,
          payloadHidden: true,
          payloadSeenByUser: null,
        },
        {
          type: 'web_url',
          title: 'Help',
          payload: 'https://help.example.com/otp',
          payloadHidden: false,
          payloadSeenByUser: null,
        },
      ],
    });

    const v = await client.get(`/v1/verifications/${sent.body.verification_id}`);
    expect(v.body).toMatchObject({
      channel: 'messenger',
      to: ids.customerNo,
      status: 'pending',
      txCode: 'tx-778',
      deviceId: 'dev-42',
      messageId: ids.messageId,
      delivery: { status: 'sent', provider: 'chat' },
    });
  });

  it('logs the message with its txCode and deviceId', async () => {
    const ids = fresh();
    const sent = await client.post(sendmokUrl(), sendmok({ ...ids, txCode: `tx-log-${n}` }));
    await drain();
    const logged = await client.get(`/v1/messages?txCode=tx-log-${n}`);
    expect(logged.body.data).toHaveLength(1);
    expect(logged.body.data[0]).toMatchObject({
      verificationId: sent.body.verification_id,
      channel: 'messenger',
      provider: 'chat',
      providerMessageId: 'chat-1',
      status: 'sent',
      txCode: `tx-log-${n}`,
      deviceId: 'dev-42',
      messageId: ids.messageId,
    });
    // The text quotes the code: the log keeps neither.
    expect(JSON.stringify(logged.body)).not.toContain('482913');
  });

  it('keeps the message only encrypted in the outbox until a provider takes it', async () => {
    const ids = fresh();
    await client.post(sendmokUrl(), sendmok({ ...ids, mokMessage: 'Secret text 771204' }));
    const queued = await server.deps.store.claimDueJobs(clock.now(), 30_000, 100);
    const job = queued.find((j) => j.to === ids.customerNo);
    expect(job?.messageCiphertext).toEqual(expect.any(String));
    expect(job?.messageCiphertext).not.toContain('771204');
    expect(job?.codeCiphertext).not.toContain('482913');
    // Leased above: let the lease lapse so the dispatcher sends it.
    clock.advance(31_000);
    await drain();
    expect(chatPosts(ids.customerNo)[0]?.text).toBe('Secret text 771204');
  });

  it('records mokValue as a verification the app can check through otpd', async () => {
    const ids = fresh();
    const sent = await client.post(sendmokUrl(), sendmok(ids));
    await drain();
    const id = sent.body.verification_id;
    // A new code is a new message: the app's text cannot be sent again.
    const resend = await client.post(`/v1/verifications/${id}/resend`);
    expect(resend.status).toBe(429);
    expect(resend.body.code).toBe('max_sends_reached');
    const wrong = await client.post(`/v1/verifications/${id}/check`, { code: '000000' });
    expect(wrong.body).toMatchObject({ valid: false, reason: 'incorrect_code' });
    const right = await client.post(`/v1/verifications/${id}/check`, { code: '482913' });
    expect(right.body).toMatchObject({ valid: true, status: 'approved' });
  });

  it('approves in chat when the button whose payload is the code is pressed', async () => {
    const ids = fresh();
    const sent = await client.post(sendmokUrl(), sendmok(ids));
    await drain();
    const pressed = await client.post(postbackUrl(), {
      messageId: ids.messageId,
      payload: '482913',
    });
    expect(pressed.status, pressed.text).toBe(200);
    expect(pressed.body).toEqual({ success: true, approved: true, forwarded: true });
    const v = await client.get(`/v1/verifications/${sent.body.verification_id}`);
    expect(v.body).toMatchObject({ status: 'approved', attempts: 1 });

    await drain();
    const request = hook.requests.at(-1);
    if (!request) throw new Error('nothing forwarded');
    expect(request.url).toBe('/diyalog');
    expect(request.headers['x-signature']).toBe(hmac('sha1', SECRET, request.body));
    expect(JSON.parse(request.body)).toEqual({
      object: 'dialog',
      entry: [
        {
          id: expect.any(String),
          time: clock.now(),
          messaging: [
            {
              sender: { id: ids.customerNo },
              recipient: { id: expect.any(String) },
              timestamp: clock.now(),
              message: { mid: expect.any(String), text: `[${ids.messageId}]:482913` },
            },
          ],
        },
      ],
    });
  });

  it('forwards other presses as pressed; only a code-shaped one spends an attempt', async () => {
    const ids = fresh();
    const sent = await client.post(sendmokUrl(), sendmok(ids));
    await drain();
    const signed = `deny:tx-778.${hmac('sha256', SECRET, `${ids.messageId}.deny:tx-778`)}`;
    const before = hook.requests.length;
    for (const payload of [signed, 'no', '12345']) {
      const pressed = await client.post(postbackUrl(), { messageId: ids.messageId, payload });
      expect(pressed.body).toEqual({ success: true, approved: false, forwarded: true });
    }
    const read = () => client.get(`/v1/verifications/${sent.body.verification_id}`);
    expect((await read()).body).toMatchObject({ status: 'pending', attempts: 0 });

    // Six digits could be the code: a wrong one is a wrong code, so a tampered payload
    // cannot guess past the attempt limit.
    for (let i = 0; i < 5; i++) {
      const guess = await client.post(postbackUrl(), {
        messageId: ids.messageId,
        payload: `10000${i}`,
      });
      expect(guess.body).toEqual({ success: true, approved: false, forwarded: true });
    }
    expect((await read()).body).toMatchObject({ status: 'max_attempts_reached', attempts: 5 });
    const late = await client.post(postbackUrl(), { messageId: ids.messageId, payload: '482913' });
    expect(late.body.approved).toBe(false);

    await drain();
    const texts = hook.requests.slice(before).map((r) => {
      expect(r.headers['x-signature']).toBe(hmac('sha1', SECRET, r.body));
      return JSON.parse(r.body).entry[0].messaging[0].message.text;
    });
    expect(texts).toHaveLength(9);
    expect(texts).toEqual(
      expect.arrayContaining([
        `[${ids.messageId}]:${signed}`,
        `[${ids.messageId}]:no`,
        `[${ids.messageId}]:12345`,
        `[${ids.messageId}]:100004`,
      ]),
    );
  });

  it('lists forwarded presses among webhook deliveries without their body, retrying failures', async () => {
    const ids = fresh();
    await client.post(sendmokUrl(), sendmok(ids));
    hook.behave(answer(500));
    clock.advance(1); // the newest delivery
    await client.post(postbackUrl(), { messageId: ids.messageId, payload: '482913' });
    await drain();
    const list = await client.get('/v1/webhook-deliveries?eventType=diyalog.postback&limit=1');
    expect(list.body.data[0]).toMatchObject({
      eventType: 'diyalog.postback',
      url: `${hook.url}/diyalog`,
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      payload: null,
    });
    hook.behave(answer(200));
    clock.advance(10_000);
    await drain();
    const again = await client.get(`/v1/webhook-deliveries/${list.body.data[0].id}`);
    expect(again.body).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('sends a message without mokValue as a message alone', async () => {
    const ids = fresh();
    const sent = await client.post(sendmokUrl(), {
      customerNo: ids.customerNo,
      mokMessage: 'Welcome to Chat Bank',
    });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.message_id).toMatch(/^chat_/);
    await drain();
    expect(chatPosts(ids.customerNo)).toEqual([
      expect.objectContaining({
        text: 'Welcome to Chat Bank',
        autofill: '',
        image: '',
        buttons: [],
        mid: sent.body.message_id,
      }),
    ]);
  });

  it('goes to the sandbox until the app names a messenger provider', async () => {
    const plain = await server.createApp('Sandbox Bot');
    const sent = await createClient(server.url).post(`/diyalog/v1/bots/sendmok/${plain.apiKey}`, {
      customerNo: '905551299999',
      mokMessage: 'Your code is 555123',
      mokValue: '555123',
    });
    expect(sent.status).toBe(200);
    await drain();
    // Digits alone are also read as a phone number; a messenger id of digits is found too.
    const read = await plain.client.get('/v1/sandbox/messages?to=905551299999');
    expect(read.body.data).toEqual([
      expect.objectContaining({
        to: '905551299999',
        channel: 'messenger',
        body: 'Your code is 555123',
      }),
    ]);
  });

  it('refuses an unknown bot token with 401 and sends nothing', async () => {
    const before = chat.requests.length;
    for (const url of [sendmokUrl('otpd_live_unknown'), postbackUrl('nope')]) {
      const refused = await client.post(url, sendmok(fresh()));
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.code).toBe('invalid_api_key');
      // The token travels in the path: there is no Authorization header to ask for.
      expect(refused.headers.get('www-authenticate')).toBeNull();
    }
    await drain();
    expect(chat.requests.length).toBe(before);
  });

  it('refuses bad buttons and a hidden payload it cannot sign, naming the field', async () => {
    const badUrl = await client.post(
      sendmokUrl(),
      sendmok({
        ...fresh(),
        buttonsV2: [{ type: 'web_url', title: 'Open', payload: 'javascript:alert(1)' }],
      }),
    );
    expect(badUrl.status).toBe(400);
    expect(badUrl.body).toMatchObject({ code: 'validation_failed' });
    expect(badUrl.body.errors).toEqual([
      { field: 'body.buttonsV2.0.payload', message: 'must be an http(s) URL' },
    ]);

    // Any text of 1 to 64 characters is a code; longer is not.
    const badCode = await client.post(
      sendmokUrl(),
      sendmok({ ...fresh(), mokValue: 'x'.repeat(65) }),
    );
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors[0].field).toBe('body.mokValue');

    // An app without dialects.diyalog.secret cannot hide a payload.
    const plain = await server.createApp('Plain Bot');
    const unsigned = await createClient(server.url).post(
      `/diyalog/v1/bots/sendmok/${plain.apiKey}`,
      sendmok(fresh()),
    );
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.code).toBe('dialect_not_configured');
  });

  it('tells apart the messages of a bot that gives every message the same id', async () => {
    const first = fresh();
    const second = fresh();
    const a = await client.post(sendmokUrl(), sendmok({ ...first, messageId: 'otp' }));
    const b = await client.post(sendmokUrl(), sendmok({ ...second, messageId: 'otp' }));
    await drain();
    // The first customer presses a wrong digit button, then the code, on the older message.
    for (const payload of ['000000', '482913']) {
      await client.post(postbackUrl(), {
        messageId: 'otp',
        payload,
        customerNo: first.customerNo,
      });
    }
    const read = (id: string) => client.get(`/v1/verifications/${id}`);
    expect((await read(a.body.verification_id)).body).toMatchObject({
      status: 'approved',
      attempts: 2,
    });
    expect((await read(b.body.verification_id)).body).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
  });

  it('never answers 5xx to arbitrary bodies, and every 4xx is a problem', async () => {
    const ids = fresh();
    await client.post(sendmokUrl(), sendmok(ids));
    const button = fc.record(
      {
        type: fc.constantFrom('postback', 'web_url', 'call'),
        title: fc.string({ maxLength: 90 }),
        payload: fc.oneof(fc.string(), fc.constant('https://x.example'), fc.constant('482913')),
        payloadHidden: fc.oneof(fc.boolean(), fc.string()),
        payloadSeenByUser: fc.string(),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.constantFrom('', '{', '{"__proto__":{"x":1}}'),
      fc
        .record(
          {
            customerNo: fc.oneof(fc.string({ maxLength: 140 }), fc.constant(ids.customerNo)),
            messageId: fc.oneof(fc.string({ maxLength: 140 }), fc.constant(ids.messageId)),
            mokMessage: fc.string({ maxLength: 50 }),
            mokValue: fc.oneof(fc.string(), fc.stringMatching(/^\d{4,10}$/)),
            imageUrl: fc.oneof(fc.string(), fc.webUrl()),
            payload: fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^\d{6}$/)),
            buttonsV2: fc.array(button, { maxLength: 12 }),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
    );
    const paths = fc.constantFrom(sendmokUrl(), postbackUrl(), sendmokUrl('nope'));
    await fc.assert(
      fc.asyncProperty(paths, body, async (path, payload) => {
        const response = await client.post(path, payload);
        expect(response.status, `${path} ${payload} → ${response.text}`).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toContain('application/problem+json');
          expect(typeof response.body.code).toBe('string');
        }
      }),
      { numRuns: 200 },
    );
    expect(server.logs.filter((line) => line.includes('"statusCode":500'))).toEqual([]);
  });

  it('documents both endpoints in OpenAPI', async () => {
    const spec = await createClient(server.url).get('/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/diyalog/v1/bots/sendmok/{botAccessToken}',
        '/diyalog/v1/bots/postback/{botAccessToken}',
      ]),
    );
  });

  it('is served at the root of its own host too', async () => {
    const hosted = await startServer({
      env: { OTPD_DIALECT_HOSTS: 'diyalog=bots.example.com' },
      dispatcher: false,
    });
    try {
      const { apiKey } = await hosted.createApp('Hosted Bot');
      // Through Fastify's injection: fetch does not let a request name another Host.
      const response = await hosted.app.inject({
        method: 'POST',
        url: `/v1/bots/sendmok/${apiKey}`,
        headers: { host: 'bots.example.com' },
        payload: { customerNo: 'user-7', mokMessage: 'Hello' },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ recipient_id: 'user-7' });
    } finally {
      await hosted.close();
    }
  });

  it('asks for a secret before a webhook URL is accepted', async () => {
    const put = await client.request('PUT', '/v1/settings', {
      channels: { messenger: { providers: [chatProvider(chat.url)] } },
      dialects: { diyalog: { webhookUrl: `${hook.url}/diyalog` } },
    });
    expect(put.status).toBe(400);
    expect(put.body.errors).toEqual([
      {
        field: 'body.dialects.diyalog.secret',
        message: 'is needed with webhookUrl: forwarded presses are signed with it',
      },
    ]);
    // And the secret comes back masked.
    const read = await client.get('/v1/settings');
    expect(read.body.dialects.diyalog).toEqual({
      secret: expect.stringMatching(/^••••/),
      webhookUrl: `${hook.url}/diyalog`,
    });
  });
});

describe('diyalog when the chat platform is down', () => {
  it('reports the failed message in the verification and the log', async () => {
    const clock = createFakeClock();
    const server = await startServer({
      clock,
      dispatcher: false,
      env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' },
    });
    const chat = await startFakeGateway(answer(400, { ok: false }));
    try {
      const { client, apiKey } = await server.createApp('Down Bank');
      await client.request('PUT', '/v1/settings', {
        channels: { messenger: { providers: [chatProvider(chat.url)] } },
      });
      const sent = await client.post(`/diyalog/v1/bots/sendmok/${apiKey}`, {
        customerNo: 'user-1',
        mokMessage: 'Code 123456',
        mokValue: '123456',
      });
      expect(sent.status).toBe(200);
      await server.deps.dispatcher.runOnce();
      const v = await client.get(`/v1/verifications/${sent.body.verification_id}`);
      expect(v.body).toMatchObject({ status: 'failed', reason: 'delivery_failed' });
      expect(chat.requests).toHaveLength(1);
    } finally {
      await server.close();
      await chat.close();
    }
  });
});
