import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStream } from '../../../test/helpers/event-stream.ts';
import { type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createVisitor, type Visitor } from '../../../test/helpers/messenger-visitor.ts';
import { readSandboxCode } from '../../../test/helpers/sandbox.ts';
import type { KyselyStore } from '../../store/kysely-store.ts';
import { BOT_SECRET } from './messenger-bot-fixture.ts';

const DIYALOG_SECRET = 'diyalog-bot-secret-5b1f0c9e';

let phones = 0;
const nextPhone = () => `+90555500${String(1000 + phones++)}`;
let codes = 0;
/** A code no other test uses, so the log search below finds each one only where it leaked. */
const nextCode = () => String(731_950 + codes++);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition never held');
}

/** Diyalog's OTP message, as its example gives it: the code, an approve and a hidden deny. */
const sendmok = (customerNo: string, messageId: string, code: string) => ({
  customerNo,
  messageId,
  mokMessage: `Your Chat Bank code is ${code}`,
  mokValue: code,
  imageUrl: 'https://cdn.example.com/otp.png',
  buttonsV2: [
    { type: 'postback', title: 'It was me', payload: code, payloadSeenByUser: 'Approved' },
    { type: 'postback', title: 'Not me', payload: 'deny:tx-778', payloadHidden: true },
    { type: 'web_url', title: 'Help', payload: 'https://help.example.com/otp' },
  ],
});

/**
 * The `messenger` channel delivered to otpd's own web messenger: a Diyalog sendmok (or a
 * native verification) sent to a conversation appears in its chat with image, buttons and
 * code; presses go back through Diyalog's postback path; the visitor can confirm the code.
 */
