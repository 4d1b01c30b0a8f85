import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/harness.ts';
import type { Client } from '../helpers/http-client.ts';
import { PLUGINS_WITH_VAULT } from '../helpers/vault-provider.ts';

const AUTH_TOKEN = 'tok_live_9f8e7d6c5b4a3210';
const BEARER = 'Bearer gw-secret-0123456789abcdef';
const VAR_KEY = 'var-key-5566778899aabbccdd';
const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SECRETS = [AUTH_TOKEN, BEARER, 'gw-secret-0123456789abcdef', VAR_KEY, WEBHOOK_SECRET];

/** A full settings document with every kind of secret. */
function document(overrides: Record<string, unknown> = {}) {
  return {
    verification: { codeLength: 8, ttlSeconds: 120, maxAttempts: 3, maxSends: 2 },
    defaultLocale: 'tr',
    preferredCountry: 'TR',
    channels: {
      sms: {
        providers: [
          {
            type: 'vault',
            name: 'gw-a',
            accountSid: 'AC123',
            authToken: AUTH_TOKEN,
            headers: { Authorization: BEARER, 'Content-Type': 'application/json' },
            vars: { apiKey: VAR_KEY },
          },
          { type: 'console' },
        ],
      },
    },
    templates: {
      sms: {
        tr: '{{app}} kodunuz: {{code}}',
        pt: 'Seu código {{app}}: {{code}}',
        'pt-BR': 'Código {{app}} (BR): {{code}}',
      },
    },
    webhooks: [
      { url: 'https://hooks.example/otp', events: ['message.sent'], secret: WEBHOOK_SECRET },
    ],
    ...overrides,
  };
}

/** Every cell of every table in a SQLite file, as text. */
function everyCell(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    return tables.flatMap(({ name }) =>
      (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).flatMap((row) =>
        Object.values(row).map(String),
      ),
    );
  } finally {
    db.close();
  }
}

