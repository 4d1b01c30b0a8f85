import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accept, type FakeTwilio, startFakeTwilio } from '../../../test/helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

const ACCOUNT = `AC${'5e'.repeat(16)}`;
const TOKEN = 'twilio-receipt-token-71c0d9e4a2b3';
const FROM = '+15017122661';

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never: ${what}`);
}

/** Twilio's StatusCallback, signed by a fake Twilio with the official library. */
describe('delivery receipts from twilio', () => {
  let server: TestServer;
  let twilioFake: FakeTwilio;

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    twilioFake = await startFakeTwilio({ [ACCOUNT]: TOKEN }, accept);
  });
  afterAll(async () => {
    await server.close();
    await twilioFake.close();
  });

  /** An app sending SMS through Twilio, with its StatusCallback pointing at `base`. */
  async function twilioApp(target: TestServer = server, base = target.url) {
    const created = await target.createApp('Receipt Shop');
    const put = await created.client.request('PUT', '/v1/settings', {
      channels: {
        sms: {
          providers: [
            {
              type: 'twilio',
              name: 'tw-a',
              accountSid: ACCOUNT,
              authToken: TOKEN,
              from: FROM,
              baseUrl: twilioFake.url,
              statusCallback: `${base}/v1/receipts/twilio/${created.appId}`,
            },
          ],
        },
      },
    });
    expect(put.status).toBe(200);
    return created;
  }

  /** Starts a verification and waits until Twilio took it; returns its id and Twilio's sid. */
  async function sent(client: Client, to: string) {
    const created = await client.post('/v1/verifications', { to });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    await until(async () => {
      const { body } = await client.get(`/v1/verifications/${id}`);
      return body.delivery.status === 'sent' ? body : undefined;
    }, 'handed to twilio');
    const sid = twilioFake.posts.findIndex((p) => p.form.To === to);
    return { id, sid: twilioFake.sids[sid] as string };
  }

  const messagesOf = async (client: Client, id: string) =>
    (await client.get(`/v1/verifications/${id}/messages`)).body.data;

  it('records queued, sent and delivered, and the verification reads delivered', async () => {
    const { client } = await twilioApp();
    const { id, sid } = await sent(client, '+905551300001');
    expect(twilioFake.posts.at(-1)?.form.StatusCallback).toMatch(/\/v1\/receipts\/twilio\/app_/);

    expect(await twilioFake.statusCallback(sid, 'queued')).toEqual({
      status: 200,
      body: { outcome: 'unchanged' },
    });
    expect((await twilioFake.statusCallback(sid, 'sent')).body).toEqual({ outcome: 'unchanged' });
    expect((await twilioFake.statusCallback(sid, 'delivered')).body).toEqual({
      outcome: 'applied',
    });
    // A late duplicate lands in the timeline without moving anything back.
    expect((await twilioFake.statusCallback(sid, 'sent')).body).toEqual({ outcome: 'unchanged' });

    const [entry, ...more] = await messagesOf(client, id);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ provider: 'tw-a', providerMessageId: sid, status: 'delivered' });
    expect(entry.timeline.map((e: { status: string }) => e.status)).toEqual([
      'sent',
      'queued',
      'sent',
      'delivered',
      'sent',
    ]);
    const { body } = await client.get(`/v1/verifications/${id}`);
    expect(body.delivery).toMatchObject({ status: 'delivered', provider: 'tw-a' });
  });

  it('keeps the price Twilio reports with a status, as a positive amount and its currency', async () => {
    const { client } = await twilioApp();
    const { id, sid } = await sent(client, '+905551300005');
    await twilioFake.statusCallback(sid, 'sent', { fields: { Price: '', PriceUnit: 'USD' } });
    expect((await messagesOf(client, id))[0].price).toBeNull();
    const priced = await twilioFake.statusCallback(sid, 'delivered', {
      fields: { Price: '-0.00750', PriceUnit: 'usd' },
    });
    expect(priced.body).toEqual({ outcome: 'applied' });
    expect((await messagesOf(client, id))[0].price).toEqual({ amount: 0.0075, currency: 'USD' });
    // A price that is not a number is no price; the receipt still counts.
    await twilioFake.statusCallback(sid, 'delivered', {
      fields: { Price: 'free', PriceUnit: 'USD' },
    });
    expect((await messagesOf(client, id))[0].price).toEqual({ amount: 0.0075, currency: 'USD' });
  });

  it('refuses an unsigned, badly signed or altered callback with 403, changing nothing', async () => {
    const { client } = await twilioApp();
    const { id, sid } = await sent(client, '+905551300002');
    const refusals = [
      await twilioFake.statusCallback(sid, 'delivered', { signWith: null }),
      await twilioFake.statusCallback(sid, 'delivered', { signWith: 'another-token' }),
      await twilioFake.statusCallback(sid, 'undelivered', {
        tamper: { MessageStatus: 'delivered' },
      }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'invalid_receipt_signature', status: 403 });
    }
    const [entry] = await messagesOf(client, id);
    expect(entry.timeline).toHaveLength(1);
    expect(entry.status).toBe('sent');
    expect((await client.get(`/v1/verifications/${id}`)).body.delivery.status).toBe('sent');
  });

  it('answers problem+json 403 for an app that has no such account', async () => {
    const form = { MessageSid: 'SM1', MessageStatus: 'delivered', AccountSid: ACCOUNT };
    const url = `${server.url}/v1/receipts/twilio/app_unknown`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, url, form),
      },
      body: new URLSearchParams(form).toString(),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await response.json()).code).toBe('invalid_receipt_signature');
  });

  it('records undelivered with its error code; without failoverOnUndelivered nothing is re-sent', async () => {
    const { client } = await twilioApp();
    const { id, sid } = await sent(client, '+905551300003');
    const posts = twilioFake.posts.length;
    const answer = await twilioFake.statusCallback(sid, 'undelivered', { errorCode: 30003 });
    expect(answer.body).toEqual({ outcome: 'applied' });
    const [entry] = await messagesOf(client, id);
    expect(entry).toMatchObject({ status: 'undelivered', errorCode: 'twilio_30003' });
    expect(entry.timeline.at(-1)).toMatchObject({ status: 'undelivered', error: 'twilio_30003' });
    const { body } = await client.get(`/v1/verifications/${id}`);
    expect(body).toMatchObject({ sends: 1, delivery: { status: 'undelivered' } });
    expect(twilioFake.posts.length).toBe(posts);
  });

  it('answers 200 for an unknown message and logs it without the destination', async () => {
    const { appId } = await twilioApp();
    const to = '+905551300999';
    const form = {
      MessageSid: `SM${'0'.repeat(32)}`,
      MessageStatus: 'delivered',
      AccountSid: ACCOUNT,
      To: to,
    };
    const url = `${server.url}/v1/receipts/twilio/${appId}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, url, form),
      },
      body: new URLSearchParams(form).toString(),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'unknown_message' });
    const line = server.logs.find((l) => l.includes('receipt for an unknown message'));
    expect(line).toBeDefined();
    expect(JSON.parse(line as string)).toMatchObject({ level: 30, appId });
    expect(server.logs.join('\n')).not.toContain(to.slice(1));
  });

  it('checks the signature over OTPD_PUBLIC_URL when it is set', async () => {
    const proxied = await startServer({
      env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8', OTPD_PUBLIC_URL: 'https://otp.example.com/' },
    });
    try {
      const { client } = await twilioApp(proxied, 'https://otp.example.com');
      const { id, sid } = await sent(client, '+905551300004');
      // Twilio signs the public URL; the proxy hands the request to otpd on loopback.
      const answer = await twilioFake.statusCallback(sid, 'delivered', { postTo: proxied.url });
      expect(answer).toEqual({ status: 200, body: { outcome: 'applied' } });
      expect((await client.get(`/v1/verifications/${id}`)).body.delivery.status).toBe('delivered');
    } finally {
      await proxied.close();
    }
  });

  it('documents both receipt routes in OpenAPI, without API-key security', async () => {
    const doc = await (await fetch(`${server.url}/openapi.json`)).json();
    for (const path of ['/v1/receipts/twilio/{appId}', '/v1/receipts/http/{appId}/{provider}']) {
      const operation = doc.paths[path]?.post;
      expect(operation?.tags).toEqual(['receipts']);
      expect(operation?.security).toEqual([]);
      expect(Object.keys(operation?.responses ?? {})).toEqual(
        expect.arrayContaining(['200', '400', '403']),
      );
    }
  });
});
