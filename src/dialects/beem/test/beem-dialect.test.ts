import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../../test/helpers/harness.ts';
import { type Client, createClient } from '../../../../test/helpers/http-client.ts';
import { verificationIdOfPin } from '../../domain/beem-pin-ids.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Beem OTP dialect, with the payloads Beem documents. */
describe('Beem OTP compatible API', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let native: Client;
  let beem: Client;
  let appId: string;
  let beemAppId: number;
  let basic: string;
  let numbers = 0;
  const nextMsisdn = () => `90555150${String(1000 + numbers++)}`;
  const sent = (pinId: unknown) => ({
    data: { pinId, message: { code: 100, message: 'SMS sent successfully' } },
  });
  const result = (code: number, message: string) => ({ data: { message: { code, message } } });

  beforeAll(async () => {
    server = await startServer({ clock });
    const created = await server.createApp('Beem Shop');
    native = created.client;
    appId = created.appId;
    beemAppId = (await server.deps.store.getApp(appId))?.dialects?.beemAppId as number;
    basic = `Basic ${Buffer.from(`${appId}:${created.apiKey}`).toString('base64')}`;
    const plain = createClient(server.url);
    beem = {
      ...plain,
      post: (path, body, headers) => plain.post(path, body, { authorization: basic, ...headers }),
    };
  });
  afterAll(() => server.close());

  async function requestPin(msisdn = nextMsisdn(), id: number | string = beemAppId) {
    const response = await beem.post('/beem/v1/request', { appId: id, msisdn });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual(sent(expect.stringMatching(UUID)));
    const pinId = response.body.data.pinId as string;
    return { pinId, pin: await server.readCode(native, verificationIdOfPin(pinId) as string) };
  }
  const verify = (pinId: unknown, pin: unknown, path = '/beem/v1/verify') =>
    beem.post(path, { pinId, pin });
  const wrongPin = (pin: string) => (pin === '000000' ? '111111' : '000000');

  it('sends a pin and verifies it: 114 for a wrong pin, 117 for the right one, 118 after', async () => {
    const { pinId, pin } = await requestPin();
    expect((await verify(pinId, wrongPin(pin))).body).toEqual(result(114, 'Incorrect Pin'));
    // Whatever a user types is only a wrong pin.
    expect((await verify(pinId, 'abc')).body.data.message.code).toBe(114);
    expect((await verify(pinId, Number(wrongPin(pin)))).body.data.message.code).toBe(114);
    const ok = await verify(pinId, pin);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(result(117, 'Valid Pin'));
    expect((await verify(pinId, pin)).body).toEqual(result(118, 'Pin already used'));
  });

  it('takes appId as a string and answers under /api/v1 too', async () => {
    const response = await beem.post('/beem/api/v1/request', {
      appId: String(beemAppId),
      msisdn: nextMsisdn(),
    });
    expect(response.body).toEqual(sent(expect.any(String)));
    const pinId = response.body.data.pinId;
    const pin = await server.readCode(native, verificationIdOfPin(pinId) as string);
    expect((await verify(pinId, pin, '/beem/api/v1/verify')).body.data.message.code).toBe(117);
  });

  it('answers missing and unknown fields with their codes, at HTTP 200', async () => {
    const cases: [unknown, number][] = [
      [{ msisdn: nextMsisdn() }, 104],
      [{ appId: '', msisdn: nextMsisdn() }, 104],
      [{ appId: beemAppId + 1, msisdn: nextMsisdn() }, 106],
      [{ appId: 'abc', msisdn: nextMsisdn() }, 106],
      [{ appId: beemAppId }, 103],
      [{ appId: beemAppId, msisdn: 'abc' }, 102],
      [{ appId: beemAppId, msisdn: '12' }, 102],
      [{ appId: beemAppId, msisdn: '999999999999' }, 102],
    ];
    for (const [body, code] of cases) {
      const response = await beem.post('/beem/v1/request', body);
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(response.body.data.message.code, JSON.stringify(body)).toBe(code);
      expect(response.body.data.pinId).toBeUndefined();
    }
    const verifies: [unknown, number][] = [
      [{ pin: '123456' }, 112],
      [{ pinId: 'ver_x' }, 111],
      [{ pinId: 'ver_unknown', pin: '123456' }, 113],
      // Overlong values are read and answered, not mistaken for missing ones.
      [{ pinId: `ver_${'x'.repeat(200)}`, pin: '123456' }, 113],
    ];
    for (const [body, code] of verifies) {
      const response = await beem.post('/beem/v1/verify', body);
      expect(response.status).toBe(200);
      expect(response.body.data.message.code, JSON.stringify(body)).toBe(code);
    }
  });

  it("does not verify another app's pin (I5)", async () => {
    const other = await server.createApp('Neighbour');
    const theirs = await other.client.post('/v1/verifications', { to: `+${nextMsisdn()}` });
    const pin = await server.readCode(other.client, theirs.body.id);
    expect((await verify(theirs.body.id, pin)).body).toEqual(result(113, 'Pin Id not found'));
  });

  it('answers 116 once the attempts are spent, whatever pin follows', async () => {
    const { pinId, pin } = await requestPin();
    for (let i = 0; i < 4; i++) {
      expect((await verify(pinId, wrongPin(pin))).body.data.message.code).toBe(114);
    }
    expect((await verify(pinId, wrongPin(pin))).body).toEqual(result(116, 'Attempts Exceeded'));
    expect((await verify(pinId, pin)).body.data.message.code).toBe(116);
  });

  it('answers 115 for a pin replaced by a newer one, and for an expired pin', async () => {
    const msisdn = nextMsisdn();
    const first = await requestPin(msisdn);
    await requestPin(msisdn);
    expect((await verify(first.pinId, first.pin)).body).toEqual(result(115, 'Pin Timeout'));
    const late = await requestPin();
    clock.advance(601_000);
    expect((await verify(late.pinId, late.pin)).body).toEqual(result(115, 'Pin Timeout'));
  });

  it('answers a send limit with 101 at HTTP 200, saying when to retry', async () => {
    const msisdn = nextMsisdn();
    for (let i = 0; i < 5; i++) await requestPin(msisdn);
    const refused = await beem.post('/beem/v1/request', { appId: beemAppId, msisdn });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual(result(101, 'Failed to send SMS'));
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("answers the app's geo and number-type refusals with 101 at HTTP 200", async () => {
    const settings = (body: unknown) => native.request('PUT', '/v1/settings', body);
    const refusal = async (msisdn: string) => {
      const refused = await beem.post('/beem/v1/request', { appId: beemAppId, msisdn });
      expect(refused.status).toBe(200);
      expect(refused.body, msisdn).toEqual(result(101, 'Failed to send SMS'));
    };
    expect((await settings({ geo: { sms: { allow: ['TR'] } } })).status).toBe(200);
    await refusal('255754123456');
    expect((await settings({})).status).toBe(200);
    await refusal('449098790000'); // premium rate: off by default
  });

  it('answers 401 only for bad credentials', async () => {
    const other = await server.createApp('Other');
    const plain = createClient(server.url);
    const attempts = [
      undefined,
      `Bearer ${other.apiKey}`,
      `Basic ${Buffer.from(`${other.appId}:${basic}`).toString('base64')}`,
      // This app's id with another app's key.
      `Basic ${Buffer.from(`${appId}:${other.apiKey}`).toString('base64')}`,
    ];
    for (const authorization of attempts) {
      const response = await plain.post(
        '/beem/v1/request',
        { appId: beemAppId, msisdn: nextMsisdn() },
        authorization ? { authorization } : {},
      );
      expect(response.status).toBe(401);
      expect(response.body).toEqual(result(120, 'Authentication failed'));
    }
  });

  it('answers a body it cannot read with 400 and the code of what it lacks', async () => {
    const broken = await beem.post('/beem/v1/request', '{"appId":', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.data.message.code).toBe(104);
    const wrongType = await beem.post('/beem/v1/verify', { pinId: ['x'], pin: '1' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.data.message.code).toBe(112);
  });
});
