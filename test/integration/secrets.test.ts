import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verificationIdOfPin } from '../../src/dialects/domain/beem-pin-ids.ts';
import type { AppDialectIds } from '../../src/dialects/domain/dialect-ids.ts';
import { signPayload } from '../../src/dialects/domain/diyalog-signing.ts';
import { nativeVerificationId } from '../../src/dialects/twilio/sids.ts';
import { startFakeCodeService } from '../helpers/fake-code-service.ts';
import { type FakeGateway, startFakeGateway, succeed } from '../helpers/fake-gateway.ts';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fake-twilio.ts';
import { startFakeTwilioVerify } from '../helpers/fake-twilio-verify.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { type Client, createClient } from '../helpers/http-client.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../helpers/smtp-receiver.ts';
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
    codes.push(await server.readCode(client, verificationIdOfPin(pin.body.data.pinId) as string));
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
    // The chat presses the hidden button's payload as it was sent: signed.
    await bot.post(`/diyalog/v1/bots/postback/${token}`, {
      messageId: 'vault-msg-1',
      payload: signPayload(SECRET, 'vault-msg-1', CODE),
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

/**
 * A key holder who may edit the settings must not be able to lead a stored secret away: a
 * masked secret sent back keeps the stored one only while its entry sends where it sent.
 */
describe('stored secrets do not follow a changed destination', () => {
  const MOVED = 're-enter this secret when the destination changes';
  const KEY = 'Bearer gateway-stored-key-4b1d9e07c3';
  const VAR_KEY = 'var-stored-key-71aa3c90de55';
  const TOKEN = 'twilio-stored-token-0d5e8a61f2';
  const ACCOUNT = `AC${'5e'.repeat(16)}`;
  const SMTP_PASS = 'smtp-stored-pass-93c1e0b7';
  const HOOK_SECRET = 'whsec_QWxhZGRpbjpvcGVuIHNlc2FtZSBzdG9yZWQ=';
  const DIYALOG_SECRET = 'diyalog-stored-secret-5a0e2c';
  let server: TestServer;
  let gateway: FakeGateway;
  let moved: FakeGateway;
  let attacker: FakeGateway;
  let twilioFake: FakeTwilio;
  let mail: SmtpReceiver;
  let attackerMail: SmtpReceiver;

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    gateway = await startFakeGateway(succeed);
    moved = await startFakeGateway(succeed);
    attacker = await startFakeGateway(succeed);
    twilioFake = await startFakeTwilio({ [ACCOUNT]: TOKEN });
    mail = await startSmtpReceiver({ auth: { user: 'otp', pass: SMTP_PASS } });
    attackerMail = await startSmtpReceiver();
  });
  afterAll(async () => {
    await server.close();
    await Promise.all(
      [gateway, moved, attacker, twilioFake, mail, attackerMail].map((s) => s.close()),
    );
  });

  const httpGateway = (name: string, url: string, key = KEY) => ({
    type: 'http',
    name,
    request: {
      url: `${url}/send`,
      headers: { Authorization: key },
      body: { to: '{{to}}', text: '{{message}}', key: '{{apiKey}}' },
    },
    vars: { apiKey: VAR_KEY },
  });

  /** An app whose settings were saved with `document`, and the document as GET shows it. */
  async function appWith(name: string, document: Record<string, unknown>) {
    const { client, appId } = await server.createApp(name);
    const put = await client.request('PUT', '/v1/settings', document);
    expect(put.status, put.text).toBe(200);
    const shown = (await client.get('/v1/settings')).body;
    return { client, appId, shown };
  }

  /** The fields a refused PUT names with the moved-destination message. */
  const movedFields = (body: { errors?: { field: string; message: string }[] }) =>
    (body.errors ?? [])
      .filter((e) => e.message === MOVED)
      .map((e) => e.field)
      .sort();

  const received = (server: FakeGateway) => JSON.stringify(server.requests);

  it('never sends a stored gateway key to a URL changed with the masked key sent back', async () => {
    const { client, shown } = await appWith('Led Away', {
      channels: { sms: { providers: [httpGateway('gw', gateway.url)] } },
    });
    shown.channels.sms.providers[0].request.url = `${attacker.url}/steal`;
    const put = await client.request('PUT', '/v1/settings', shown);
    await client.post('/v1/settings/test-send', { channel: 'sms', to: '+905551260001' });
    await client.post('/v1/verifications', { to: '+905551260002' });
    for (let i = 0; i < 100 && gateway.requests.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(received(attacker)).not.toContain(KEY.slice(7));
    expect(received(attacker)).not.toContain(VAR_KEY);
    expect(attacker.requests).toEqual([]);
    expect(put.status).toBe(400);
    expect(put.headers.get('content-type')).toContain('application/problem+json');
    expect(put.body.code).toBe('validation_failed');
    expect(movedFields(put.body)).toEqual([
      'body.channels.sms.providers.0.request.headers.Authorization',
      'body.channels.sms.providers.0.vars.apiKey',
    ]);
    expect(put.body.detail).toContain(MOVED);
    expect(gateway.requests.at(-1)?.headers.authorization).toBe(KEY);
  });

  it('sends a secret re-entered with the new URL there, and refuses one left masked', async () => {
    const { client, appId, shown } = await appWith('Moving Shop', {
      channels: { sms: { providers: [httpGateway('gw', gateway.url)] } },
    });
    const entry = shown.channels.sms.providers[0];
    entry.request.url = `${moved.url}/send`;
    entry.request.headers.Authorization = 'Bearer moved-new-key-6c2f0d1e9b';
    const half = await client.request('PUT', '/v1/settings', shown);
    expect(half.status).toBe(400);
    expect(movedFields(half.body)).toEqual(['body.channels.sms.providers.0.vars.apiKey']);

    entry.vars.apiKey = 'moved-new-var-0e4b7a';
    const put = await client.request('PUT', '/v1/settings', shown);
    expect(put.status, put.text).toBe(200);
    const tried = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+905551260003',
    });
    expect(tried.body.attempts).toMatchObject([{ provider: 'gw', ok: true }]);
    const sent = moved.requests.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer moved-new-key-6c2f0d1e9b');
    expect(JSON.parse(sent?.body ?? '{}').key).toBe('moved-new-var-0e4b7a');
    const stored = (await server.deps.settings.get(appId)).channels.sms.providers[0];
    expect(JSON.stringify(stored)).not.toContain(KEY);
  });

  it('keeps masked secrets when their destination stays, the providers reordered and edited', async () => {
    const { client, appId, shown } = await appWith('Steady Shop', {
      channels: {
        sms: { providers: [httpGateway('gw', gateway.url), httpGateway('other', moved.url)] },
      },
    });
    const [gw, other] = shown.channels.sms.providers;
    gw.timeoutMs = 9_000;
    gw.request.body.text = 'Code {{message}}';
    shown.channels.sms.providers = [other, gw];
    const put = await client.request('PUT', '/v1/settings', shown);
    expect(put.status, put.text).toBe(200);
    const stored = (await server.deps.settings.get(appId)).channels.sms.providers as any[];
    expect(stored.map((p) => [p.name, p.request.headers.Authorization, p.vars.apiKey])).toEqual([
      ['other', KEY, VAR_KEY],
      ['gw', KEY, VAR_KEY],
    ]);
    const before = gateway.requests.length;
    await client.request('PUT', '/v1/settings', {
      ...shown,
      channels: { sms: { providers: [shown.channels.sms.providers[1]] } },
    });
    await client.post('/v1/settings/test-send', { channel: 'sms', to: '+905551260004' });
    expect(gateway.requests[before]?.headers.authorization).toBe(KEY);
  });

  it('never lets a var the URL is built from, or a Host header, move a masked key', async () => {
    const entry = {
      ...httpGateway('gw', 'http://{{gatewayHost}}'),
      vars: { apiKey: VAR_KEY, gatewayHost: new URL(gateway.url).host },
    };
    const { client, shown } = await appWith('Templated Shop', {
      channels: { sms: { providers: [entry] } },
    });
    const byVar = structuredClone(shown);
    byVar.channels.sms.providers[0].vars.gatewayHost = new URL(attacker.url).host;
    const put = await client.request('PUT', '/v1/settings', byVar);
    expect(put.status).toBe(400);
    expect(movedFields(put.body)).toEqual([
      'body.channels.sms.providers.0.request.headers.Authorization',
      'body.channels.sms.providers.0.vars.apiKey',
    ]);
    const byHost = structuredClone(shown);
    byHost.channels.sms.providers[0].request.headers.Host = 'attacker.example';
    const host = await client.request('PUT', '/v1/settings', byHost);
    expect(host.status).toBe(400);
    expect(movedFields(host.body)).toContain(
      'body.channels.sms.providers.0.request.headers.Authorization',
    );
    await client.post('/v1/settings/test-send', { channel: 'sms', to: '+905551260005' });
    expect(received(attacker)).not.toContain(KEY.slice(7));
  });

  it('never carries a masked key to a provider of another URL by swapping names', async () => {
    // Two keys with the same last four characters: their masks are the same.
    const otherKey = 'Bearer other-stored-key-8f2a1b07c3';
    const { client, appId, shown } = await appWith('Swapped Shop', {
      channels: {
        sms: {
          providers: [httpGateway('gw', gateway.url), httpGateway('other', moved.url, otherKey)],
        },
      },
    });
    const [gw, other] = shown.channels.sms.providers;
    expect(gw.request.headers.Authorization).toBe(other.request.headers.Authorization);
    // Each name now points where the other one's key went.
    const swapped = structuredClone(shown);
    swapped.channels.sms.providers = [
      { ...structuredClone(gw), name: 'other' },
      { ...structuredClone(other), name: 'gw' },
    ];
    const before = gateway.requests.length;
    const swap = await client.request('PUT', '/v1/settings', swapped);
    await client.post('/v1/settings/test-send', { channel: 'sms', to: '+905551260006' });
    expect(gateway.requests[before]?.headers.authorization).toBe(KEY);
    expect(swap.status).toBe(400);
    expect(movedFields(swap.body)).toEqual([
      'body.channels.sms.providers.0.request.headers.Authorization',
      'body.channels.sms.providers.0.vars.apiKey',
      'body.channels.sms.providers.1.request.headers.Authorization',
      'body.channels.sms.providers.1.vars.apiKey',
    ]);
    const stored = (await server.deps.settings.get(appId)).channels.sms.providers as any[];
    expect(stored.map((p) => p.request.headers.Authorization)).toEqual([KEY, otherKey]);
  });

  it('refuses a masked key in a new provider or one moved to another channel', async () => {
    const { client, shown } = await appWith('Copied Shop', {
      channels: { sms: { providers: [httpGateway('gw', gateway.url)] } },
    });
    const [gw] = shown.channels.sms.providers;
    const added = structuredClone(shown);
    added.channels.sms.providers.push({ ...structuredClone(gw), name: 'copy' });
    added.channels.whatsapp = { providers: [structuredClone(gw)] };
    const add = await client.request('PUT', '/v1/settings', added);
    expect(add.status).toBe(400);
    const fields = add.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual([
      'body.channels.sms.providers.1.request.headers.Authorization',
      'body.channels.sms.providers.1.vars.apiKey',
      'body.channels.whatsapp.providers.0.request.headers.Authorization',
      'body.channels.whatsapp.providers.0.vars.apiKey',
    ]);
  });

  it('never sends a Twilio auth token to a changed base URL, account or type', async () => {
    const twilioEntry = {
      type: 'twilio',
      name: 'tw',
      accountSid: ACCOUNT,
      authToken: TOKEN,
      from: '+15017122661',
      baseUrl: twilioFake.url,
    };
    const { client, shown } = await appWith('Twilio Shop', {
      channels: { sms: { providers: [twilioEntry] } },
    });
    const entry = shown.channels.sms.providers[0];
    const attacks = [
      { ...entry, baseUrl: attacker.url },
      { ...entry, accountSid: `AC${'6f'.repeat(16)}` },
      {
        type: 'twilio-verify',
        name: 'tw',
        accountSid: ACCOUNT,
        authToken: entry.authToken,
        serviceSid: `VA${'7'.repeat(32)}`,
        baseUrl: attacker.url,
      },
    ];
    for (const attack of attacks) {
      const put = await client.request('PUT', '/v1/settings', {
        ...shown,
        channels: { ...shown.channels, sms: { providers: [attack] } },
      });
      expect(put.status, JSON.stringify(attack)).toBe(400);
      expect(movedFields(put.body)).toEqual(['body.channels.sms.providers.0.authToken']);
    }
    const tried = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+905551260007',
    });
    expect(tried.body.attempts).toMatchObject([{ provider: 'tw', ok: true }]);
    expect(received(attacker)).not.toContain(Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64'));
  });

  it('never logs in to a changed SMTP host or port with the stored password', async () => {
    const { client, shown } = await appWith('Mail Shop', {
      channels: {
        email: {
          providers: [
            {
              type: 'smtp',
              name: 'mail',
              host: mail.host,
              port: mail.port,
              starttls: 'off',
              auth: { user: 'otp', pass: SMTP_PASS },
              from: 'otp@shop.example',
            },
          ],
        },
      },
    });
    shown.channels.email.providers[0].port = attackerMail.port;
    const put = await client.request('PUT', '/v1/settings', shown);
    await client.post('/v1/settings/test-send', { channel: 'email', to: 'p@shop.example' });
    expect(attackerMail.passwords).not.toContain(SMTP_PASS);
    expect(put.status).toBe(400);
    expect(movedFields(put.body)).toEqual(['body.channels.email.providers.0.auth.pass']);
    expect(mail.messages.at(-1)?.envelopeTo).toEqual(['p@shop.example']);
  });

  it("refuses the validator's, a webhook's, Diyalog's and the messenger bot's masked secrets sent to a new URL", async () => {
    const service = await startFakeCodeService();
    try {
      const { client, appId, shown } = await appWith('Hooked Shop', {
        channels: {
          sms: {
            providers: [
              {
                type: 'http',
                name: 'maker',
                request: { url: `${service.url}/send`, body: { to: '{{to}}' } },
                generatesCode: true,
                referencePointer: '/ref',
              },
            ],
          },
        },
        validator: {
          type: 'http',
          request: { url: `${service.url}/check`, headers: { 'X-Check-Key': VAR_KEY } },
        },
        webhooks: [{ url: `${gateway.url}/hook`, events: ['message.sent'], secret: HOOK_SECRET }],
        dialects: { diyalog: { secret: DIYALOG_SECRET, webhookUrl: null } },
        messenger: { bot: { url: `${gateway.url}/bot`, secret: HOOK_SECRET } },
      });
      const before = await server.deps.settings.get(appId);
      const attack = structuredClone(shown);
      attack.messenger.bot.url = `${attacker.url}/bot`;
      attack.validator.request.url = `${attacker.url}/check`;
      attack.webhooks[0].url = `${attacker.url}/hook`;
      attack.dialects.diyalog.webhookUrl = `${attacker.url}/diyalog`;
      const put = await client.request('PUT', '/v1/settings', attack);
      expect(put.status).toBe(400);
      expect(movedFields(put.body)).toEqual([
        'body.dialects.diyalog.secret',
        'body.messenger.bot.secret',
        'body.validator.request.headers.X-Check-Key',
        'body.webhooks.0.secret',
      ]);
      expect(await server.deps.settings.get(appId)).toEqual(before);
      // Unchanged URLs keep every masked secret.
      const same = await client.request('PUT', '/v1/settings', shown);
      expect(same.status, same.text).toBe(200);
      expect(await server.deps.settings.get(appId)).toEqual(before);
    } finally {
      await service.close();
    }
  });
});
