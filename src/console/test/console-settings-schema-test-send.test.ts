import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { FakeGateway } from '../../../test/helpers/fake-gateway.ts';
import { PROVIDER_PLUGINS } from '../../delivery/adapters/provider-registry.ts';
import { VALIDATOR_PLUGINS } from '../../verification/adapters/validator-registry.ts';
import {
  type Json,
  nodeAt,
  type SettingsConsole,
  useSettingsConsole,
} from './console-settings-fixture.ts';

/** The settings console routes: the schema the form is drawn from, and test-send. */
describe('console settings: schema and test-send', () => {
  let down: FakeGateway;
  let shop: SettingsConsole['shop'];
  let bank: SettingsConsole['bank'];
  const { signIn, settingsOf, put, auditOf } = useSettingsConsole(
    (started) => ({ down, shop, bank } = started),
  );

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

  it('tries the saved providers in order and answers each attempt, audited with the destination masked', async () => {
    const admin = await signIn('tester@example.com', 'admin', [bank.appId]);
    const saved = await put(admin, bank.appId, {
      channels: {
        sms: {
          providers: [
            {
              type: 'http',
              name: 'gw-down',
              request: {
                url: `${down.url}/send`,
                body: { to: '{{to}}', text: '{{message}}' },
              },
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
