import { describe, expect, it } from 'vitest';
import { startServer } from '../../../test/helpers/harness.ts';
import { type ModesTestbed, useModes } from './integration-modes-fixture.ts';

/**
 * The settings that choose an integration mode: what happens to a code when an app's senders
 * change, which mixes are refused, and how the mode's secrets are kept.
 */
describe('integration modes: settings', () => {
  let server: ModesTestbed['server'];
  let service: ModesTestbed['service'];
  const { nextNumber, codeGateway, codeMaker, codeChecker } = useModes(
    (testbed) => ({ server, service } = testbed),
  );

  it("never hands a code to a sender of the other kind when the app's senders change", async () => {
    const quiet = await startServer({
      dispatcher: false,
      env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' },
    });
    try {
      const { client } = await quiet.createApp('Switching Shop');
      const made = await client.post('/v1/verifications', { to: nextNumber() });
      // Before otpd's code is delivered, the channel switches to a sender that makes its own:
      // it must not be asked, or the person would get a code otpd cannot check.
      const mode3 = { channels: { sms: { providers: [codeMaker()] } }, validator: codeChecker() };
      expect((await client.request('PUT', '/v1/settings', mode3)).status).toBe(200);
      const before = service.sendBodies.length;
      await quiet.deps.dispatcher.runOnce();
      expect(service.sendBodies.length).toBe(before);
      const read = await client.get(`/v1/verifications/${made.body.id}`);
      expect(read.body).toMatchObject({
        status: 'failed',
        reason: 'delivery_failed',
        delivery: { status: 'failed' },
      });
    } finally {
      await quiet.close();
    }
  });

  it('refuses a code-making sender without a validator, naming the field', async () => {
    const { client } = await server.createApp('No Validator');
    const put = await client.request('PUT', '/v1/settings', {
      channels: { sms: { providers: [codeMaker()] } },
    });
    expect(put.status).toBe(400);
    expect(put.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.validator']);
  });

  it("refuses a channel mixing code-making senders with senders of otpd's codes", async () => {
    const { client } = await server.createApp('Mixed');
    const put = await client.request('PUT', '/v1/settings', {
      channels: { sms: { providers: [codeMaker(), codeGateway()] } },
      validator: codeChecker(),
    });
    expect(put.status).toBe(400);
    expect(put.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.channels.sms.providers',
    ]);
  });

  it('keeps validator and sender secrets encrypted at rest and masked when read', async () => {
    const { appId, client } = await server.createApp('Sealed');
    const settings = {
      channels: { sms: { providers: [codeMaker()] } },
      validator: codeChecker(),
    };
    expect((await client.request('PUT', '/v1/settings', settings)).status).toBe(200);
    const shown = await client.get('/v1/settings');
    expect(shown.body.validator.request.headers['X-Service-Key']).toMatch(/^••••/);
    // Sent back masked, the stored secret is kept.
    expect((await client.request('PUT', '/v1/settings', shown.body)).status).toBe(200);
    expect((await server.deps.settings.get(appId)).validator).toMatchObject({
      request: { headers: { 'X-Service-Key': 'mode-three-validator-key' } },
    });
    const stored = JSON.stringify(await server.deps.store.getAppSettings(appId));
    expect(stored).not.toContain('mode-three-validator-key');
    expect(stored).not.toContain('mode-three-sender-key');
  });

  it('keeps the codes it made and the service keys out of the logs', () => {
    const output = server.logs.join('');
    for (const made of service.sent) expect(output).not.toContain(made.code);
    expect(output).not.toContain('mode-three-validator-key');
    expect(output).not.toContain('mode-three-sender-key');
    expect(output).not.toContain('mode-two-gateway-key');
  });
});
