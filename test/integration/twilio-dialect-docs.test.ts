import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDialectIds } from '../../src/domain/dialect-ids.ts';
import { nativeVerificationId } from '../../src/http/dialects/twilio/sids.ts';
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
      const approved = await service.verifications(v.sid).update({ status: 'approved' });
      expect(approved).toMatchObject({ sid: v.sid, status: 'approved', valid: true });
      const record = await native.get(`/v1/verifications/${nativeVerificationId(v.sid)}`);
      expect(record.body).toMatchObject({ status: 'approved', reason: 'approved_by_app' });
      expect(record.body.approvedAt).toEqual(expect.any(String));
      // Finished: Twilio forgets it, and its code no longer checks.
      expect(await twilioFailure(service.verifications(v.sid).fetch())).toMatchObject({
        code: 20404,
      });
      const late = service.verificationChecks.create({ to, code: await codeOf(v.sid) });
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
