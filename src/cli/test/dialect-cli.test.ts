import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../test/helpers/http-client.ts';
import {
  cleanupProcesses,
  readSandboxCode,
  runCli,
  startServerProcess,
  tempDir,
} from '../../../test/helpers/process.ts';
import { twilioSdk } from '../../../test/helpers/twilio-sdk.ts';
import { verificationIdOfPin } from '../../dialects/domain/beem-pin-ids.ts';

afterEach(() => cleanupProcesses());

describe('otpd apps create / show: the compatible APIs’ credentials', () => {
  it('prints the Twilio and Beem identities, and they work against a running server', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const created = await runCli(['apps', 'create', '--name', 'Shop', '--json'], env);
    expect(created.code).toBe(0);
    const app = JSON.parse(created.stdout);
    expect(app.dialects).toEqual({
      twilio: {
        accountSid: expect.stringMatching(/^AC[0-9a-f]{32}$/),
        serviceSid: expect.stringMatching(/^VA[0-9a-f]{32}$/),
      },
      beem: { apiKey: app.id, appId: expect.any(Number) },
    });

    const shown = await runCli(['apps', 'show', app.id, '--json'], env);
    expect(JSON.parse(shown.stdout).dialects).toEqual(app.dialects);
    const text = await runCli(['apps', 'show', app.id], env);
    expect(text.stdout).toContain(`account SID ${app.dialects.twilio.accountSid}`);
    expect(text.stdout).toContain(`appId ${app.dialects.beem.appId}`);
    expect(text.stdout).not.toContain(app.apiKey);

    const server = await startServerProcess(env);
    const native = createClient(server.url, app.apiKey);
    const { twilio, beem } = app.dialects;
    const verification = await twilioSdk(`${server.url}/twilio`, twilio.accountSid, app.apiKey)
      .verify.v2.services(twilio.serviceSid)
      .verifications.create({ to: '+14155550123', channel: 'sms' });
    expect(verification.status).toBe('pending');

    const basic = Buffer.from(`${beem.apiKey}:${app.apiKey}`).toString('base64');
    const pin = await createClient(server.url).post(
      '/beem/v1/request',
      { appId: beem.appId, msisdn: '14155550124' },
      { authorization: `Basic ${basic}` },
    );
    expect(pin.body.data.message.code).toBe(100);
    const verificationId = verificationIdOfPin(pin.body.data.pinId) as string;
    expect(await readSandboxCode(native, verificationId)).toMatch(/^\d{6}$/);
  });
});
