import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDialectIds } from '../../src/domain/dialect-ids.ts';
import { nativeVerificationId } from '../../src/http/dialects/twilio/sids.ts';
import { startFakeCodeService } from '../helpers/fake-code-service.ts';
import { type FakeGateway, startFakeGateway } from '../helpers/fake-gateway.ts';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fake-twilio.ts';
import { startFakeTwilioVerify } from '../helpers/fake-twilio-verify.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { type Client, createClient } from '../helpers/http-client.ts';
import { twilioFailure, twilioSdk } from '../helpers/twilio-sdk.ts';

const TWILIO_ACCOUNT = `AC${'3c'.repeat(16)}`;
const TWILIO_TOKEN = 'convertalk-request-token-71d0a9e4';

/** I1 and I6: codes live only as HMACs; no code, key, secret or full destination is logged. */
describe('secrets stay secret', () => {
  let server: TestServer;
  let twilio: FakeTwilio;
  const codes: string[] = [];
  let apiKey: string;
  const destination = '+905551250001';
  const twilioDestination = '+905551250004';
  const beemMsisdn = '905551250005';

  beforeAll(async () => {
    // Logs at debug level; the fake Twilio listens on loopback.
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    twilio = await startFakeTwilio({ [TWILIO_ACCOUNT]: TWILIO_TOKEN });
    const created = await server.createApp('Vault');
    apiKey = created.apiKey;
    const { client } = created;

    const v = await client.post(
      '/v1/verifications',
      { to: destination, codeLength: 10, metadata: { note: 'x' } },
      { 'idempotency-key': 'secret-test-1' },
    );
    codes.push(await server.readCode(client, v.body.id));
    await client.post(`/v1/verifications/${v.body.id}/check`, { code: '0000000000' });
    const w = await client.post('/v1/verifications', {
      to: 'Person@Example.com',
      channel: 'email',
      codeLength: 10,
    });
    codes.push(await server.readCode(client, w.body.id));
    await client.post('/v1/verifications/check', { to: 'person@example.com', code: codes[1] });
    await client.post(`/v1/verifications/${v.body.id}/check`, { code: codes[0] });
    await client.get('/v1/verifications/nope', { authorization: 'Bearer otpd_wrongwrongwrong' });
    await client.get(`/v1/sandbox/messages?to=${encodeURIComponent(destination)}`);

    // Convertalk brings Twilio credentials with the request: used once, never kept or logged.
    await client.request('PUT', '/v1/settings', {
      dialects: { convertalk: { twilioBaseUrl: twilio.url } },
    });
    const convertalk = '/convertalk/integrations/custom-feature';
    const sent = await client.post(`${convertalk}/send-otp-sms`, {
      accountSID: TWILIO_ACCOUNT,
      authToken: TWILIO_TOKEN,
      fromNumber: '+15017122661',
      toNumber: '+905551250002',
    });
    if (!sent.body.success) throw new Error(`convertalk send: ${sent.text}`);
    const sms = twilio.posts.at(-1)?.form.Body ?? '';
    codes.push(/\b(\d{6})\b/.exec(sms)?.[1] ?? 'no code in the SMS');
    await client.post(`${convertalk}/verify-user-otp`, {
      systemOtp: sent.body.systemOtp,
      userOtp: codes[2],
    });
    // Refused input that carries the token: the token is not echoed or logged either.
    await client.post(`${convertalk}/send-otp-sms`, {
      accountSID: 'not-a-sid',
      authToken: TWILIO_TOKEN,
      fromNumber: '+15017122661',
      toNumber: '+905551250003',
    });

    // The compatible APIs carry the key in Basic auth, and their own destination formats.
    const ids = (await server.deps.store.getApp(created.appId))?.dialects as AppDialectIds;
    const service = twilioSdk(
      `${server.url}/twilio`,
      ids.twilioAccountSid,
      apiKey,
    ).verify.v2.services(ids.twilioServiceSid);
    const t = await service.verifications.create({ to: twilioDestination, channel: 'sms' });
    codes.push(await server.readCode(client, nativeVerificationId(t.sid) as string));
    await service.verifications(twilioDestination).fetch();
    await service.verificationChecks.create({ to: twilioDestination, code: '0000000' });
    await service.verificationChecks.create({
      verificationSid: t.sid,
      code: codes.at(-1) as string,
    });
    await twilioFailure(
      twilioSdk(`${server.url}/twilio`, ids.twilioAccountSid, 'otpd_wrongwrongwrong')
        .verify.v2.services(ids.twilioServiceSid)
        .verifications.create({ to: twilioDestination, channel: 'sms' }),
    );
    const beem = createClient(server.url);
    const basic = (secret: string) => ({
      authorization: `Basic ${Buffer.from(`${created.appId}:${secret}`).toString('base64')}`,
    });
    const pin = await beem.post(
      '/beem/v1/request',
      { appId: ids.beemAppId, msisdn: beemMsisdn },
      basic(apiKey),
    );
    codes.push(await server.readCode(client, pin.body.data.pinId));
    await beem.post(
      '/beem/v1/verify',
      { pinId: pin.body.data.pinId, pin: '0000000' },
      basic(apiKey),
    );
    await beem.post(
      '/beem/v1/verify',
      { pinId: pin.body.data.pinId, pin: codes.at(-1) },
      basic(apiKey),
    );
    await beem.post(
      '/beem/v1/request',
      { appId: ids.beemAppId, msisdn: beemMsisdn },
      basic('otpd_wrongwrongwrong'),
    );
  });
  afterAll(async () => {
    await server.close();
    await twilio.close();
  });

  it('logs at debug level contain no code, API key, server secret or full destination', () => {
    const output = server.logs.join('');
    expect(output.length).toBeGreaterThan(0);
    expect(output).toContain('verification started'); // the log really was captured
    expect(output).toContain('/twilio/v2/Services/:ServiceSid/VerificationCheck');
    expect(output).toContain('/beem/v1/verify');
    const secret = readFileSync(join(server.dataDir, 'server.key'), 'utf8').trim();
    for (const code of codes) expect(output).not.toContain(code);
    expect(output).not.toContain(apiKey);
    expect(output).not.toContain(apiKey.slice(5, 20));
    expect(output).not.toContain(secret);
    expect(output).not.toContain(destination);
    expect(output).not.toContain('905551250001');
    expect(output.toLowerCase()).not.toContain('person@example.com');
    expect(output).not.toContain('otpd_wrongwrongwrong');
    expect(output).not.toContain(TWILIO_TOKEN);
    expect(output).not.toContain(
      Buffer.from(`${TWILIO_ACCOUNT}:${TWILIO_TOKEN}`).toString('base64'),
    );
    expect(output).not.toContain('905551250002');
    expect(output).not.toContain(twilioDestination.slice(1));
    expect(output).not.toContain(beemMsisdn);
    expect(output).not.toContain(Buffer.from(`:${apiKey}`).toString('base64').slice(4, 30));
  });

  it('stores only HMACs of codes, and erases outbox ciphertexts once delivered', () => {
    const db = new Database(join(server.dataDir, 'otpd.db'), { readonly: true });
    try {
      const verifications = db.prepare('select * from verifications').all() as Record<
        string,
        unknown
      >[];
      expect(verifications.length).toBe(5);
      const dump = JSON.stringify(verifications);
      for (const code of codes) expect(dump).not.toContain(code);
      for (const row of verifications) {
        expect(row.code_hash).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32-byte HMAC, base64url
        expect(row.code_key_id).toMatch(/^[0-9a-f]{12}$/);
      }
      const jobs = db.prepare('select status, code_ciphertext from outbox_jobs').all();
      expect(jobs).toEqual(jobs.map(() => ({ status: 'sent', code_ciphertext: null })));
      const keys = JSON.stringify(db.prepare('select * from api_keys').all());
      expect(keys).not.toContain(apiKey);
      const idempotency = JSON.stringify(db.prepare('select * from idempotency_keys').all());
      for (const code of codes) expect(idempotency).not.toContain(code);
    } finally {
      db.close();
    }
  });

  it('keeps no Twilio token a request brought in any file of the data dir', () => {
    for (const file of readdirSync(server.dataDir)) {
      const bytes = readFileSync(join(server.dataDir, file));
      expect(bytes.includes(TWILIO_TOKEN), file).toBe(false);
    }
  });
});

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

