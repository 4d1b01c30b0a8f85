import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCodeService } from '../../../test/helpers/fake-code-service.ts';
import { type FakeGateway, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { type FakeTwilio, startFakeTwilio } from '../../../test/helpers/fake-twilio.ts';
import { startFakeTwilioVerify } from '../../../test/helpers/fake-twilio-verify.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

/** I6 on the receipt paths: auth tokens, receipt tokens and signatures never reach a log. */
describe('receipt credentials stay secret', () => {
  const ACCOUNT = `AC${'9c'.repeat(16)}`;
  const AUTH_TOKEN = 'twilio-secret-auth-token-83be1f';
  const RECEIPT_TOKEN = 'gateway-receipt-secret-5d0c77aa';
  const destination = '+905551250077';
  let server: TestServer;
  let twilioFake: FakeTwilio;
  let gateway: FakeGateway;
  let appId: string;
  let client: Client;
  let sid: string;
  const signatures: string[] = [];
  let gatewayId: string;

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    twilioFake = await startFakeTwilio({ [ACCOUNT]: AUTH_TOKEN });
    gateway = await startFakeGateway(() => ({ status: 200, body: { id: 'gw-secret-1' } }));
    ({ appId, client } = await server.createApp('Receipt Vault'));
    const put = await client.request('PUT', '/v1/settings', {
      channels: {
        sms: {
          providers: [
            {
              type: 'twilio',
              name: 'tw',
              accountSid: ACCOUNT,
              authToken: AUTH_TOKEN,
              from: '+15017122661',
              baseUrl: twilioFake.url,
              statusCallback: `${server.url}/v1/receipts/twilio/${appId}`,
            },
          ],
        },
        whatsapp: {
          providers: [
            {
              type: 'http',
              name: 'gw',
              request: { url: `${gateway.url}/send`, body: { to: '{{to}}', text: '{{message}}' } },
              messageIdPointer: '/id',
              receipt: {
                token: RECEIPT_TOKEN,
                messageIdPointer: '/id',
                statusPointer: '/status',
                statusMap: { OK: 'delivered' },
              },
            },
          ],
        },
      },
    });
    expect(put.status).toBe(200);
    const sms = await client.post('/v1/verifications', { to: destination });
    const wa = await client.post('/v1/verifications', {
      to: '+905551250078',
      channel: 'whatsapp',
    });
    for (const id of [sms.body.id, wa.body.id]) {
      for (let i = 0; i < 250; i++) {
        const { body } = await client.get(`/v1/verifications/${id}/messages`);
        if (body.data.length > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    sid = twilioFake.sids[0] as string;
    gatewayId = 'gw-secret-1';
    const url = `${server.url}/v1/receipts/twilio/${appId}`;
    signatures.push(
      twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, { MessageSid: sid, MessageStatus: 'x' }),
    );
    expect((await twilioFake.statusCallback(sid, 'delivered')).status).toBe(200);
    expect((await twilioFake.statusCallback(sid, 'failed', { signWith: 'wrong' })).status).toBe(
      403,
    );
    const receipt = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/v1/receipts/http/${appId}/gw${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ id: gatewayId, status: 'OK', to: destination }),
      });
    expect((await receipt(`?token=${RECEIPT_TOKEN}`)).status).toBe(200);
    expect((await receipt('', { 'x-otpd-receipt-token': RECEIPT_TOKEN })).status).toBe(200);
    expect((await receipt(`?token=${RECEIPT_TOKEN}x`)).status).toBe(403);
  });
  afterAll(async () => {
    await server.close();
    await twilioFake.close();
    await gateway.close();
  });

  it('logs no auth token, receipt token, signature or destination', () => {
    const output = server.logs.join('');
    expect(output).toContain('/v1/receipts/twilio/:appId'); // the receipts really were logged
    expect(output).not.toContain(AUTH_TOKEN);
    expect(output).not.toContain(RECEIPT_TOKEN);
    for (const s of signatures) expect(output).not.toContain(s);
    expect(output).not.toContain('x-twilio-signature');
    expect(output).not.toContain('905551250077');
    expect(output).not.toContain('905551250078');
  });

  it('shows the receipt token masked in the settings', async () => {
    const { body } = await client.get('/v1/settings');
    const shown = JSON.stringify(body);
    expect(shown).not.toContain(RECEIPT_TOKEN);
    expect(body.channels.whatsapp.providers[0].receipt.token).toMatch(/^••••/);
  });
});

/** I6 for the credentials of integration mode 3: a code-making sender and its validator. */
describe('sender and validator secrets stay secret', () => {
  it('logs at debug level contain neither their credentials nor the codes they made', async () => {
    const account = {
      accountSid: `AC${'3'.repeat(32)}`,
      authToken: 'verify-secret-token-5150',
      serviceSid: `VA${'4'.repeat(32)}`,
    };
    const twilio = await startFakeTwilioVerify(account);
    const service = await startFakeCodeService();
    const server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    try {
      const { appId, client } = await server.createApp('Vault 3');
      const put = await client.request('PUT', '/v1/settings', {
        channels: {
          sms: {
            providers: [{ type: 'twilio-verify', name: 'verify', ...account, baseUrl: twilio.url }],
          },
          email: {
            providers: [
              {
                type: 'http',
                name: 'maker',
                request: {
                  url: `${service.url}/send`,
                  headers: { 'X-Sender-Key': 'sender-secret-key-7070' },
                  body: { to: '{{to}}' },
                },
                generatesCode: true,
                referencePointer: '/ref',
              },
            ],
          },
        },
        validator: { type: 'twilio-verify', ...account, baseUrl: twilio.url },
      });
      expect(put.status).toBe(200);
      const to = '+14155550199';
      const v = await client.post('/v1/verifications', { to });
      const w = await client.post('/v1/verifications', { to: 'p@q.example', channel: 'email' });
      for (let i = 0; i < 250 && twilio.verifications.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      for (let i = 0; i < 250 && service.sent.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const code = twilio.latest(to).code;
      await client.post(`/v1/verifications/${v.body.id}/check`, { code: '999999' });
      await client.post(`/v1/verifications/${v.body.id}/check`, { code });
      // The email's code was made by a service the twilio-verify validator does not know:
      // the check is asked and answered "no", carrying the code out, never into a log.
      await client.post(`/v1/verifications/${w.body.id}/check`, { code: service.sent[0]?.code });
      await client.post('/v1/settings/test-send', { channel: 'email', to: 'p@q.example' });

      const output = server.logs.join('');
      expect(output).toContain('message sent');
      expect(output).not.toContain(account.authToken);
      expect(output).not.toContain(
        Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64'),
      );
      expect(output).not.toContain('sender-secret-key-7070');
      expect(output).not.toContain(code);
      for (const made of service.sent) expect(output).not.toContain(made.code);
      const stored = JSON.stringify(await server.deps.store.getAppSettings(appId));
      expect(stored).not.toContain(account.authToken);
      expect(stored).not.toContain('sender-secret-key-7070');
    } finally {
      await server.close();
      await twilio.close();
      await service.close();
    }
  });
});
