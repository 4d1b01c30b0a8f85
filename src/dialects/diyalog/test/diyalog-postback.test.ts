import { describe, expect, it } from 'vitest';
import { answer } from '../../../../test/helpers/fake-gateway.ts';
import { hmac, SECRET, sendmok, useDiyalogBot } from './diyalog-fixture.ts';

describe('diyalog postback: button presses approve the code and are forwarded', () => {
  const { bot, fresh, clock } = useDiyalogBot();

  it('approves in chat when the button whose payload is the code is pressed', async () => {
    const ids = fresh();
    const sent = await bot.client.post(bot.sendmokUrl(), sendmok(ids));
    await bot.drain();
    const pressed = await bot.client.post(bot.postbackUrl(), {
      messageId: ids.messageId,
      payload: '482913',
    });
    expect(pressed.status, pressed.text).toBe(200);
    expect(pressed.body).toEqual({ success: true, approved: true, forwarded: true });
    const v = await bot.client.get(`/v1/verifications/${sent.body.verification_id}`);
    expect(v.body).toMatchObject({ status: 'approved', attempts: 1 });

    await bot.drain();
    const request = bot.hook.requests.at(-1);
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
    const sent = await bot.client.post(bot.sendmokUrl(), sendmok(ids));
    await bot.drain();
    const signed = `deny:tx-778.${hmac('sha256', SECRET, `${ids.messageId}.deny:tx-778`)}`;
    const before = bot.hook.requests.length;
    for (const payload of [signed, 'no', '12345']) {
      const pressed = await bot.client.post(bot.postbackUrl(), {
        messageId: ids.messageId,
        payload,
      });
      expect(pressed.body).toEqual({ success: true, approved: false, forwarded: true });
    }
    const read = () => bot.client.get(`/v1/verifications/${sent.body.verification_id}`);
    expect((await read()).body).toMatchObject({ status: 'pending', attempts: 0 });

    // Six digits could be the code: a wrong one is a wrong code, so a tampered payload
    // cannot guess past the attempt limit.
    for (let i = 0; i < 5; i++) {
      const guess = await bot.client.post(bot.postbackUrl(), {
        messageId: ids.messageId,
        payload: `10000${i}`,
      });
      expect(guess.body).toEqual({ success: true, approved: false, forwarded: true });
    }
    expect((await read()).body).toMatchObject({ status: 'max_attempts_reached', attempts: 5 });
    const late = await bot.client.post(bot.postbackUrl(), {
      messageId: ids.messageId,
      payload: '482913',
    });
    expect(late.body.approved).toBe(false);

    await bot.drain();
    const texts = bot.hook.requests.slice(before).map((r) => {
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
    await bot.client.post(bot.sendmokUrl(), sendmok(ids));
    bot.hook.behave(answer(500));
    clock.advance(1); // the newest delivery
    await bot.client.post(bot.postbackUrl(), { messageId: ids.messageId, payload: '482913' });
    await bot.drain();
    const list = await bot.client.get('/v1/webhook-deliveries?eventType=diyalog.postback&limit=1');
    expect(list.body.data[0]).toMatchObject({
      eventType: 'diyalog.postback',
      url: `${bot.hook.url}/diyalog`,
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      payload: null,
    });
    bot.hook.behave(answer(200));
    clock.advance(10_000);
    await bot.drain();
    const again = await bot.client.get(`/v1/webhook-deliveries/${list.body.data[0].id}`);
    expect(again.body).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('tells apart the messages of a bot that gives every message the same id', async () => {
    const first = fresh();
    const second = fresh();
    const a = await bot.client.post(bot.sendmokUrl(), sendmok({ ...first, messageId: 'otp' }));
    const b = await bot.client.post(bot.sendmokUrl(), sendmok({ ...second, messageId: 'otp' }));
    await bot.drain();
    // The first customer presses a wrong digit button, then the code, on the older message.
    for (const payload of ['000000', '482913']) {
      await bot.client.post(bot.postbackUrl(), {
        messageId: 'otp',
        payload,
        customerNo: first.customerNo,
      });
    }
    const read = (id: string) => bot.client.get(`/v1/verifications/${id}`);
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
