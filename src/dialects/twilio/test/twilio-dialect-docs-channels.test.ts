import { describe, expect, it } from 'vitest';
import { twilioFailure } from '../../../../test/helpers/twilio-sdk.ts';
import { nativeVerificationId } from '../sids.ts';
import { type DocsShop, useDocsShop } from './twilio-dialect-docs-fixture.ts';

/**
 * The Twilio Verify v2 dialect against Twilio's documentation, section by section, driven by
 * the official `twilio` client: channels, parameters otpd refuses, checks and status updates.
 */
describe('Verify API', () => {
  let native: DocsShop['native'];
  let service: DocsShop['service'];
  const { appWith, codeOf, wrongFor, textTo, nextNumber } = useDocsShop(
    (shop) => ({ native, service } = shop),
  );

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