/** I1 and I6 for Diyalog: the bot token, the app's code and its text stay out of logs and rows. */
describe('diyalog messages stay secret', () => {
  const SECRET = 'diyalog-vault-secret-0c7d31aa';
  const CODE = '739184';
  const TEXT = `Vault code ${CODE}`;
  let server: TestServer;
  let chat: FakeGateway;
  let hook: FakeGateway;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    chat = await startFakeGateway(() => ({ status: 200, body: { ok: true } }));
    hook = await startFakeGateway(() => ({ status: 200 }));
    const created = await server.createApp('Chat Vault');
    token = created.apiKey;
    const put = await created.client.request('PUT', '/v1/settings', {
      channels: {
        messenger: {
          providers: [
            {
              type: 'http',
              name: 'chat',
              request: { url: `${chat.url}/m`, body: { to: '{{to}}', text: '{{message}}' } },
            },
          ],
        },
      },
      dialects: { diyalog: { secret: SECRET, webhookUrl: `${hook.url}/hook` } },
    });
    expect(put.status, put.text).toBe(200);
    const bot = createClient(server.url);
    await bot.post(`/diyalog/v1/bots/sendmok/${token}`, {
      customerNo: 'vault-customer-9911',
      messageId: 'vault-msg-1',
      mokMessage: TEXT,
      mokValue: CODE,
      buttonsV2: [{ type: 'postback', title: 'Approve', payload: CODE, payloadHidden: true }],
    });
    for (let i = 0; i < 250 && chat.requests.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await bot.post(`/diyalog/v1/bots/postback/${token}`, {
      messageId: 'vault-msg-1',
      payload: CODE,
    });
    for (let i = 0; i < 250 && hook.requests.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(hook.requests).toHaveLength(1);
  });
  afterAll(async () => {
    await server.close();
    await chat.close();
    await hook.close();
  });

  it('logs neither the bot token, the code, the text, the secret nor the customer', () => {
    const output = server.logs.join('');
    expect(output).toContain('/diyalog/v1/bots/sendmok/:botAccessToken');
    expect(output).toContain('diyalog button pressed');
    for (const secret of [token, CODE, TEXT, SECRET, 'vault-customer-9911']) {
      expect(output).not.toContain(secret);
    }
  });

  it('stores the code only as an HMAC, and neither the text nor the press in the clear', () => {
    const db = new Database(join(server.dataDir, 'otpd.db'), { readonly: true });
    try {
      for (const table of ['verifications', 'outbox_jobs', 'webhook_deliveries']) {
        const dump = JSON.stringify(db.prepare(`select * from ${table}`).all());
        expect(dump, table).not.toContain(CODE);
        expect(dump, table).not.toContain('Vault code');
      }
      const jobs = db.prepare('select code_ciphertext, message_ciphertext from outbox_jobs').all();
      expect(jobs).toEqual([{ code_ciphertext: null, message_ciphertext: null }]);
    } finally {
      db.close();
    }
  });
});
