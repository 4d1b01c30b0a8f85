import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_PLUGINS } from '../../src/delivery/adapters/provider-registry.ts';
import { VALIDATOR_PLUGINS } from '../../src/verification/adapters/validator-registry.ts';
import { consoleClient, createAdmin } from '../helpers/console-admin.ts';
import { type FakeGateway, startFakeGateway } from '../helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';

type Json = { [key: string]: any };

const ACCOUNT = `AC${'5e'.repeat(16)}`;
const TOKEN = 'console-settings-token-0001';
const NEW_TOKEN = 'console-settings-token-0002';
const WEBHOOK_SECRET = `whsec_${Buffer.from('console-settings-webhook-secret').toString('base64')}`;

const twilio = (authToken: string) => ({
  type: 'twilio',
  name: 'tw',
  accountSid: ACCOUNT,
  authToken,
  from: '+15017122661',
});

/** The node of a property path, through `properties` only. */
const nodeAt = (schema: Json, ...path: string[]): Json =>
  path.reduce((node, key) => node.properties[key], schema);

/** The settings console routes: schema, read, replace, test-send, as each role may. */
describe('console settings', () => {
  let server: TestServer;
  let down: FakeGateway;
  let shop: Awaited<ReturnType<TestServer['createApp']>>;
  let bank: Awaited<ReturnType<TestServer['createApp']>>;

  async function signIn(email: string, role: string, appIds: string[] = []) {
    await createAdmin(server, email, { role, appIds });
    const browser = consoleClient(server.url);
    expect((await browser.login(email)).status).toBe(200);
    return browser;
  }
  const settingsOf = (appId: string) => `/console/api/apps/${appId}/settings`;
  const put = (browser: ReturnType<typeof consoleClient>, appId: string, body: unknown) =>
    browser.call('PUT', settingsOf(appId), body, { 'x-csrf-token': browser.csrf });
  const auditOf = async (appId: string, action: string) =>
    (await server.deps.console.audit.list({ appIds: [appId], limit: 50 })).entries.filter(
      (e) => e.action === action,
    );

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    down = await startFakeGateway(() => ({ status: 503, body: 'gateway down' }));
    shop = await server.createApp('Settings Shop');
    bank = await server.createApp('Settings Bank');
  });
  afterAll(async () => {
    await server?.close();
    await down?.close();
  });

  it('answers the schema with every provider plug-in, per channel, and marks the secrets', async () => {
    const viewer = await signIn('schema-viewer@example.com', 'viewer', [shop.appId]);
    const { status, body: schema } = await viewer.call('GET', '/console/api/settings/schema');
    expect(status).toBe(200);

    const offered = new Set<string>();
    for (const channel of ['sms', 'whatsapp', 'email', 'messenger', 'voice']) {
      const variants: Json[] = nodeAt(schema, 'channels', channel, 'providers').items.oneOf;
      const types = variants.map((v) => v.properties.type.const);
      const delivering = PROVIDER_PLUGINS.filter((p) =>
        (p.metadata.channels as readonly string[]).includes(channel),
      );
      expect(types).toEqual(delivering.map((p) => p.metadata.type));
      for (const variant of variants) {
        const plugin = delivering.find((p) => p.metadata.type === variant.properties.type.const);
        expect(variant.title).toBe(plugin?.metadata.name);
        expect(variant.description).toBe(plugin?.metadata.description);
        offered.add(variant.properties.type.const);
      }
    }
    expect([...offered].sort()).toEqual(PROVIDER_PLUGINS.map((p) => p.metadata.type).sort());
    const validators: Json[] = nodeAt(schema, 'validator').oneOf;
    expect(validators.map((v) => v.title)).toEqual([
      'Built-in',
      ...VALIDATOR_PLUGINS.map((p) => p.metadata.name),
    ]);

    const sms: Json[] = nodeAt(schema, 'channels', 'sms', 'providers').items.oneOf;
    const variant = (type: string) => sms.find((v) => v.properties.type.const === type) as Json;
    const email: Json[] = nodeAt(schema, 'channels', 'email', 'providers').items.oneOf;
    const smtp = email.find((v) => v.properties.type.const === 'smtp') as Json;
    // Declared by the plug-ins…
    expect(nodeAt(variant('twilio'), 'authToken')['x-secret']).toBe(true);
    expect(nodeAt(variant('twilio-verify'), 'authToken')['x-secret']).toBe(true);
    expect(nodeAt(smtp, 'auth', 'pass')['x-secret']).toBe(true);
    expect(nodeAt(variant('http'), 'request', 'headers').additionalProperties['x-secret']).toBe(
      true,
    );
    expect(nodeAt(variant('http'), 'vars').additionalProperties['x-secret']).toBe(true);
    expect(nodeAt(variant('http'), 'receipt', 'token')['x-secret']).toBe(true);
    expect(nodeAt(validators[2] as Json, 'authToken')['x-secret']).toBe(true);
    // …and by their names elsewhere.
    expect(nodeAt(schema, 'webhooks').items.properties.secret['x-secret']).toBe(true);
    expect(nodeAt(schema, 'dialects', 'diyalog', 'secret')['x-secret']).toBe(true);
    expect(nodeAt(schema, 'messenger', 'bot').anyOf[0].properties.secret['x-secret']).toBe(true);
    // What is not secret is not marked.
    expect(nodeAt(variant('twilio'), 'accountSid')['x-secret']).toBeUndefined();
    expect(nodeAt(variant('http'), 'request', 'url')['x-secret']).toBeUndefined();
    expect(JSON.stringify(nodeAt(schema, 'verification'))).not.toContain('x-secret');
    // The messenger's built-in texts, for the form's placeholders and its preview.
    expect(nodeAt(schema, 'messenger', 'texts')['x-builtIn'].tr.phoneHeader).toBe(
      'Telefon numarası',
    );

    // It is a JSON Schema, and a document read back satisfies it.
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const shown = await viewer.call('GET', settingsOf(shop.appId));
    expect(validate(shown.body), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ verification: { codeLength: 'six' } })).toBe(false);
  });

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

  it('tries the saved providers in order and answers each attempt, audited with the destination masked', async () => {
    const admin = await signIn('tester@example.com', 'admin', [bank.appId]);
    const saved = await put(admin, bank.appId, {
      channels: {
        sms: {
          providers: [
            {
              type: 'http',
              name: 'gw-down',
              request: { url: `${down.url}/send`, body: { to: '{{to}}', text: '{{message}}' } },
            },
            { type: 'console' },
          ],
        },
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const tried = await admin.call(
      'POST',
      `${settingsOf(bank.appId)}/test-send`,
      { channel: 'sms', to: '+905551400010' },
      { 'x-csrf-token': admin.csrf },
    );
    expect(tried.status).toBe(200);
    expect(tried.body.attempts).toEqual([
      expect.objectContaining({
        provider: 'gw-down',
        ok: false,
        error: 'http_503',
        response: { status: 503, body: 'gateway down' },
      }),
      expect.objectContaining({ provider: 'console', ok: true, response: null }),
    ]);
    expect(down.requests.at(-1)?.body).toContain('+905551400010');

    const [entry] = await auditOf(bank.appId, 'settings.test_sent');
    expect(entry?.actor).toBe('admin:tester@example.com');
    expect(entry?.details).toEqual({
      channel: 'sms',
      to: expect.stringMatching(/^\+905•+10$/),
      attempts: [
        { provider: 'gw-down', ok: false, error: 'http_503' },
        { provider: 'console', ok: true },
      ],
    });
    expect(JSON.stringify(entry)).not.toContain('5551400010');

    const bad = await admin.call(
      'POST',
      `${settingsOf(bank.appId)}/test-send`,
      { channel: 'pigeon', to: '+905551400011' },
      { 'x-csrf-token': admin.csrf },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.channel');
  });
});
