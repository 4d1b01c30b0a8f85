import { describe, expect, it } from 'vitest';
import { consoleClient } from '../../../test/helpers/console-admin.ts';
import type { TestServer } from '../../../test/helpers/harness.ts';
import {
  type Json,
  NEW_TOKEN,
  type SettingsConsole,
  TOKEN,
  twilio,
  useSettingsConsole,
  WEBHOOK_SECRET,
} from './console-settings-fixture.ts';

/** The settings console routes: the document, read and replaced, as each role may. */
describe('console settings: the document', () => {
  let server: TestServer;
  let shop: SettingsConsole['shop'];
  let bank: SettingsConsole['bank'];
  const { signIn, settingsOf, put, auditOf } = useSettingsConsole(
    (started) => ({ server, shop, bank } = started),
  );

  it('shows settings masked exactly as /v1 does', async () => {
    const saved = await shop.client.request('PUT', '/v1/settings', {
      channels: { sms: { providers: [twilio(TOKEN)] } },
      webhooks: [
        { url: 'https://hooks.example/otpd', events: ['message.sent'], secret: WEBHOOK_SECRET },
      ],
    });
    expect(saved.status).toBe(200);
    const viewer = await signIn('reader@example.com', 'viewer', [shop.appId]);
    const shown = await viewer.call('GET', settingsOf(shop.appId));
    expect(shown.status).toBe(200);
    const byKey = await shop.client.get('/v1/settings');
    expect(shown.body).toEqual(byKey.body);
    expect(shown.headers.get('settings-revision')).toBe(byKey.headers.get('settings-revision'));
    expect(JSON.stringify(shown.body)).not.toContain(TOKEN);
    expect(shown.body.channels.sms.providers[0].authToken).toMatch(/^••••/);
  });

  it('saves a whole document, keeps masked secrets and audits the change with secrets masked', async () => {
    await shop.client.request('PUT', '/v1/settings', {
      channels: { sms: { providers: [twilio(TOKEN)] } },
    });
    const admin = await signIn('writer@example.com', 'admin', [shop.appId]);
    const read = await admin.call('GET', settingsOf(shop.appId));
    const doc = structuredClone(read.body);
    doc.verification.codeLength = 8;
    const kept = await put(admin, shop.appId, doc);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.verification.codeLength).toBe(8);
    expect((await server.deps.settings.get(shop.appId)).channels.sms.providers[0]).toMatchObject({
      authToken: TOKEN,
    });

    doc.channels.sms.providers[0].authToken = NEW_TOKEN;
    expect((await put(admin, shop.appId, doc)).status).toBe(200);
    expect((await server.deps.settings.get(shop.appId)).channels.sms.providers[0]).toMatchObject({
      authToken: NEW_TOKEN,
    });

    const [tokenChange, codeChange] = await auditOf(shop.appId, 'settings.updated');
    expect(codeChange?.actor).toBe('admin:writer@example.com');
    expect(codeChange?.details.changes).toEqual([
      { path: '/verification/codeLength', before: 6, after: 8 },
    ]);
    expect(tokenChange?.details.changes).toEqual([
      {
        path: '/channels/sms/providers/0/authToken',
        before: '••••0001',
        after: '••••0002',
        secret: true,
      },
    ]);
    const everything = JSON.stringify(
      await server.deps.console.audit.list({ appIds: [shop.appId], limit: 50 }),
    );
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(NEW_TOKEN);
    expect(server.logs.join('')).not.toContain(NEW_TOKEN);
  });

  it('refuses an invalid document as /v1 does, with JSON pointers, and saves nothing', async () => {
    const admin = await signIn('typo@example.com', 'admin', [shop.appId]);
    const before = await admin.call('GET', settingsOf(shop.appId));
    const bad = {
      verification: { codeLength: 99, colour: 'red' },
      preferredCountry: 'Turkey',
      channels: {
        sms: { providers: [{ type: 'http', name: 'gw', request: { url: '' } }] },
        email: { providers: [{ type: 'carrier-pigeon' }] },
      },
      webhooks: [{ url: 'ftp://hooks.example', events: ['nope'], secret: 'short' }],
    };
    const refused = await put(admin, shop.appId, bad);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('validation_failed');
    const byKey = await shop.client.request('PUT', '/v1/settings', bad);
    expect(byKey.status).toBe(400);
    const plain = refused.body.errors.map(({ pointer: _p, ...e }: Json) => e);
    expect(plain).toEqual(byKey.body.errors);
    expect(refused.body.detail).toBe(byKey.body.detail);
    const pointers = Object.fromEntries(refused.body.errors.map((e: Json) => [e.field, e.pointer]));
    expect(pointers).toMatchObject({
      'body.verification.codeLength': '/verification/codeLength',
      'body.verification.colour': '/verification/colour',
      'body.preferredCountry': '/preferredCountry',
      'body.channels.email.providers.0.type': '/channels/email/providers/0/type',
      'body.webhooks.0.events.0': '/webhooks/0/events/0',
    });

    const notADocument = await put(admin, shop.appId, [1, 2]);
    expect(notADocument.body.errors).toEqual([
      expect.objectContaining({ field: 'body', pointer: '' }),
    ]);
    const after = await admin.call('GET', settingsOf(shop.appId));
    expect(after.body).toEqual(before.body);
    expect(after.headers.get('settings-revision')).toBe(before.headers.get('settings-revision'));
  });

  it('lets viewers read only, refuses agents and apps of others, and wants the CSRF token', async () => {
    const viewer = await signIn('only-reads@example.com', 'viewer', [shop.appId]);
    const doc = (await viewer.call('GET', settingsOf(shop.appId))).body;
    for (const refused of [
      await put(viewer, shop.appId, doc),
      await viewer.call(
        'POST',
        `${settingsOf(shop.appId)}/test-send`,
        { channel: 'sms', to: '+905551400001' },
        { 'x-csrf-token': viewer.csrf },
      ),
    ]) {
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('console_role_forbidden');
    }

    const agent = await signIn('inbox-only@example.com', 'agent', [shop.appId]);
    for (const path of [settingsOf(shop.appId), '/console/api/settings/schema']) {
      const refused = await agent.call('GET', path);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('console_role_forbidden');
    }

    const shopAdmin = await signIn('shop-admin@example.com', 'admin', [shop.appId]);
    for (const refused of [
      await shopAdmin.call('GET', settingsOf(bank.appId)),
      await put(shopAdmin, bank.appId, {}),
      await shopAdmin.call(
        'POST',
        `${settingsOf(bank.appId)}/test-send`,
        { channel: 'sms', to: '+905551400002' },
        { 'x-csrf-token': shopAdmin.csrf },
      ),
    ]) {
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('console_app_not_found');
    }
    const owner = await signIn('every-app@example.com', 'owner');
    expect((await owner.call('GET', settingsOf('app_nothing'))).status).toBe(404);
    expect((await put(owner, 'app_nothing', {})).status).toBe(404);

    const noToken = await shopAdmin.call('PUT', settingsOf(shop.appId), {});
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('csrf_token_invalid');
    const noTokenSend = await shopAdmin.call('POST', `${settingsOf(shop.appId)}/test-send`, {
      channel: 'sms',
      to: '+905551400003',
    });
    expect(noTokenSend.body.code).toBe('csrf_token_invalid');
    const signedOut = await consoleClient(server.url).call('GET', '/console/api/settings/schema');
    expect(signedOut.status).toBe(401);
  });
});
