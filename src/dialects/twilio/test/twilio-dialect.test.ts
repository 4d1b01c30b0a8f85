import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../../test/helpers/harness.ts';
import { type Client, createClient } from '../../../../test/helpers/http-client.ts';
import { twilioFailure, twilioSdk } from '../../../../test/helpers/twilio-sdk.ts';
import type { AppDialectIds } from '../../domain/dialect-ids.ts';
import { nativeVerificationId } from '../sids.ts';

/** The Twilio Verify v2 dialect, driven by the official `twilio` client. */
describe('Twilio Verify compatible API', () => {
  let server: TestServer;
  let native: Client;
  let apiKey: string;
  let ids: AppDialectIds;
  let sdk: ReturnType<typeof twilioSdk>;
  let service: ReturnType<ReturnType<typeof twilioSdk>['verify']['v2']['services']>;
  let numbers = 0;
  const nextNumber = () => `+90555140${String(1000 + numbers++)}`;

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_DIALECT_HOSTS: 'twilio=verify.example.test' } });
    const created = await server.createApp('Twilio Shop');
    native = created.client;
    apiKey = created.apiKey;
    const app = await server.deps.store.getApp(created.appId);
    if (!app?.dialects) throw new Error('the app has no dialect identities');
    ids = app.dialects;
    sdk = twilioSdk(`${server.url}/twilio`, ids.twilioAccountSid, apiKey);
    service = sdk.verify.v2.services(ids.twilioServiceSid);
  });
  afterAll(() => server.close());

  const codeOf = (sid: string) => server.readCode(native, nativeVerificationId(sid) as string);

  it('creates a verification and checks it by To: wrong code pending, right code approved', async () => {
    const to = nextNumber();
    const v = await service.verifications.create({ to, channel: 'sms', locale: 'en' });
    expect(v.sid).toMatch(/^VE[0-9a-f]{32}$/);
    expect(v).toMatchObject({
      serviceSid: ids.twilioServiceSid,
      accountSid: ids.twilioAccountSid,
      to,
      channel: 'sms',
      status: 'pending',
      valid: false,
    });
    expect(v.sendCodeAttempts).toHaveLength(1);
    expect(v.url).toBe(
      `${server.url}/twilio/v2/Services/${ids.twilioServiceSid}/Verifications/${v.sid}`,
    );
    expect(v.dateCreated).toBeInstanceOf(Date);
    const code = await codeOf(v.sid);
    const wrong = code === '000000' ? '111111' : '000000';

    const miss = await service.verificationChecks.create({ to, code: wrong });
    expect(miss).toMatchObject({ sid: v.sid, status: 'pending', valid: false });
    const hit = await service.verificationChecks.create({ to, code });
    expect(hit).toMatchObject({ sid: v.sid, status: 'approved', valid: true, to });

    // Finished: Twilio forgets it, so a fetch and another check are 404.
    expect(await twilioFailure(service.verifications(v.sid).fetch())).toMatchObject({
      status: 404,
      code: 20404,
      moreInfo: 'https://www.twilio.com/docs/errors/20404',
    });
    expect(await twilioFailure(service.verificationChecks.create({ to, code }))).toMatchObject({
      status: 404,
      code: 20404,
    });
  });

  it("ends the SMS with AppHash, Android's SMS Retriever line, as Twilio does", async () => {
    const to = nextNumber();
    const v = await service.verifications.create({ to, channel: 'sms', appHash: 'Zq3/8kLm0Pw' });
    const code = await codeOf(v.sid);
    const messages = await native.get(`/v1/sandbox/messages?to=${encodeURIComponent(to)}`);
    const text: string = messages.body.data[0].body;
    expect(text).toContain(code);
    expect(text.split('\n').at(-1)).toBe('Zq3/8kLm0Pw');
  });

  it('checks by VerificationSid', async () => {
    const v = await service.verifications.create({ to: nextNumber(), channel: 'sms' });
    const check = await service.verificationChecks.create({
      verificationSid: v.sid,
      code: await codeOf(v.sid),
    });
    expect(check).toMatchObject({ sid: v.sid, status: 'approved', valid: true });
    const record = await native.get(`/v1/verifications/${nativeVerificationId(v.sid)}`);
    expect(record.body).toMatchObject({ status: 'approved' }); // the same native record
  });

  it('fetches a pending verification and cancels it; then it is gone', async () => {
    const to = nextNumber();
    const v = await service.verifications.create({
      to,
      channel: 'sms',
      customFriendlyName: 'Shop',
      tags: JSON.stringify({ order: '42' }),
      deviceIp: '203.0.113.7',
    });
    const fetched = await service.verifications(v.sid).fetch();
    expect(fetched).toMatchObject({ sid: v.sid, to, status: 'pending' });
    const record = await native.get(`/v1/verifications/${nativeVerificationId(v.sid)}`);
    expect(record.body.metadata).toEqual({ friendlyName: 'Shop', tags: { order: '42' } });

    const canceled = await service.verifications(v.sid).update({ status: 'canceled' });
    expect(canceled).toMatchObject({ sid: v.sid, status: 'canceled' });
    expect(await twilioFailure(service.verifications(v.sid).fetch())).toMatchObject({
      code: 20404,
    });
    expect(
      await twilioFailure(service.verifications(v.sid).update({ status: 'canceled' })),
    ).toMatchObject({ status: 404, code: 20404 });
  });

  it('fetches and cancels by To in place of the SID, as Twilio allows', async () => {
    const to = nextNumber();
    const v = await service.verifications.create({ to, channel: 'sms' });
    expect((await service.verifications(to).fetch()).sid).toBe(v.sid);
    expect(await service.verifications(to).update({ status: 'canceled' })).toMatchObject({
      sid: v.sid,
      status: 'canceled',
    });
    expect(await twilioFailure(service.verifications(to).fetch())).toMatchObject({ code: 20404 });
    expect(await twilioFailure(service.verifications(nextNumber()).fetch())).toMatchObject({
      code: 20404,
    });
  });

  it("answers the app's geo and number-type refusals with 60605 and 60205", async () => {
    const shop = await server.createApp('Geo Shop');
    const saved = await shop.client.request('PUT', '/v1/settings', {
      geo: { sms: { allow: ['TR'] } },
    });
    expect(saved.status, saved.text).toBe(200);
    const shopIds = (await server.deps.store.getApp(shop.appId))?.dialects as AppDialectIds;
    const shopService = twilioSdk(
      `${server.url}/twilio`,
      shopIds.twilioAccountSid,
      shop.apiKey,
    ).verify.v2.services(shopIds.twilioServiceSid);
    expect(
      await twilioFailure(
        shopService.verifications.create({ to: '+447911123456', channel: 'sms' }),
      ),
    ).toMatchObject({ status: 403, code: 60605 });
    // Premium-rate numbers are off by default.
    expect(
      await twilioFailure(service.verifications.create({ to: '+449098790000', channel: 'sms' })),
    ).toMatchObject({ status: 400, code: 60205 });
  });

  it('answers 60200 for bad parameters', async () => {
    const bad = [
      { to: 'not a number', channel: 'sms' },
      { to: nextNumber(), channel: 'fax' },
      { to: nextNumber(), channel: 'sms', tags: '[1,2]' },
      { to: nextNumber(), channel: 'sms', deviceIp: 'nowhere' },
      { to: nextNumber(), channel: 'sms', appHash: 'not-a-hash' },
    ];
    for (const params of bad) {
      expect(await twilioFailure(service.verifications.create(params))).toMatchObject({
        status: 400,
        code: 60200,
      });
    }
    expect(
      await twilioFailure(service.verificationChecks.create({ code: '123456' })),
    ).toMatchObject({ status: 400, code: 60200 });
  });

  it('refuses wrong credentials with 20003 and another service with 20404', async () => {
    const other = await server.createApp('Other');
    const otherIds = (await server.deps.store.getApp(other.appId))?.dialects as AppDialectIds;
    // Right key, another app's account SID; and another app's key with this account SID.
    for (const [sid, key] of [
      [otherIds.twilioAccountSid, apiKey],
      [ids.twilioAccountSid, other.apiKey],
      [ids.twilioAccountSid, 'otpd_unknown'],
    ] as const) {
      const stranger = twilioSdk(`${server.url}/twilio`, sid, key);
      const attempt = stranger.verify.v2
        .services(ids.twilioServiceSid)
        .verifications.create({ to: nextNumber(), channel: 'sms' });
      expect(await twilioFailure(attempt)).toMatchObject({ status: 401, code: 20003 });
    }
    const wrongService = sdk.verify.v2
      .services(otherIds.twilioServiceSid)
      .verifications.create({ to: nextNumber(), channel: 'sms' });
    expect(await twilioFailure(wrongService)).toMatchObject({ status: 404, code: 20404 });

    const anonymous = await createClient(server.url).post(
      `/twilio/v2/Services/${ids.twilioServiceSid}/Verifications`,
      'To=%2B905551409999&Channel=sms',
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
    expect(anonymous.body).toEqual({
      code: 20003,
      message: expect.any(String),
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  it("does not reach another app's verification by SID (I5)", async () => {
    const other = await server.createApp('Neighbour');
    const theirs = await other.client.post('/v1/verifications', { to: nextNumber() });
    const sid = `VE${'0'.repeat(32)}`;
    expect(await twilioFailure(service.verifications(sid).fetch())).toMatchObject({
      code: 20404,
    });
    const { verificationSid } = await import('../sids.ts');
    const foreign = verificationSid(theirs.body.id);
    expect(await twilioFailure(service.verifications(foreign).fetch())).toMatchObject({
      code: 20404,
    });
    expect(
      await twilioFailure(
        service.verificationChecks.create({ verificationSid: foreign, code: '123456' }),
      ),
    ).toMatchObject({ code: 20404 });
  });

  it('keeps the native API JSON-only: a form body there is 415', async () => {
    const response = await native.post(
      '/v1/verifications',
      `to=${encodeURIComponent('+905551408888')}`,
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('unsupported_media_type');
  });

  it('documents the dialects in the OpenAPI document, Twilio with form bodies', async () => {
    const doc = (await createClient(server.url).get('/openapi.json')).body;
    const create = doc.paths['/twilio/v2/Services/{ServiceSid}/Verifications'].post;
    expect(Object.keys(create.requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
    expect(
      create.requestBody.content['application/x-www-form-urlencoded'].schema.properties,
    ).toHaveProperty('To');
    for (const path of [
      '/twilio/v2/Services/{ServiceSid}/Verifications/{Sid}',
      '/twilio/v2/Services/{ServiceSid}/VerificationCheck',
      '/beem/v1/request',
      '/beem/v1/verify',
      '/beem/api/v1/request',
      '/beem/api/v1/verify',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(doc.components.securitySchemes.basicAuth).toMatchObject({ scheme: 'basic' });
  });

  it('serves the dialect at the root of its host (OTPD_DIALECT_HOSTS)', async () => {
    const to = nextNumber();
    const auth = Buffer.from(`${ids.twilioAccountSid}:${apiKey}`).toString('base64');
    const { port } = new URL(server.url);
    const answer = await new Promise<{ status: number; body: Record<string, unknown> }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/v2/Services/${ids.twilioServiceSid}/Verifications`,
            headers: {
              host: `verify.example.test:${port}`,
              authorization: `Basic ${auth}`,
              'content-type': 'application/x-www-form-urlencoded',
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => {
              text += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(new URLSearchParams({ To: to, Channel: 'sms' }).toString());
      },
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ to, status: 'pending' });
    // The resource URL is where this client reached it: the host's root, no prefix.
    expect(answer.body.url).toBe(
      `http://verify.example.test:${port}/v2/Services/${ids.twilioServiceSid}/Verifications/${answer.body.sid}`,
    );
    // Other hosts still see the native API at the root.
    expect((await native.get('/v1/verifications/ver_nope')).status).toBe(404);
  });
});