describe('web messenger as a messenger channel destination', () => {
  let server: TestServer;
  let client: Client;
  let apiKey: string;
  let appId: string;
  let bot: FakeGateway;
  let hook: FakeGateway;
  const used: string[] = [];

  beforeAll(async () => {
    bot = await startFakeGateway(() => ({ status: 204 }));
    hook = await startFakeGateway(() => ({ status: 200 }));
    server = await startServer({
      env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' },
    });
    ({ client, appId, apiKey } = await server.createApp('Chat Bank'));
    const put = await client.request('PUT', '/v1/settings', {
      channels: { messenger: { providers: [{ type: 'webMessenger' }] } },
      dialects: { diyalog: { secret: DIYALOG_SECRET, webhookUrl: `${hook.url}/diyalog` } },
      messenger: {
        enabled: true,
        bot: { url: `${bot.url}/hook`, secret: BOT_SECRET },
        limits: { requestsPerIp: { max: 1_000 } },
      },
    });
    expect(put.status, put.text).toBe(200);
  });
  afterAll(async () => {
    // The codes travelled in chat messages only: never in a log line, even at debug (I6).
    const logs = server.logs.join('');
    for (const code of used) expect(logs).not.toContain(code);
    await server.close();
    await bot.close();
    await hook.close();
  });

  async function enter(): Promise<{ visitor: Visitor; conversationId: string; phone: string }> {
    const visitor = createVisitor(server.url, appId);
    const phone = nextPhone();
    const started = await visitor.post('/verifications', { phone });
    const code = await readSandboxCode(client, started.body.id);
    const checked = await visitor.post(`/verifications/${started.body.id}/check`, { code });
    expect(checked.status, checked.text).toBe(200);
    await server.deps.messenger.conversations.drain();
    return { visitor, conversationId: checked.body.conversation.id, phone };
  }

  const chatOf = async (visitor: Visitor) => (await visitor.get('/messages')).body.data as any[];
  const sendmokTo = (customerNo: string, messageId: string, code: string) =>
    client.post(`/diyalog/v1/bots/sendmok/${apiKey}`, sendmok(customerNo, messageId, code));
  const forwarded = (messageId: string) =>
    hook.requests
      .map((r) => ({ signature: r.headers['x-signature'], raw: r.body, body: JSON.parse(r.body) }))
      .filter((r) => r.body.entry[0].messaging[0].message.text.startsWith(`[${messageId}]:`));

  it('shows a sendmok sent to a conversation id in its chat at once, with image, buttons and code', async () => {
    const { visitor, conversationId } = await enter();
    const code = nextCode();
    used.push(code);
    const stream = await openStream(`${server.url}/messenger/${appId}/api/events`, visitor);
    bot.requests.length = 0;
    const sent = await sendmokTo(conversationId, 'otp-1', code);
    expect(sent.status, sent.text).toBe(200);

    const [event] = await stream.waitFor(1);
    await stream.close();
    expect(event?.data).toMatchObject({
      author: 'bot',
      text: `Your Chat Bank code is ${code}`,
      image: 'https://cdn.example.com/otp.png',
      code,
      buttons: [
        { type: 'postback', title: 'It was me', payload: code, payloadSeenByUser: 'Approved' },
        { type: 'postback', title: 'Not me', payloadHidden: true },
        { type: 'web_url', title: 'Help', url: 'https://help.example.com/otp' },
      ],
    });
    // The page never gets a hidden payload, signed or not.
    expect(JSON.stringify(event?.data)).not.toContain('deny:tx-778');
    expect(await chatOf(visitor)).toContainEqual(event?.data);

    // The app reads the message with its signed payload and verification, without the code.
    const listed = await client.get(`/v1/conversations/${conversationId}/messages`);
    const stored = listed.body.data.at(-1);
    expect(stored.buttons[1].payload).toMatch(/^deny:tx-778\.[0-9a-f]{64}$/);
    expect(stored.verification).toEqual({
      verificationId: sent.body.verification_id,
      diyalogMessageId: 'otp-1',
    });
    expect(stored).not.toHaveProperty('code');

    const v = await until(
      () => client.get(`/v1/verifications/${sent.body.verification_id}`),
      (r) => r.body.delivery?.status === 'sent',
    );
    expect(v.body.delivery.provider).toBe('web-messenger');
    // The app sent the message itself: its bot hears nothing of it.
    await server.deps.messenger.conversations.drain();
    expect(bot.requests).toEqual([]);
  });

  it("forwards a press to the app's Diyalog webhook as [messageId]:payload, hidden payloads as signed", async () => {
    const { visitor, conversationId } = await enter();
    const code = nextCode();
    used.push(code);
    const sent = await sendmokTo(conversationId, 'otp-2', code);
    const message = await until(
      () => chatOf(visitor),
      (list) => list.some((m) => m.code === code),
    ).then((list) => list.find((m) => m.code === code));
    bot.requests.length = 0;

    const deny = await visitor.post('/postback', { messageId: message.id, button: 1 });
    expect(deny.status, deny.text).toBe(201);
    expect(deny.body).toMatchObject({ author: 'visitor', text: 'Not me' });
    const [press] = await until(
      async () => forwarded('otp-2'),
      (list) => list.length === 1,
    );
    const signed = (
      await client.get(`/v1/conversations/${conversationId}/messages`)
    ).body.data.find((m: { id: string }) => m.id === message.id).buttons[1].payload;
    expect(press?.signature).toBe(
      createHmac('sha1', DIYALOG_SECRET)
        .update(press?.raw ?? '')
        .digest('hex'),
    );
    expect(press?.body.entry[0].messaging[0]).toMatchObject({
      sender: { id: conversationId },
      message: { text: `[otp-2]:${signed}` },
    });
    // An answer, not a guess: the verification is still pending with every attempt.
    const pending = await client.get(`/v1/verifications/${sent.body.verification_id}`);
    expect(pending.body).toMatchObject({ status: 'pending', attempts: 0 });
    await server.deps.messenger.conversations.drain();
    expect(bot.requests).toEqual([]);
  });

  it('approves the verification when the code button is pressed in the chat', async () => {
    const { visitor, conversationId } = await enter();
    const code = nextCode();
    used.push(code);
    const sent = await sendmokTo(conversationId, 'otp-3', code);
    const message = await until(
      () => chatOf(visitor),
      (list) => list.some((m) => m.code === code),
    ).then((list) => list.find((m) => m.code === code));

    const pressed = await visitor.post('/postback', { messageId: message.id, button: 0 });
    expect(pressed.status, pressed.text).toBe(201);
    expect(pressed.body).toMatchObject({ author: 'visitor', text: 'Approved' });
    const v = await client.get(`/v1/verifications/${sent.body.verification_id}`);
    expect(v.body).toMatchObject({ status: 'approved', attempts: 1 });
    const [press] = await until(
      async () => forwarded('otp-3'),
      (list) => list.length === 1,
    );
    expect(press?.body.entry[0].messaging[0].message.text).toBe(`[otp-3]:${code}`);
  });

  it('checks the code the visitor confirms: attempts left on a wrong one, approved on the right one', async () => {
    const { visitor, conversationId } = await enter();
    const code = nextCode();
    used.push(code);
    const sent = await sendmokTo(conversationId, 'otp-4', code);
    const message = await until(
      () => chatOf(visitor),
      (list) => list.some((m) => m.code === code),
    ).then((list) => list.find((m) => m.code === code));

    const wrong = await visitor.post(`/messages/${message.id}/code`, { code: '000000' });
    expect(wrong.status, wrong.text).toBe(200);
    expect(wrong.body).toMatchObject({ valid: false, attemptsRemaining: 4, status: 'pending' });
    const right = await visitor.post(`/messages/${message.id}/code`, { code });
    expect(right.body).toMatchObject({ valid: true, status: 'approved' });
    const v = await client.get(`/v1/verifications/${sent.body.verification_id}`);
    expect(v.body).toMatchObject({ status: 'approved', attempts: 2 });
    const again = await visitor.post(`/messages/${message.id}/code`, { code });
    expect(again.body).toMatchObject({ valid: false, reason: 'already_approved' });

    // A message that delivered no code has no code to confirm.
    const plain = (await visitor.post('/messages', { text: 'Thanks' })).body;
    const none = await visitor.post(`/messages/${plain.id}/code`, { code });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('conversation_message_not_found');
    // Another chat's message is not this visitor's to confirm.
    const other = await enter();
    const foreign = await other.visitor.post(`/messages/${message.id}/code`, { code });
    expect(foreign.status).toBe(404);
  });

  it('delivers a native messenger verification to the open conversation of the verified phone', async () => {
    const { visitor, phone } = await enter();
    const started = await client.post('/v1/verifications', { to: phone, channel: 'messenger' });
    expect(started.status, started.text).toBe(201);
    const message = await until(
      () => chatOf(visitor),
      (list) => list.some((m) => m.code !== null),
    ).then((list) => list.find((m) => m.code !== null));
    used.push(message.code);
    expect(message.text).toContain(message.code);
    expect(message.buttons).toEqual([]);
    const right = await visitor.post(`/messages/${message.id}/code`, { code: message.code });
    expect(right.body).toMatchObject({ valid: true, status: 'approved' });
    const v = await client.get(`/v1/verifications/${started.body.id}`);
    expect(v.body.status).toBe('approved');
  });

  it("takes Diyalog's customerNo as a phone without its +", async () => {
    const { visitor, phone, conversationId } = await enter();
    const code = nextCode();
    used.push(code);
    const sent = await sendmokTo(phone.slice(1), 'otp-bare', code);
    expect(sent.status, sent.text).toBe(200);
    const message = await until(
      () => chatOf(visitor),
      (list) => list.some((m) => m.code === code),
    ).then((list) => list.find((m) => m.code === code));
    expect(message.conversationId).toBe(conversationId);
  });

  it('fails at once, without retrying, for an unknown or a closed conversation', async () => {
    const { conversationId } = await enter();
    await (server.deps.store as KyselyStore).changeConversationStatus(
      appId,
      conversationId,
      ['bot', 'waiting', 'agent'],
      'closed',
      Date.now(),
    );
    for (const [to, reason] of [
      ['conv_unknown', 'unknown_conversation'],
      [conversationId, 'conversation_closed'],
    ] as const) {
      const code = nextCode();
      used.push(code);
      const sent = await sendmokTo(to, `otp-gone-${reason}`, code);
      expect(sent.status, sent.text).toBe(200);
      const attempts = await until(
        () => client.get(`/v1/verifications/${sent.body.verification_id}/messages`),
        (r) => r.body.data?.some((m: { status: string }) => m.status === 'failed'),
      );
      expect(attempts.body.data).toHaveLength(1);
      expect(attempts.body.data[0]).toMatchObject({
        provider: 'web-messenger',
        status: 'failed',
        errorCode: reason,
      });
    }
  });
});
