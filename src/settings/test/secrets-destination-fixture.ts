import { expect } from 'vitest';
import { type FakeGateway, startFakeGateway, succeed } from '../../../test/helpers/fake-gateway.ts';
import { type FakeTwilio, startFakeTwilio } from '../../../test/helpers/fake-twilio.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp-receiver.ts';

/*
 * What the secrets-moved-*.test.ts files share. A key holder who may edit the settings must
 * not be able to lead a stored secret away: a masked secret sent back keeps the stored one only
 * while its entry sends where it sent.
 */

export const MOVED = 're-enter this secret when the destination changes';
export const KEY = 'Bearer gateway-stored-key-4b1d9e07c3';
export const VAR_KEY = 'var-stored-key-71aa3c90de55';
export const TOKEN = 'twilio-stored-token-0d5e8a61f2';
export const ACCOUNT = `AC${'5e'.repeat(16)}`;
export const SMTP_PASS = 'smtp-stored-pass-93c1e0b7';
export const HOOK_SECRET = 'whsec_QWxhZGRpbjpvcGVuIHNlc2FtZSBzdG9yZWQ=';
export const DIYALOG_SECRET = 'diyalog-stored-secret-5a0e2c';

export const httpGateway = (name: string, url: string, key = KEY) => ({
  type: 'http',
  name,
  request: {
    url: `${url}/send`,
    headers: { Authorization: key },
    body: { to: '{{to}}', text: '{{message}}', key: '{{apiKey}}' },
  },
  vars: { apiKey: VAR_KEY },
});

/** The fields a refused PUT names with the moved-destination message. */
export const movedFields = (body: { errors?: { field: string; message: string }[] }) =>
  (body.errors ?? [])
    .filter((e) => e.message === MOVED)
    .map((e) => e.field)
    .sort();

export const received = (server: FakeGateway) => JSON.stringify(server.requests);

export type Destinations = Awaited<ReturnType<typeof startDestinations>>;

/**
 * otpd, the gateway, Twilio and mail server secrets are stored for, and the places they could
 * be led to: another gateway (`moved`, re-entered on purpose), an `attacker` and its mail server.
 */
export async function startDestinations() {
  const server: TestServer = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
  const gateway: FakeGateway = await startFakeGateway(succeed);
  const moved: FakeGateway = await startFakeGateway(succeed);
  const attacker: FakeGateway = await startFakeGateway(succeed);
  const twilioFake: FakeTwilio = await startFakeTwilio({ [ACCOUNT]: TOKEN });
  const mail: SmtpReceiver = await startSmtpReceiver({ auth: { user: 'otp', pass: SMTP_PASS } });
  const attackerMail: SmtpReceiver = await startSmtpReceiver();

  /** An app whose settings were saved with `document`, and the document as GET shows it. */
  async function appWith(name: string, document: Record<string, unknown>) {
    const { client, appId } = await server.createApp(name);
    const put = await client.request('PUT', '/v1/settings', document);
    expect(put.status, put.text).toBe(200);
    const shown = (await client.get('/v1/settings')).body;
    return { client, appId, shown };
  }

  async function close() {
    await server.close();
    await Promise.all(
      [gateway, moved, attacker, twilioFake, mail, attackerMail].map((s) => s.close()),
    );
  }

  return { server, gateway, moved, attacker, twilioFake, mail, attackerMail, appWith, close };
}
