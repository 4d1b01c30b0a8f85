import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCodeService } from '../../../test/helpers/fake-code-service.ts';
import type { FakeGateway } from '../../../test/helpers/fake-gateway.ts';
import type { FakeTwilio } from '../../../test/helpers/fake-twilio.ts';
import type { TestServer } from '../../../test/helpers/harness.ts';
import type { SmtpReceiver } from '../../../test/helpers/smtp-receiver.ts';
import {
  ACCOUNT,
  type Destinations,
  DIYALOG_SECRET,
  HOOK_SECRET,
  movedFields,
  received,
  SMTP_PASS,
  startDestinations,
  TOKEN,
  VAR_KEY,
} from './secrets-destination-fixture.ts';

describe('stored secrets do not follow a changed destination: Twilio, SMTP, the validator, webhooks, Diyalog and the messenger bot', () => {
  let destinations: Destinations;
  let server: TestServer;
  let gateway: FakeGateway;
  let attacker: FakeGateway;
  let twilioFake: FakeTwilio;
  let mail: SmtpReceiver;
  let attackerMail: SmtpReceiver;
  let appWith: Destinations['appWith'];

  beforeAll(async () => {
    destinations = await startDestinations();
    ({ server, gateway, attacker, twilioFake, mail, attackerMail, appWith } = destinations);
  });
  afterAll(() => destinations.close());

  it('never sends a Twilio auth token to a changed base URL, account or type', async () => {
    const twilioEntry = {
      type: 'twilio',
      name: 'tw',
      accountSid: ACCOUNT,
      authToken: TOKEN,
      from: '+15017122661',
      baseUrl: twilioFake.url,
    };
    const { client, shown } = await appWith('Twilio Shop', {
      channels: { sms: { providers: [twilioEntry] } },
    });
    const entry = shown.channels.sms.providers[0];
    const attacks = [
      { ...entry, baseUrl: attacker.url },
      { ...entry, accountSid: `AC${'6f'.repeat(16)}` },
      {
        type: 'twilio-verify',
        name: 'tw',
        accountSid: ACCOUNT,
        authToken: entry.authToken,
        serviceSid: `VA${'7'.repeat(32)}`,
        baseUrl: attacker.url,
      },
    ];
    for (const attack of attacks) {
      const put = await client.request('PUT', '/v1/settings', {
        ...shown,
        channels: { ...shown.channels, sms: { providers: [attack] } },
      });
      expect(put.status, JSON.stringify(attack)).toBe(400);
      expect(movedFields(put.body)).toEqual(['body.channels.sms.providers.0.authToken']);
    }
    const tried = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+905551260007',
    });
    expect(tried.body.attempts).toMatchObject([{ provider: 'tw', ok: true }]);
    expect(received(attacker)).not.toContain(Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64'));
  });

  it('never logs in to a changed SMTP host or port with the stored password', async () => {
    const { client, shown } = await appWith('Mail Shop', {
      channels: {
        email: {
          providers: [
            {
              type: 'smtp',
              name: 'mail',
              host: mail.host,
              port: mail.port,
              starttls: 'off',
              auth: { user: 'otp', pass: SMTP_PASS },
              from: 'otp@shop.example',
            },
          ],
        },
      },
    });
    shown.channels.email.providers[0].port = attackerMail.port;
    const put = await client.request('PUT', '/v1/settings', shown);
    await client.post('/v1/settings/test-send', { channel: 'email', to: 'p@shop.example' });
    expect(attackerMail.passwords).not.toContain(SMTP_PASS);
    expect(put.status).toBe(400);
    expect(movedFields(put.body)).toEqual(['body.channels.email.providers.0.auth.pass']);
    expect(mail.messages.at(-1)?.envelopeTo).toEqual(['p@shop.example']);
  });

  it("refuses the validator's, a webhook's, Diyalog's and the messenger bot's masked secrets sent to a new URL", async () => {
    const service = await startFakeCodeService();
    try {
      const { client, appId, shown } = await appWith('Hooked Shop', {
        channels: {
          sms: {
            providers: [
              {
                type: 'http',
                name: 'maker',
                request: { url: `${service.url}/send`, body: { to: '{{to}}' } },
                generatesCode: true,
                referencePointer: '/ref',
              },
            ],
          },
        },
        validator: {
          type: 'http',
          request: { url: `${service.url}/check`, headers: { 'X-Check-Key': VAR_KEY } },
        },
        webhooks: [{ url: `${gateway.url}/hook`, events: ['message.sent'], secret: HOOK_SECRET }],
        dialects: { diyalog: { secret: DIYALOG_SECRET, webhookUrl: null } },
        messenger: { bot: { url: `${gateway.url}/bot`, secret: HOOK_SECRET } },
      });
      const before = await server.deps.settings.get(appId);
      const attack = structuredClone(shown);
      attack.messenger.bot.url = `${attacker.url}/bot`;
      attack.validator.request.url = `${attacker.url}/check`;
      attack.webhooks[0].url = `${attacker.url}/hook`;
      attack.dialects.diyalog.webhookUrl = `${attacker.url}/diyalog`;
      const put = await client.request('PUT', '/v1/settings', attack);
      expect(put.status).toBe(400);
      expect(movedFields(put.body)).toEqual([
        'body.dialects.diyalog.secret',
        'body.messenger.bot.secret',
        'body.validator.request.headers.X-Check-Key',
        'body.webhooks.0.secret',
      ]);
      expect(await server.deps.settings.get(appId)).toEqual(before);
      // Unchanged URLs keep every masked secret.
      const same = await client.request('PUT', '/v1/settings', shown);
      expect(same.status, same.text).toBe(200);
      expect(await server.deps.settings.get(appId)).toEqual(before);
    } finally {
      await service.close();
    }
  });
});
