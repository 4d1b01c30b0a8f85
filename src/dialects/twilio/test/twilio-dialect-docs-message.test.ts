import { describe, expect, it } from 'vitest';
import { twilioFailure } from '../../../../test/helpers/twilio-sdk.ts';
import { nativeVerificationId } from '../sids.ts';
import { type DocsShop, useDocsShop } from './twilio-dialect-docs-fixture.ts';

/**
 * The Twilio Verify v2 dialect against Twilio's documentation, section by section, driven by
 * the official `twilio` client: the parameters that shape the code and its message.
 */
describe('Verify API', () => {
  let native: DocsShop['native'];
  let service: DocsShop['service'];
  const { appWith, codeOf, textTo, nextNumber } = useDocsShop(
    (shop) => ({ native, service } = shop),
  );

  describe('Verify API › Start a new verification › CustomCode', () => {
    it('refuses CustomCode with 60204 while dialects.twilio.allowCustomCode is off (the default)', async () => {
      const to = nextNumber();
      const attempt = service.verifications.create({
        to,
        channel: 'sms',
        customCode: '482913',
      });
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
});
