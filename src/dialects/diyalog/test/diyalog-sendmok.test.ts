import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock.ts';
import { answer, startFakeGateway } from '../../../../test/helpers/fake-gateway.ts';
import { startServer } from '../../../../test/helpers/harness.ts';
import { createClient } from '../../../../test/helpers/http-client.ts';
import { chatProvider, hmac, SECRET, sendmok, useDiyalogBot } from './diyalog-fixture.ts';

describe("diyalog sendmok: an app's own message sent over the messenger channel", () => {
  const { bot, fresh, clock } = useDiyalogBot();

  it('sends the message as written over the messenger channel, hidden payloads signed', async () => {
    const ids = fresh();
    const sent = await bot.client.post(bot.sendmokUrl(), sendmok(ids));
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toEqual({
      recipient_id: ids.customerNo,
      message_id: ids.messageId,
      verification_id: expect.stringMatching(/^ver_/),
    });
    await bot.drain();

    const [post] = bot.chatPosts(ids.customerNo);
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

    const v = await bot.client.get(`/v1/verifications/${sent.body.verification_id}`);
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
    const sent = await bot.client.post(
      bot.sendmokUrl(),
      sendmok({ ...ids, txCode: `tx-log-${ids.customerNo}` }),
    );
    await bot.drain();
    const logged = await bot.client.get(`/v1/messages?txCode=tx-log-${ids.customerNo}`);
    expect(logged.body.data).toHaveLength(1);
    expect(logged.body.data[0]).toMatchObject({
      verificationId: sent.body.verification_id,
      channel: 'messenger',
      provider: 'chat',
      providerMessageId: 'chat-1',
      status: 'sent',
      txCode: `tx-log-${ids.customerNo}`,
      deviceId: 'dev-42',
      messageId: ids.messageId,
    });
    // The text quotes the code: the log keeps neither.
    expect(JSON.stringify(logged.body)).not.toContain('482913');
  });

  it('keeps the message only encrypted in the outbox until a provider takes it', async () => {
    const ids = fresh();
    await bot.client.post(bot.sendmokUrl(), sendmok({ ...ids, mokMessage: 'Secret text 771204' }));
    const queued = await bot.server.deps.store.claimDueJobs(clock.now(), 30_000, 100);
    const job = queued.find((j) => j.to === ids.customerNo);
    expect(job?.messageCiphertext).toEqual(expect.any(String));
    expect(job?.messageCiphertext).not.toContain('771204');
    expect(job?.codeCiphertext).not.toContain('482913');
    // Leased above: let the lease lapse so the dispatcher sends it.
    clock.advance(31_000);
    await bot.drain();
    expect(bot.chatPosts(ids.customerNo)[0]?.text).toBe('Secret text 771204');
  });

  it('records mokValue as a verification the app can check through otpd', async () => {
    const ids = fresh();
    const sent = await bot.client.post(bot.sendmokUrl(), sendmok(ids));
    await bot.drain();
    const id = sent.body.verification_id;
    // A new code is a new message: the app's text cannot be sent again.
    const resend = await bot.client.post(`/v1/verifications/${id}/resend`);
    expect(resend.status).toBe(429);
    expect(resend.body.code).toBe('max_sends_reached');
    const wrong = await bot.client.post(`/v1/verifications/${id}/check`, { code: '000000' });
    expect(wrong.body).toMatchObject({ valid: false, reason: 'incorrect_code' });
    const right = await bot.client.post(`/v1/verifications/${id}/check`, { code: '482913' });
    expect(right.body).toMatchObject({ valid: true, status: 'approved' });
  });

  it('sends a message without mokValue as a message alone', async () => {
    const ids = fresh();
    const sent = await bot.client.post(bot.sendmokUrl(), {
      customerNo: ids.customerNo,
      mokMessage: 'Welcome to Chat Bank',
    });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.message_id).toMatch(/^chat_/);
    await bot.drain();
    expect(bot.chatPosts(ids.customerNo)).toEqual([
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
    const plain = await bot.server.createApp('Sandbox Bot');
    const sent = await createClient(bot.server.url).post(
      `/diyalog/v1/bots/sendmok/${plain.apiKey}`,
      {
        customerNo: '905551299999',
        mokMessage: 'Your code is 555123',
        mokValue: '555123',
      },
    );
    expect(sent.status).toBe(200);
    await bot.drain();
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

  it('refuses bad buttons and a hidden payload it cannot sign, naming the field', async () => {
    const badUrl = await bot.client.post(
      bot.sendmokUrl(),
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
    const badCode = await bot.client.post(
      bot.sendmokUrl(),
      sendmok({ ...fresh(), mokValue: 'x'.repeat(65) }),
    );
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors[0].field).toBe('body.mokValue');

    // An app without dialects.diyalog.secret cannot hide a payload.
    const plain = await bot.server.createApp('Plain Bot');
    const unsigned = await createClient(bot.server.url).post(
      `/diyalog/v1/bots/sendmok/${plain.apiKey}`,
      sendmok(fresh()),
    );
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.code).toBe('dialect_not_configured');
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