describe('app settings over HTTP', () => {
  let server: TestServer;
  let client: Client;
  let appId: string;
  let otherClient: Client;

  beforeAll(async () => {
    server = await startServer({ providerPlugins: PLUGINS_WITH_VAULT });
    ({ client, appId } = await server.createApp('Shop'));
    ({ client: otherClient } = await server.createApp('Other'));
  });
  afterAll(() => server.close());

  const put = (c: Client, body: unknown) => c.request('PUT', '/v1/settings', body);

  it('answers every default for an app that never set any, at revision 0', async () => {
    const { status, body, headers } = await otherClient.get('/v1/settings');
    expect(status).toBe(200);
    expect(headers.get('settings-revision')).toBe('0');
    expect(body).toEqual({
      verification: {
        codeLength: 6,
        ttlSeconds: 600,
        maxAttempts: 5,
        maxSends: 5,
        resendCooldownSeconds: 30,
      },
      defaultLocale: 'en',
      preferredCountry: null,
      androidAppHash: null,
      webOtpHost: null,
      channels: {
        sms: { providers: [{ type: 'console' }], failoverOnUndelivered: false },
        whatsapp: { providers: [{ type: 'console' }], failoverOnUndelivered: false },
        email: { providers: [{ type: 'console' }], failoverOnUndelivered: false },
        messenger: { providers: [{ type: 'console' }], failoverOnUndelivered: false },
        voice: { providers: [{ type: 'console' }], failoverOnUndelivered: false },
      },
      validator: { type: 'builtin' },
      templates: {},
      limits: {
        createPerClientIp: { max: 10, windowSeconds: 3_600 },
        sendsPerDestination: [
          { max: 5, windowSeconds: 600 },
          { max: 20, windowSeconds: 86_400 },
        ],
        failedChecksPerDestinationAndIp: { max: 10, windowSeconds: 3_600 },
        failedChecksPerDestination: { max: 50, windowSeconds: 86_400 },
        sendsPerAppPerChannel: { max: 100_000, windowSeconds: 86_400 },
        sendsPerAppPerCountry: { max: 20_000, windowSeconds: 86_400 },
      },
      fraudGuard: {
        mode: 'enforce',
        windowSeconds: 3_600,
        minSends: 30,
        minConversion: 0.1,
        blockSeconds: 43_200,
      },
      geo: {},
      numberTypes: {
        premiumRate: false,
        sharedCost: false,
        voip: true,
        tollFree: true,
        unknown: true,
      },
      safelist: [],
      testNumbers: [],
      webhooks: [],
      dialects: {
        convertalk: { twilioBaseUrl: 'https://api.twilio.com', systemOtp: 'reference' },
        diyalog: { secret: null, webhookUrl: null },
        twilio: { allowCustomCode: false },
      },
      messenger: {
        enabled: false,
        authentication: 'otp',
        preferredCountry: null,
        askName: false,
        askEmail: false,
        texts: {},
        allowedOrigins: [],
        bot: null,
        limits: { requestsPerIp: { max: 2, windowSeconds: 3_600 } },
      },
    });
  });

  it('stores a document and shows its secrets masked, the rest as sent with defaults filled', async () => {
    const { status, body } = await put(client, document());
    expect(status).toBe(200);
    const read = await client.get('/v1/settings');
    expect(read.body).toEqual(body);
    expect(read.headers.get('settings-revision')).toBe('1');
    expect(body.verification.resendCooldownSeconds).toBe(30);
    expect(body.channels.email).toEqual({
      providers: [{ type: 'console' }],
      failoverOnUndelivered: false,
    });
    const [vault] = body.channels.sms.providers;
    expect(vault).toEqual({
      type: 'vault',
      name: 'gw-a',
      accountSid: 'AC123',
      authToken: '••••3210', // declared in the plug-in's secretFields
      headers: { Authorization: '••••cdef', 'Content-Type': 'application/json' }, // by name
      vars: { apiKey: '••••ccdd' }, // declared as vars.*
    });
    expect(body.webhooks[0].secret).toBe('••••LaSw');
    for (const secret of SECRETS) expect(read.text).not.toContain(secret);
  });

  it('keeps the stored secrets when the masked document is sent back (read-modify-write)', async () => {
    await put(client, document());
    const { body: shown } = await client.get('/v1/settings');
    shown.verification.resendCooldownSeconds = 45;
    const { status, body } = await put(client, shown);
    expect(status).toBe(200);
    expect(body.verification.resendCooldownSeconds).toBe(45);
    const stored = await server.deps.settings.get(appId);
    const vault = stored.channels.sms.providers[0] as Record<string, any>;
    expect(vault.authToken).toBe(AUTH_TOKEN);
    expect(vault.headers.Authorization).toBe(BEARER);
    expect(vault.vars.apiKey).toBe(VAR_KEY);
    expect(stored.webhooks[0]?.secret).toBe(WEBHOOK_SECRET);
  });

  it('writes each saved change to the audit log by the key, secrets masked, and nothing for a refusal', async () => {
    const { client: keyed, appId: auditedId } = await server.createApp('Audited');
    await put(keyed, document());
    const { body: shown } = await keyed.get('/v1/settings');
    shown.verification.codeLength = 7;
    expect((await put(keyed, shown)).status).toBe(200);
    expect((await put(keyed, { verification: { codeLength: 99 } })).status).toBe(400);

    const { entries } = await server.deps.console.audit.list({ appIds: [auditedId], limit: 10 });
    const [second, first] = entries;
    expect(entries.map((e) => e.action)).toEqual(['settings.updated', 'settings.updated']);
    expect(second?.actor).toMatch(/^key:key_/);
    expect(second?.details.changes).toEqual([
      { path: '/verification/codeLength', before: 8, after: 7 },
    ]);
    const written = JSON.stringify(first?.details);
    expect(written).toContain('"secret":true');
    for (const secret of [AUTH_TOKEN, BEARER, VAR_KEY, WEBHOOK_SECRET]) {
      expect(written).not.toContain(secret);
    }
  });

  it('refuses a masked value that matches no stored secret at that place', async () => {
    await put(client, document());
    const before = await client.get('/v1/settings');
    const renamed = structuredClone(before.body);
    renamed.channels.sms.providers[0].name = 'gw-renamed';
    renamed.webhooks[0].secret = '••••XXXX';
    const { status, body } = await put(client, renamed);
    expect(status).toBe(400);
    expect(body.code).toBe('validation_failed');
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual([
      'body.channels.sms.providers.0.authToken',
      'body.channels.sms.providers.0.headers.Authorization',
      'body.channels.sms.providers.0.vars.apiKey',
      'body.webhooks.0.secret',
    ]);
    expect((await client.get('/v1/settings')).body).toEqual(before.body);
  });

  it('refuses an invalid document with 400 naming each bad field, and saves nothing', async () => {
    await put(client, document());
    const before = await client.get('/v1/settings');
    const { status, headers, body } = await put(client, {
      verification: { codeLength: 99, ttlSeconds: 'long', colour: 'red' },
      defaultLocale: 'not a locale',
      preferredCountry: 'Turkey',
      channels: {
        sms: { providers: [{ type: 'carrier-pigeon' }] },
        email: { providers: [{ type: 'vault', name: 'x', accountSid: 'a', authToken: 'b' }] },
        fax: { providers: [] },
      },
      templates: { sms: { en: 'no placeholder here' } },
      webhooks: [{ url: 'ftp://hooks.example', events: ['nope'], secret: 'short' }],
    });
    expect(status).toBe(400);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(body.code).toBe('validation_failed');
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.verification.codeLength',
        'body.verification.ttlSeconds',
        'body.verification.colour',
        'body.defaultLocale',
        'body.preferredCountry',
        'body.channels.sms.providers.0.type',
        'body.channels.fax',
        'body.templates.sms.en',
        'body.webhooks.0.url',
        'body.webhooks.0.events.0',
        'body.webhooks.0.secret',
      ]),
    );
    for (const field of fields) expect(body.detail).toContain(field);
    const after = await client.get('/v1/settings');
    expect(after.body).toEqual(before.body);
    expect(after.headers.get('settings-revision')).toBe(before.headers.get('settings-revision'));
  });

  it('refuses a provider on a channel it cannot deliver', async () => {
    const { status, body } = await put(client, {
      channels: {
        email: { providers: [{ type: 'vault', name: 'x', accountSid: 'a', authToken: 'b' }] },
      },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        field: 'body.channels.email.providers.0.type',
        message: 'the vault provider does not deliver email',
      },
    ]);
  });

  it('refuses a body that is not a document', async () => {
    const { status, body } = await put(client, [1, 2]);
    expect(status).toBe(400);
    expect(body.errors[0].field).toBe('body');
  });

  it("leaves another app's settings alone and shows it none of them (I5)", async () => {
    await put(client, document());
    const other = await otherClient.get('/v1/settings');
    expect(other.body.verification.codeLength).toBe(6);
    expect(other.text).not.toContain('gw-a');
    expect((await put(otherClient, { defaultLocale: 'fr' })).status).toBe(200);
    const mine = await client.get('/v1/settings');
    expect(mine.body.defaultLocale).toBe('tr');
    expect(mine.body.channels.sms.providers[0].name).toBe('gw-a');
    expect((await otherClient.get('/v1/settings')).body.defaultLocale).toBe('fr');
  });

  it('needs the app key', async () => {
    const anonymous = await fetch(`${server.url}/v1/settings`);
    expect(anonymous.status).toBe(401);
  });

  it('applies the settings to new verifications: defaults, preferred country, locale', async () => {
    await put(client, document());
    const { status, body } = await client.post('/v1/verifications', { to: '0555 125 0042' });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      to: '+905551250042',
      locale: 'tr',
      maxAttempts: 3,
      maxSends: 2,
    });
    expect(Date.parse(body.expiresAt) - Date.parse(body.createdAt)).toBe(120_000);
    const code = await server.readCode(client, body.id);
    expect(code).toMatch(/^\d{8}$/);
    // The request still wins over the app defaults.
    const own = await client.post('/v1/verifications', {
      to: '+905551250043',
      codeLength: 4,
      ttlSeconds: 300,
    });
    expect(Date.parse(own.body.expiresAt) - Date.parse(own.body.createdAt)).toBe(300_000);
    expect(await server.readCode(client, own.body.id)).toMatch(/^\d{4}$/);
  });

  it("delivers through the app's providers with its template for the locale", async () => {
    await put(client, document());
    const bodyOf = async (request: Record<string, unknown>) => {
      const { body } = await client.post('/v1/verifications', request);
      await server.readCode(client, body.id);
      const messages = await client.get('/v1/sandbox/messages?limit=100');
      const message = messages.body.data.find((m: any) => m.verificationId === body.id);
      const v = await client.get(`/v1/verifications/${body.id}`);
      return { text: message.body as string, provider: v.body.delivery.provider };
    };
    const tr = await bodyOf({ to: '+905551250050' });
    expect(tr.text).toMatch(/^Shop kodunuz: \d{8}$/);
    expect(tr.provider).toBe('gw-a');
    expect((await bodyOf({ to: '+905551250051', locale: 'pt-BR' })).text).toMatch(
      /^Código Shop \(BR\): \d{8}$/,
    );
    expect((await bodyOf({ to: '+905551250052', locale: 'pt-PT' })).text).toMatch(
      /^Seu código Shop: \d{8}$/,
    );
    // No German template: built-in German, which is more specific than the app default's.
    expect((await bodyOf({ to: '+905551250053', locale: 'de' })).text).toMatch(
      /^Ihr Bestätigungscode für Shop lautet \d{8}\./,
    );
    // No language with neither: the app default locale's template.
    expect((await bodyOf({ to: '+905551250054', locale: 'nl' })).text).toMatch(/^Shop kodunuz/);
    // No template at all for email: the built-in text of the locale, through the console provider.
    const email = await bodyOf({ to: 'a@example.com', channel: 'email', locale: 'tr' });
    expect(email.text).toMatch(/^Shop doğrulama kodunuz: \d{8}\./);
    expect(email.provider).toBe('console');
  });

  it('sees a replacement at once in the process that made it', async () => {
    await put(client, document());
    await client.post('/v1/verifications', { to: '+905551250060' }); // warms the cache
    await put(client, document({ verification: { codeLength: 5 } }));
    const { body } = await client.post('/v1/verifications', { to: '+905551250061' });
    expect(await server.readCode(client, body.id)).toMatch(/^\d{5}$/);
  });

  it('documents GET and PUT /v1/settings in OpenAPI', async () => {
    const spec = await (await fetch(`${server.url}/openapi.json`)).json();
    const put = spec.paths['/v1/settings'].put;
    expect(spec.paths['/v1/settings'].get).toBeDefined();
    const schema = JSON.stringify([put.requestBody, spec.components.schemas]);
    for (const field of [
      'verification',
      'codeLength',
      'preferredCountry',
      'templates',
      'webhooks',
    ]) {
      expect(schema).toContain(field);
    }
    expect(schema).toContain('vault');
  });

  it('keeps no secret in plaintext in the database or its files, nor in the logs (I6)', async () => {
    await put(client, document());
    const file = join(server.dataDir, 'otpd.db');
    const cells = everyCell(file).join('\n');
    expect(cells).toContain('gw-a'); // the settings really are there
    for (const secret of SECRETS) expect(cells).not.toContain(secret);
    for (const name of readdirSync(server.dataDir)) {
      const bytes = readFileSync(join(server.dataDir, name));
      for (const secret of SECRETS) expect(bytes.includes(secret), name).toBe(false);
    }
    const logs = server.logs.join('');
    for (const secret of SECRETS) expect(logs).not.toContain(secret);
  });
});
