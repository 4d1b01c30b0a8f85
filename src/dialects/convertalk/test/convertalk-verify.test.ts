import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock.ts';
import type { FakeTwilio } from '../../../../test/helpers/fake-twilio.ts';
import type { TestServer } from '../../../../test/helpers/harness.ts';
import type { Client } from '../../../../test/helpers/http-client.ts';
import { type ConvertalkApp, startConvertalkApp, VERIFY } from './convertalk-fixture.ts';

describe('convertalk verify-user-otp: checking the typed code', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let twilio: FakeTwilio;
  let client: Client;
  let sendCode: ConvertalkApp['sendCode'];

  beforeAll(async () => {
    ({ server, twilio, client, sendCode } = await startConvertalkApp(clock));
  });
  afterAll(async () => {
    await server.close();
    await twilio.close();
  });

  it('verifies the right code once', async () => {
    const { code, answer } = await sendCode();
    const right = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({
      success: true,
      verified: true,
      status: 'approved',
      attemptsRemaining: 4,
      message: 'The code is correct.',
    });
    const again = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(again.body).toMatchObject({ success: true, verified: false, status: 'approved' });
    expect(again.body.message).toMatch(/already used/);
    const read = await client.get(`/v1/verifications/${answer.verificationId}`);
    expect(read.body.status).toBe('approved');
  });

  it('accepts the typed code as a number too, as a flow may save it', async () => {
    const { code, answer } = await sendCode();
    const right = await client.post(VERIFY, {
      systemOtp: answer.systemOtp,
      userOtp: Number(code),
    });
    // A code with a leading zero loses it as a number: then it is simply wrong.
    expect(right.body.verified).toBe(!code.startsWith('0'));
  });

  it('counts wrong codes down, then refuses even the right one', async () => {
    const { code, answer } = await sendCode();
    const wrong = code === '000000' ? '000001' : '000000';
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: wrong });
      expect(res.body).toMatchObject({ success: true, verified: false, status: 'pending' });
      expect(res.body.message).toMatch(/wrong/);
      remaining.push(res.body.attemptsRemaining);
    }
    expect(remaining).toEqual([4, 3, 2, 1]);
    const last = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: wrong });
    expect(last.body).toMatchObject({
      success: true,
      verified: false,
      status: 'max_attempts_reached',
      attemptsRemaining: 0,
    });
    const right = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(right.body).toMatchObject({
      verified: false,
      status: 'max_attempts_reached',
      attemptsRemaining: 0,
    });
    // The same budget as the native API reads.
    const read = await client.get(`/v1/verifications/${answer.verificationId}`);
    expect(read.body).toMatchObject({ attempts: 5, attemptsRemaining: 0 });
  });

  it('refuses an expired code', async () => {
    const { code, answer } = await sendCode();
    clock.advance(600_000);
    const late = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ success: true, verified: false, status: 'expired' });
    expect(late.body.message).toMatch(/expired/);
  });

  it('answers a forged, altered or foreign systemOtp with success false, changing nothing', async () => {
    const { code, answer } = await sendCode();
    const other = await server.createApp('Other Shop');
    const invalid = {
      success: false,
      verified: false,
      status: 'invalid_system_otp',
      attemptsRemaining: 0,
      message: expect.any(String),
    };
    const forged = await client.post(VERIFY, { systemOtp: 'abc.def.ghi.jkl', userOtp: code });
    expect(forged.status).toBe(200);
    expect(forged.body).toEqual(invalid);
    const flipped = answer.systemOtp.slice(0, -2) + (answer.systemOtp.endsWith('AA') ? 'BB' : 'AA');
    expect((await client.post(VERIFY, { systemOtp: flipped, userOtp: code })).body).toEqual(
      invalid,
    );
    // The verification id itself is no reference either.
    const byId = await client.post(VERIFY, { systemOtp: answer.verificationId, userOtp: code });
    expect(byId.body).toEqual(invalid);
    // Another app's key with this app's reference: as unknown as a made-up one (I5).
    const foreign = await other.client.post(VERIFY, {
      systemOtp: answer.systemOtp,
      userOtp: code,
    });
    expect(foreign.body).toEqual(invalid);

    const read = await client.get(`/v1/verifications/${answer.verificationId}`);
    expect(read.body).toMatchObject({ status: 'pending', attempts: 0 });
    const right = await client.post(VERIFY, { systemOtp: answer.systemOtp, userOtp: code });
    expect(right.body.verified).toBe(true);
  });
});
