import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { accept, type FakeTwilio, startFakeTwilio } from '../../../test/helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

const ACCOUNT = `AC${'7a'.repeat(16)}`;
const TOKEN = 'twilio-voice-token-3f9e1c0b2d4a';
const FROM = '+15017122661';

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never: ${what}`);
}

/** The voice channel: codes read out in a call placed through Twilio's Calls API. */
describe('voice channel', () => {
  let server: TestServer;
  let fake: FakeTwilio;
  let gateway: FakeGateway;

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    fake = await startFakeTwilio({ [ACCOUNT]: TOKEN }, accept);
    gateway = await startFakeGateway();
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
    await gateway.close();
  });

  /** An app whose voice codes go through Twilio, its call status callbacks back to otpd. */
  async function voiceApp(name: string) {
    const created = await server.createApp(name);
    const put = await created.client.request('PUT', '/v1/settings', {
      channels: {
        voice: {
          providers: [
            {
              type: 'twilio',
              name: 'tw-voice',
              accountSid: ACCOUNT,
              authToken: TOKEN,
              from: FROM,
              baseUrl: fake.url,
              statusCallback: `${server.url}/v1/receipts/twilio/${created.appId}`,
            },
          ],
        },
      },
    });
    expect(put.status, put.text).toBe(200);
    return created;
  }

  async function called(client: Client, body: Record<string, unknown>) {
    const created = await client.post('/v1/verifications', { channel: 'voice', ...body });
    expect(created.status, created.text).toBe(201);
    const id: string = created.body.id;
    await until(async () => {
      const { body: v } = await client.get(`/v1/verifications/${id}`);
      return v.delivery.status === 'sent' ? v : undefined;
    }, 'handed to twilio');
    const index = fake.posts.findIndex((p) => p.form.To === body.to);
    return { id, post: fake.posts[index], sid: fake.sids[index] as string };
  }

  it('places a call whose TwiML says the code digit by digit, twice, in the verification language', async () => {
    const { client } = await voiceApp('Çay & Simit');
    const { id, post } = await called(client, { to: '+905551600001', locale: 'tr' });
    expect(post?.resource).toBe('Calls');
    expect(post?.form).toMatchObject({ To: '+905551600001', From: FROM });
    expect(post?.form.Body).toBeUndefined();
    const twiml = post?.form.Twiml ?? '';
    const match =
      /^<Response><Say language="tr-TR">Çay &amp; Simit doğrulama kodunuz: ([0-9](?:, [0-9]){5})\.<\/Say><Pause\/><Say language="tr-TR">Tekrar ediyorum, kodunuz: ([0-9, ]+)\.<\/Say><\/Response>$/.exec(
        twiml,
      );
    expect(match, twiml).not.toBeNull();
    expect(match?.[2]).toBe(match?.[1]);
    // The digits read out are the code that checks.
    const code = (match?.[1] ?? '').replaceAll(', ', '');
    const check = await client.post(`/v1/verifications/${id}/check`, { code });
    expect(check.body).toMatchObject({ valid: true, status: 'approved' });
  });

  it("records the call's status callbacks as receipts: completed is delivered", async () => {
    const { client } = await voiceApp('Receipt Calls');
    const { id, sid } = await called(client, { to: '+905551600002' });
    expect(sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect((await fake.statusCallback(sid, 'ringing')).status).toBe(200);
    expect((await fake.statusCallback(sid, 'completed')).status).toBe(200);
    const v = (await client.get(`/v1/verifications/${id}`)).body;
    expect(v.delivery).toMatchObject({ status: 'delivered', provider: 'tw-voice' });
    const messages = (await client.get(`/v1/verifications/${id}/messages`)).body.data;
    expect(messages[0]).toMatchObject({ channel: 'voice', provider: 'tw-voice' });
  });

  it('marks a call nobody answered undelivered', async () => {
    const { client } = await voiceApp('Busy Calls');
    const { id, sid } = await called(client, { to: '+905551600003' });
    expect((await fake.statusCallback(sid, 'no-answer')).status).toBe(200);
    const v = (await client.get(`/v1/verifications/${id}`)).body;
    expect(v.delivery.status).toBe('undelivered');
  });

  it('sends the sandbox the spoken text in English by default', async () => {
    const { client } = await server.createApp('Sandbox Calls');
    const created = await client.post('/v1/verifications', {
      to: '+905551600004',
      channel: 'voice',
    });
    expect(created.status, created.text).toBe(201);
    const text = await until(async () => {
      const { body } = await client.get('/v1/sandbox/messages?to=%2B905551600004');
      return body.data[0]?.body as string | undefined;
    }, 'the sandbox took the call');
    expect(text).toMatch(
      /^Your Sandbox Calls verification code is: [0-9](, [0-9]){5}\.\nAgain, your code is: [0-9](, [0-9]){5}\.$/,
    );
  });

  it('applies the geo rules of the voice channel', async () => {
    const { client } = await server.createApp('Geo Calls');
    const put = await client.request('PUT', '/v1/settings', { geo: { voice: { allow: ['TR'] } } });
    expect(put.status, put.text).toBe(200);
    const refused = await client.post('/v1/verifications', {
      to: '+447911123456',
      channel: 'voice',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('country_not_allowed');
  });

  it('refuses a twilio voice provider without a from number', async () => {
    const { client } = await server.createApp('No From');
    const put = await client.request('PUT', '/v1/settings', {
      channels: {
        voice: {
          providers: [
            {
              type: 'twilio',
              name: 'tw',
              accountSid: ACCOUNT,
              authToken: TOKEN,
              messagingServiceSid: `MG${'1'.repeat(32)}`,
            },
          ],
        },
      },
    });
    expect(put.status).toBe(400);
    expect(JSON.stringify(put.body)).toContain('channels.voice.providers.0.from');
  });

  it('delivers voice through a generic http gateway too: the spoken text and the code apart', async () => {
    const { client } = await server.createApp('Gateway Calls');
    const put = await client.request('PUT', '/v1/settings', {
      channels: {
        voice: {
          providers: [
            {
              type: 'http',
              name: 'tts',
              request: {
                method: 'POST',
                url: `${gateway.url}/calls`,
                body: { to: '{{to}}', say: '{{message}}', code: '{{code}}', lang: '{{locale}}' },
                encoding: 'json',
              },
              success: { status: [200] },
            },
          ],
        },
      },
    });
    expect(put.status, put.text).toBe(200);
    const created = await client.post('/v1/verifications', {
      to: '+905551600005',
      channel: 'voice',
      locale: 'de',
    });
    expect(created.status, created.text).toBe(201);
    const request = await until(
      async () => gateway.requests.find((r) => r.url === '/calls'),
      'the gateway was called',
    );
    const sent = JSON.parse(request.body);
    expect(sent).toMatchObject({ to: '+905551600005', lang: 'de' });
    expect(sent.code).toMatch(/^[0-9]{6}$/);
    expect(sent.say).toBe(
      `Ihr Bestätigungscode für Gateway Calls lautet: ${[...sent.code].join(', ')}.\n` +
        `Ich wiederhole, Ihr Code lautet: ${[...sent.code].join(', ')}.`,
    );
  });
});
