import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { type FakeTwilio, startFakeTwilio } from '../../../test/helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createVisitor } from '../../../test/helpers/messenger-visitor.ts';
import { readSandboxCode } from '../../../test/helpers/sandbox.ts';
import { twilioSdk } from '../../../test/helpers/twilio-sdk.ts';

/*
 * The routes that read an app's settings themselves before they start, resend or check a
 * verification (the compatible APIs, the messenger's gate) hand that snapshot on: one read
 * of the app's settings per request, counted in the store with the settings cache off.
 */
const TWILIO_ACCOUNT = `AC${'5e'.repeat(16)}`;
const TWILIO_TOKEN = 'convertalk-twilio-token-9f81c2d7';

describe('settings look-ups per request, through the routes that read them first', () => {
  let server: TestServer;
  let chat: FakeGateway;
  let twilio: FakeTwilio;
  let client: Client;
  let appId: string;
  let apiKey: string;
  let reads = 0;

  beforeAll(async () => {
    // No dispatcher: a delivery's own look-ups would count in the request's.
    server = await startServer({
      dispatcher: false,
      env: {
        OTPD_TRUST_PROXY: '127.0.0.1/32',
        OTPD_ALLOW_NETWORKS: '127.0.0.0/8',
        // No cache in front of the store: each look-up of the settings is one read there.
        OTPD_SETTINGS_REFRESH_MS: '0',
      },
    });
    twilio = await startFakeTwilio({ [TWILIO_ACCOUNT]: TWILIO_TOKEN });
    chat = await startFakeGateway(() => ({ status: 200, body: { ok: true, id: 'chat-1' } }));
    ({ client, appId, apiKey } = await server.createApp('Reads'));
    const put = await client.request('PUT', '/v1/settings', {
      preferredCountry: 'TR',
      messenger: { enabled: true },
      verification: { resendCooldownSeconds: 0 },
      channels: {
        messenger: {
          providers: [
            {
              type: 'http',
              name: 'chat',
              request: {
                method: 'POST',
                url: `${chat.url}/messages`,
                body: { recipient: '{{to}}', text: '{{message}}' },
                encoding: 'json',
              },
              success: { status: [200] },
            },
          ],
        },
      },
      dialects: {
        diyalog: { secret: 'diyalog-bot-secret-5b1f0c9e' },
        convertalk: { twilioBaseUrl: twilio.url },
      },
    });
    expect(put.status, put.text).toBe(200);
    const store = server.deps.store;
    const read = store.getAppSettings.bind(store);
    store.getAppSettings = (id: string) => {
      reads++;
      return read(id);
    };
  });
  afterAll(async () => {
    await server.close();
    await chat.close();
    await twilio.close();
  });
  beforeEach(() => {
    reads = 0;
  });

  it('reads them once for a Twilio Verify create', async () => {
    const app = await server.deps.store.getApp(appId);
    const ids = app?.dialects;
    if (!ids) throw new Error('the app has no dialect identities');
    const service = twilioSdk(
      `${server.url}/twilio`,
      ids.twilioAccountSid,
      apiKey,
    ).verify.v2.services(ids.twilioServiceSid);
    reads = 0;
    const v = await service.verifications.create({ to: '+905553001001', channel: 'sms' });
    expect(v.status).toBe('pending');
    expect(reads).toBe(1);
  });

  it('reads them once for a Convertalk send, its dialect settings and its start alike', async () => {
    const sent = await client.post('/convertalk/integrations/custom-feature/send-otp-sms', {
      accountSID: TWILIO_ACCOUNT,
      authToken: TWILIO_TOKEN,
      fromNumber: '+15017122661',
      toNumber: '+905553001004',
    });
    expect(sent.status, sent.text).toBe(200);
    expect(reads).toBe(1);
  });

  it('reads them once for a Diyalog sendmok, its signing secret and its start alike', async () => {
    const sent = await client.post(`/diyalog/v1/bots/sendmok/${apiKey}`, {
      customerNo: '905553001002',
      messageId: 'msg-reads-1',
      mokMessage: 'Your code is 482913',
      mokValue: '482913',
      buttonsV2: [{ type: 'postback', title: 'Not me', payload: 'deny', payloadHidden: true }],
    });
    expect(sent.status, sent.text).toBe(200);
    expect(reads).toBe(1);
  });

  it("reads them once for each of the messenger gate's start, resend and check", async () => {
    const visitor = createVisitor(server.url, appId, { ip: '203.0.113.80' });
    const started = await visitor.post('/verifications', { phone: '+905553001003' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(reads).toBe(1);
    reads = 0;
    const resent = await visitor.post(`/verifications/${started.body.id}/resend`, {});
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(reads).toBe(1);
    await server.deps.dispatcher.runOnce();
    const code = await readSandboxCode(client, started.body.id);
    reads = 0;
    // A wrong code: a right one opens a chat, whose bot hears of it after the response with
    // a look-up of its own.
    const wrong = code === '000000' ? '111111' : '000000';
    const checked = await visitor.post(`/verifications/${started.body.id}/check`, { code: wrong });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(reads).toBe(1);
  });
});
