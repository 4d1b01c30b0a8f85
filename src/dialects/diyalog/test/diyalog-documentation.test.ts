import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock.ts';
import {
  answer,
  type FakeGateway,
  startFakeGateway,
} from '../../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../../test/helpers/harness.ts';
import type { Client } from '../../../../test/helpers/http-client.ts';

const SECRET = 'diyalog-doc-secret-8c2e41aa';
const sign = (messageId: string, payload: string) =>
  `${payload}.${createHmac('sha256', SECRET).update(`${messageId}.${payload}`).digest('hex')}`;

/**
 * Diyalog's documented sendmok request and button presses (only the host and the bot token
 * are ours), and the rules for codes and hidden payloads that follow from them.
 */
describe('Diyalog documentation', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let chat: FakeGateway;
  let hook: FakeGateway;
  let client: Client;
  let token: string;
  let n = 0;
  const fresh = () => ({ customerNo: `90555987${String(1000 + ++n)}`, messageId: `doc-${n}` });

  async function drain() {
    for (let i = 0; i < 20; i++) {
      const jobs = await server.deps.dispatcher.runOnce();
      const hooks = await server.deps.webhooks.runOnce();
      if (jobs === 0 && hooks === 0) return;
    }
  }
  const sendmok = (body: unknown) => client.post(`/diyalog/v1/bots/sendmok/${token}`, body);
  const press = (body: unknown) => client.post(`/diyalog/v1/bots/postback/${token}`, body);
  const read = (id: string) => client.get(`/v1/verifications/${id}`);

  beforeAll(async () => {
    server = await startServer({
      clock,
      dispatcher: false,
      env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' },
    });
    chat = await startFakeGateway(() => ({ status: 200, body: { ok: true, id: 'chat-1' } }));
    hook = await startFakeGateway(answer(200));
    const created = await server.createApp('Doc Bank');
    client = created.client;
    token = created.apiKey;
    const put = await client.request('PUT', '/v1/settings', {
      channels: {
        messenger: {
          providers: [
            {
              type: 'http',
              name: 'chat',
              request: {
                method: 'POST',
                url: `${chat.url}/messages`,
                body: { recipient: '{{to}}', text: '{{message}}', buttons: '{{buttons}}' },
                encoding: 'json',
              },
              success: { status: [200] },
            },
          ],
        },
      },
      dialects: { diyalog: { secret: SECRET, webhookUrl: `${hook.url}/diyalog` } },
    });
    expect(put.status, put.text).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await chat.close();
    await hook.close();
  });

  it('2.1 SendOTP ("MOK"): the documented example request is accepted as written', async () => {
    const raw = `{
      "customerNo": "70021",
      "messageId": "messageId-74",
      "mokMessage": "Onay kodunuz 33",
      "mokValue": "33",
      "txCode": "LOG2",
      "buttonsV2": [
        {"type":"postback","title":"Approve","payload":"123456","payloadHidden":true,"payloadSeenByUser":"Onaylıyorum"},
        {"type":"postback","title":"Dismiss","payload":"cancelled","payloadSeenByUser":"İptal Edildi"}
      ]
    }`;
    const sent = await client.request('POST', `/diyalog/v1/bots/sendmok/${token}`, raw, {
      'content-type': 'application/json',
    });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toEqual({
      recipient_id: '70021',
      message_id: 'messageId-74',
      verification_id: expect.stringMatching(/^ver_/),
    });
    await drain();
    // The two-digit mokValue is the verification's code.
    const id = sent.body.verification_id;
    const right = await client.post(`/v1/verifications/${id}/check`, { code: '33' });
    expect(right.body).toMatchObject({ valid: true, status: 'approved' });
  });

  it('2.1 SendOTP ("MOK"): a mokValue is any text of 1 to 64 characters, approved by its button', async () => {
    const ids = fresh();
    const code = 'Kx-7Q';
    const sent = await sendmok({
      ...ids,
      mokMessage: `Your code: ${code}`,
      mokValue: code,
      buttonsV2: [{ type: 'postback', title: 'Approve', payload: code }],
    });
    expect(sent.status, sent.text).toBe(200);
    await drain();
    // Text of the code's length is a guess: it spends an attempt.
    expect((await press({ messageId: ids.messageId, payload: 'Kx-7R' })).body.approved).toBe(false);
    expect((await read(sent.body.verification_id)).body).toMatchObject({ attempts: 1 });
    const approved = await press({ messageId: ids.messageId, payload: code });
    expect(approved.body).toEqual({ success: true, approved: true, forwarded: true });
    expect((await read(sent.body.verification_id)).body.status).toBe('approved');
  });

  it('2.4 Button-press payload format: a hidden code is approved only by its signed payload', async () => {
    const ids = fresh();
    const sent = await sendmok({
      ...ids,
      mokMessage: 'Approve the sign-in',
      mokValue: '123456',
      buttonsV2: [
        { type: 'postback', title: 'Approve', payload: '123456', payloadHidden: true },
        { type: 'postback', title: 'Dismiss', payload: 'cancelled' },
      ],
    });
    await drain();
    const before = hook.requests.length;
    // The raw code, unsigned: refused, compared with nothing, spending nothing.
    for (const payload of ['123456', '654321']) {
      const raw = await press({ messageId: ids.messageId, payload });
      expect(raw.status).toBe(400);
      expect(raw.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(raw.body).toMatchObject({ code: 'validation_failed' });
      expect(raw.body.errors).toEqual([
        { field: 'body.payload', message: 'must be the signed payload the message carried' },
      ]);
    }
    expect((await read(sent.body.verification_id)).body).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    // An answer of another shape is still an answer.
    expect((await press({ messageId: ids.messageId, payload: 'cancelled' })).status).toBe(200);
    const signed = await press({
      messageId: ids.messageId,
      payload: sign(ids.messageId, '123456'),
    });
    expect(signed.body).toEqual({ success: true, approved: true, forwarded: true });
    await drain();
    // Both forwarded; delivered at once, in either order (webhooks promise no order).
    const texts = hook.requests
      .slice(before)
      .map((r) => JSON.parse(r.body).entry[0].messaging[0].message.text)
      .sort();
    expect(texts).toEqual(
      [
        `[${ids.messageId}]:cancelled`,
        `[${ids.messageId}]:${sign(ids.messageId, '123456')}`,
      ].sort(),
    );
  });

  it('2.4 Button-press payload format: a press for an unknown messageId is 404, not forwarded', async () => {
    await drain();
    const before = hook.requests.length;
    const unknown = await press({ messageId: 'messageId-92', payload: 'Approve' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ code: 'verification_not_found' });
    await drain();
    expect(hook.requests.length).toBe(before);
  });
});
