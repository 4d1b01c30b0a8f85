import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../../../test/helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { createClient } from '../../../test/helpers/http-client.ts';
import { twilioFailure, twilioSdk } from '../../../test/helpers/twilio-sdk.ts';
import { verificationIdOfPin } from '../../dialects/domain/beem-pin-ids.ts';
import type { AppDialectIds } from '../../dialects/domain/dialect-ids.ts';
import { nativeVerificationId } from '../../dialects/twilio/sids.ts';

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
