import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../../test/helpers/fake-clock.ts';
import { answer, startFakeGateway } from '../../../../test/helpers/fake-gateway.ts';
import { startServer } from '../../../../test/helpers/harness.ts';

/*
 * What the diyalog-*.test.ts files share. Diyalog's bot API: sendmok sends the app's own
 * message (text, code for auto-fill, image, buttons) over the messenger channel; postback
 * reports a button press, which approves the code when it is the code and is forwarded to the
 * app's webhook in Diyalog's envelope.
 */

export const SECRET = 'diyalog-bot-secret-5b1f0c9e';

/** The chat platform behind the app's messenger channel, as an http provider sees it. */
export const chatProvider = (url: string) => ({
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
export const sendmok = (overrides: Record<string, unknown> = {}) => ({
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

export const hmac = (algorithm: string, key: string, data: string) =>
  createHmac(algorithm, key).update(data).digest('hex');

/** The n-th fresh customer and message id, so no limit or earlier message is involved. */
export const idsOf = (n: number) => ({
  customerNo: `90555123${String(1000 + n)}`,
  messageId: `msg-${n}`,
});

export type DiyalogBot = Awaited<ReturnType<typeof startDiyalogBot>>;

/**
 * otpd on `clock` without its dispatcher, and the app `Chat Bank` whose messenger channel
 * posts to a fake chat platform and whose Diyalog presses go to a fake webhook receiver.
 */
export async function startDiyalogBot(clock: FakeClock) {
  const server = await startServer({
    clock,
    dispatcher: false,
    env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' },
  });
  const chat = await startFakeGateway(() => ({ status: 200, body: { ok: true, id: 'chat-1' } }));
  const hook = await startFakeGateway(answer(200));
  const created = await server.createApp('Chat Bank');
  const client = created.client;
  const token = created.apiKey;
  const put = await client.request('PUT', '/v1/settings', {
    channels: { messenger: { providers: [chatProvider(chat.url)] } },
    dialects: { diyalog: { secret: SECRET, webhookUrl: `${hook.url}/diyalog` } },
  });
  expect(put.status, put.text).toBe(200);

  const sendmokUrl = (t = token) => `/diyalog/v1/bots/sendmok/${t}`;
  const postbackUrl = (t = token) => `/diyalog/v1/bots/postback/${t}`;

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

  /** Puts the chat platform and the app's webhook back to answering 200. */
  function reset() {
    chat.behave(() => ({ status: 200, body: { ok: true, id: 'chat-1' } }));
    hook.behave(answer(200));
  }

  async function close() {
    await server.close();
    await chat.close();
    await hook.close();
  }

  return {
    server,
    chat,
    hook,
    client,
    token,
    sendmokUrl,
    postbackUrl,
    drain,
    chatPosts,
    reset,
    close,
  };
}

/**
 * The bot of one suite: started before its tests on a clock of its own, closed after them,
 * its fakes answering 200 again before each; `fresh()` names another customer and message
 * per test, so no limit or earlier message is involved. `bot`'s fields are there once the
 * suite has started.
 */
export function useDiyalogBot() {
  const clock = createFakeClock();
  const bot = {} as DiyalogBot;
  let n = 0;
  beforeAll(async () => {
    Object.assign(bot, await startDiyalogBot(clock));
  });
  afterAll(() => bot.close());
  beforeEach(() => bot.reset());
  return { bot, clock, fresh: () => idsOf(++n) };
}
