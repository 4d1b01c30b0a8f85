import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { document, put, startSettingsServer } from './settings-fixture.ts';

describe('app settings over HTTP: refusals, access and the document of the API', () => {
  let server: TestServer;
  let client: Client;
  let otherClient: Client;

  beforeAll(async () => {
    ({ server, client, otherClient } = await startSettingsServer());
  });
  afterAll(() => server.close());

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
});
