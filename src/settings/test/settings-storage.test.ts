import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import {
  AUTH_TOKEN,
  BEARER,
  document,
  put,
  SECRETS,
  startSettingsServer,
  VAR_KEY,
  WEBHOOK_SECRET,
} from './settings-fixture.ts';

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

describe('app settings over HTTP: the document stored, shown masked and audited', () => {
  let server: TestServer;
  let client: Client;
  let appId: string;
  let otherClient: Client;

  beforeAll(async () => {
    ({ server, client, appId, otherClient } = await startSettingsServer());
  });
  afterAll(() => server.close());

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
