import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDialectIds } from '../../src/dialects/domain/dialect-ids.ts';
import { nativeVerificationId } from '../../src/dialects/twilio/sids.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import type { Client } from '../helpers/http-client.ts';
import { twilioFailure, twilioSdk } from '../helpers/twilio-sdk.ts';

/**
 * The Twilio Verify v2 dialect against Twilio's documentation, section by section, driven by
 * the official `twilio` client.
 */
describe('Verify API', () => {
  let server: TestServer;
  let native: Client;
  let ids: AppDialectIds;
  let service: ReturnType<ReturnType<typeof twilioSdk>['verify']['v2']['services']>;
  let numbers = 0;
  const nextNumber = () => `+90555150${String(1000 + numbers++)}`;

  /** A second app with its own settings, reached through its own Twilio identities. */
  async function appWith(name: string, settings: Record<string, unknown>) {
    const shop = await server.createApp(name);
    const saved = await shop.client.request('PUT', '/v1/settings', settings);
    expect(saved.status, saved.text).toBe(200);
    const shopIds = (await server.deps.store.getApp(shop.appId))?.dialects as AppDialectIds;
    const sdk = twilioSdk(`${server.url}/twilio`, shopIds.twilioAccountSid, shop.apiKey);
    return { client: shop.client, service: sdk.verify.v2.services(shopIds.twilioServiceSid) };
  }

  beforeAll(async () => {
    server = await startServer();
    const created = await server.createApp('Docs Shop');
    native = created.client;
    const app = await server.deps.store.getApp(created.appId);
    if (!app?.dialects) throw new Error('the app has no dialect identities');
    ids = app.dialects;
    service = twilioSdk(
      `${server.url}/twilio`,
      ids.twilioAccountSid,
      created.apiKey,
    ).verify.v2.services(ids.twilioServiceSid);
  });
  afterAll(() => server.close());

  const codeOf = (sid: string) => server.readCode(native, nativeVerificationId(sid) as string);
  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

  /** The newest sandbox text sent to `to`. */
  async function textTo(client: Client, to: string): Promise<string> {
    for (let i = 0; i < 250; i++) {
      const messages = await client.get(`/v1/sandbox/messages?to=${encodeURIComponent(to)}`);
      if (messages.body.data[0]) return messages.body.data[0].body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`nothing was sent to ${to}`);
  }

  describe('Verify API › Start a new verification › CustomCode', () => {
    it('refuses CustomCode with 60204 while dialects.twilio.allowCustomCode is off (the default)', async () => {
      const to = nextNumber();
      const attempt = service.verifications.create({ to, channel: 'sms', customCode: '482913' });
      expect(await twilioFailure(attempt)).toEqual({
        status: 403,
        code: 60204,
        message: expect.stringContaining('Service does not support this feature'),
        moreInfo: 'https://www.twilio.com/docs/errors/60204',
      });
      const sent = await native.get(`/v1/sandbox/messages?to=${encodeURIComponent(to)}`);
      expect(sent.body.data).toEqual([]);
    });

    it('sends and checks the given code when the app allows custom codes', async () => {
      const shop = await appWith('Custom Codes', {
        dialects: { twilio: { allowCustomCode: true } },
      });
      const to = nextNumber();
      const v = await shop.service.verifications.create({ to, channel: 'sms', customCode: '4829' });
      expect(await textTo(shop.client, to)).toContain('4829');
      const record = await shop.client.get(`/v1/verifications/${nativeVerificationId(v.sid)}`);
      expect(JSON.stringify(record.body)).not.toContain('4829');
      const miss = await shop.service.verificationChecks.create({ to, code: '4828' });
      expect(miss).toMatchObject({ status: 'pending', valid: false });
      const hit = await shop.service.verificationChecks.create({ to, code: '4829' });
      expect(hit).toMatchObject({ sid: v.sid, status: 'approved', valid: true });
      const bad = shop.service.verifications.create({ to, channel: 'sms', customCode: '12' });
      expect(await twilioFailure(bad)).toMatchObject({ status: 400, code: 60200 });
    });
  });

  describe('Verify API › Start a new verification › CustomFriendlyName and Locale', () => {
    it("puts the friendly name in place of the app's name, in the language Locale names", async () => {
      const to = nextNumber();
      await service.verifications.create({
        to,
        channel: 'sms',
        locale: 'de',
        customFriendlyName: 'Bäckerei Kaya',
      });
      expect(await textTo(native, to)).toMatch(
        /^Ihr Bestätigungscode für Bäckerei Kaya lautet [0-9]{6}\. Er ist 10 Minuten gültig\.$/,
      );
      const other = nextNumber();
      await service.verifications.create({ to: other, channel: 'sms', locale: 'fr' });
      expect(await textTo(native, other)).toMatch(/^Votre code de vérification Docs Shop est/);
    });

    it('refuses a friendly name with braces, which would open a placeholder', async () => {
      const attempt = service.verifications.create({
        to: nextNumber(),
        channel: 'sms',
        customFriendlyName: '{{code}}',
      });
      expect(await twilioFailure(attempt)).toMatchObject({ status: 400, code: 60200 });
    });
  });

  describe('Verify API › Start a new verification › AppHash', () => {
    it('appends the SMS Retriever hash at the end of the SMS body', async () => {
      const to = nextNumber();
      await service.verifications.create({ to, channel: 'sms', appHash: 'He42w354ol9' });
      expect((await textTo(native, to)).split('\n').at(-1)).toBe('He42w354ol9');
    });
  });

  describe('Verify API › Start a new verification › Amount and Payee (PSD2)', () => {
    it('words the SMS with the amount and payee and answers them on the resource', async () => {
      const to = nextNumber();
      const v = await service.verifications.create({
        to,
        channel: 'sms',
        amount: '€39.99',
        payee: 'Acme Inc.',
      });
      expect(v).toMatchObject({ amount: '€39.99', payee: 'Acme Inc.' });
      expect(await textTo(native, to)).toMatch(
        /^Your Docs Shop verification code is: [0-9]{6}\. Amount: €39\.99, Payee: Acme Inc\.$/,
      );
      const code = await codeOf(v.sid);
      // Dynamic linking: the right code for another amount does not approve.
      const other = await service.verificationChecks.create({
        to,
        code,
        amount: '€399.99',
        payee: 'Acme Inc.',
      });
      expect(other).toMatchObject({ status: 'pending', valid: false });
      const check = await service.verificationChecks.create({
        to,
        code,
        amount: '€39.99',
        payee: 'Acme Inc.',
      });
      expect(check).toMatchObject({ valid: true, amount: '€39.99', payee: 'Acme Inc.' });
    });

    it('refuses Amount without Payee with 60200', async () => {
      const attempt = service.verifications.create({
        to: nextNumber(),
        channel: 'sms',
        amount: '5',
      });
      expect(await twilioFailure(attempt)).toMatchObject({ status: 400, code: 60200 });
    });
  });

  describe('Verify API › Start a new verification › CustomMessage', () => {
    it('sends the custom message with the code in place of {{code}}', async () => {
      const to = nextNumber();
      await service.verifications.create({
        to,
        channel: 'sms',
        customMessage: 'Kod: {{code}} - kimseyle paylaşmayın',
      });
      expect(await textTo(native, to)).toMatch(/^Kod: [0-9]{6} - kimseyle paylaşmayın$/);
      const without = service.verifications.create({
        to: nextNumber(),
        channel: 'sms',
        customMessage: 'no code here',
      });
      expect(await twilioFailure(without)).toMatchObject({ status: 400, code: 60200 });
    });
  });

  describe('Verify API › Start a new verification › parameters otpd cannot honour', () => {
    it('answers 60200 for TemplateSid, Templates, SendDigits, ChannelConfiguration, RiskCheck=disable', async () => {
      const cases: Record<string, unknown>[] = [
        { templateSid: `HJ${'0'.repeat(32)}` },
        { templates: JSON.stringify([{ sid: `HJ${'0'.repeat(32)}` }]) },
        { templateCustomSubstitutions: JSON.stringify({ a: 'b' }) },
        { sendDigits: 'ww1234' },
        { channelConfiguration: { from: 'a@shop.example' } },
        { riskCheck: 'disable' },
      ];
      for (const extra of cases) {
        const to = nextNumber();
        const attempt = service.verifications.create({ to, channel: 'sms', ...extra });
        expect(await twilioFailure(attempt), JSON.stringify(extra)).toMatchObject({
          status: 400,
          code: 60200,
        });
      }
      const enabled = await service.verifications.create({
        to: nextNumber(),
        channel: 'sms',
        riskCheck: 'enable',
      });
      expect(enabled.status).toBe('pending');
    });
  });

  describe('Verify API › Start a new verification › Channel', () => {
    it('places a call for Channel=call, reading the code twice', async () => {
      const to = nextNumber();
      const v = await service.verifications.create({ to, channel: 'call' });
      expect(v).toMatchObject({ channel: 'call', status: 'pending' });
      expect(v.sendCodeAttempts[0]).toMatchObject({ channel: 'call' });
      const text = await textTo(native, to);
      const spoken = /is: ([0-9](?:, [0-9]){5})\.\nAgain, your code is: ([0-9, ]+)\.$/.exec(text);
      expect(spoken, text).not.toBeNull();
      const code = (spoken?.[1] ?? '').replaceAll(', ', '');
      expect(await service.verificationChecks.create({ to, code })).toMatchObject({
        valid: true,
        channel: 'call',
      });
    });

    it('sends Channel=auto as SMS', async () => {
      const v = await service.verifications.create({ to: nextNumber(), channel: 'auto' });
      expect(v.channel).toBe('sms');
    });

    it('answers 60223 for channels otpd does not deliver', async () => {
      for (const channel of ['sna', 'passkeys', 'rcs']) {
        const attempt = service.verifications.create({ to: nextNumber(), channel });
        expect(await twilioFailure(attempt), channel).toMatchObject({
          status: 400,
          code: 60223,
          moreInfo: 'https://www.twilio.com/docs/errors/60223',
        });
      }
    });

    it('answers 60223 for a channel the app left on the sandbox while its SMS goes out for real', async () => {
      const shop = await appWith('Real SMS', {
        channels: {
          sms: {
            providers: [
              {
                type: 'twilio',
                name: 'tw',
                accountSid: `AC${'1'.repeat(32)}`,
                authToken: 'token-of-the-shop',
                from: '+15017122661',
              },
            ],
          },
        },
      });
      for (const [channel, to] of [
        ['whatsapp', nextNumber()],
        ['email', 'ayse@shop.example'],
        ['call', nextNumber()],
      ]) {
        const attempt = shop.service.verifications.create({
          to: to as string,
          channel: channel as string,
        });
        expect(await twilioFailure(attempt), channel).toMatchObject({ status: 400, code: 60223 });
      }
    });
  });

  describe('Verification Check › Check a verification (60202 Max check attempts reached)', () => {
    it('answers the fifth wrong code with 200 pending; only a check after it is 429 / 60202', async () => {
      const to = nextNumber();
      const v = await service.verifications.create({ to, channel: 'sms' });
      const code = await codeOf(v.sid);
      for (let i = 0; i < 5; i++) {
        const miss = await service.verificationChecks.create({ to, code: wrongFor(code) });
        expect(miss, `attempt ${i + 1}`).toMatchObject({
          sid: v.sid,
          status: 'pending',
          valid: false,
        });
      }
      expect(await twilioFailure(service.verificationChecks.create({ to, code }))).toEqual({
        status: 429,
        code: 60202,
        message: 'Max check attempts reached',
        moreInfo: 'https://www.twilio.com/docs/errors/60202',
      });
      const bySid = service.verificationChecks.create({ verificationSid: v.sid, code });
      expect(await twilioFailure(bySid)).toMatchObject({ status: 429, code: 60202 });
    });
  });

  describe('Verification › Update a Verification status', () => {
    it('approves a pending verification with Status=approved', async () => {
      const to = nextNumber();
      const v = await service.verifications.create({ to, channel: 'sms' });
      const code = await codeOf(v.sid);
      const approved = await service.verifications(v.sid).update({ status: 'approved' });
      expect(approved).toMatchObject({ sid: v.sid, status: 'approved', valid: true });
      const record = await native.get(`/v1/verifications/${nativeVerificationId(v.sid)}`);
      expect(record.body).toMatchObject({ status: 'approved', reason: 'approved_by_app' });
      expect(record.body.approvedAt).toEqual(expect.any(String));
      // Finished: Twilio forgets it, and its code no longer checks.
      expect(await twilioFailure(service.verifications(v.sid).fetch())).toMatchObject({
        code: 20404,
      });
      const late = service.verificationChecks.create({ to, code });
      expect(await twilioFailure(late)).toMatchObject({ status: 404, code: 20404 });
    });

    it('approves by To as well, and refuses any other status with 60200', async () => {
      const to = nextNumber();
      const v = await service.verifications.create({ to, channel: 'sms' });
      const update = (status: string) =>
        service.verifications(v.sid).update({ status: status as 'approved' });
      expect(await twilioFailure(update('pending'))).toMatchObject({ status: 400, code: 60200 });
      expect(await service.verifications(to).update({ status: 'approved' })).toMatchObject({
        sid: v.sid,
        status: 'approved',
      });
    });
  });
});
