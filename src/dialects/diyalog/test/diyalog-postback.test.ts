import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock.ts';
import { answer, type FakeGateway } from '../../../../test/helpers/fake-gateway.ts';
import type { Client } from '../../../../test/helpers/http-client.ts';
import {
  type DiyalogBot,
  hmac,
  idsOf,
  SECRET,
  sendmok,
  startDiyalogBot,
} from './diyalog-fixture.ts';

describe('diyalog postback: button presses approve the code and are forwarded', () => {
  const clock = createFakeClock();
  let bot: DiyalogBot;
  let hook: FakeGateway;
  let client: Client;
  let sendmokUrl: DiyalogBot['sendmokUrl'];
  let postbackUrl: DiyalogBot['postbackUrl'];
  let drain: DiyalogBot['drain'];
  let n = 0;
  /** A fresh customer and message id per test, so no limit or earlier message is involved. */
  const fresh = () => idsOf(++n);

  beforeAll(async () => {
    bot = await startDiyalogBot(clock);
    ({ hook, client, sendmokUrl, postbackUrl, drain } = bot);
  });
  afterAll(() => bot.close());
  beforeEach(() => bot.reset());

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
});
