import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { document, put, startSettingsServer } from './settings-fixture.ts';

describe('app settings over HTTP: what they change in verifications', () => {
  let server: TestServer;
  let client: Client;

  beforeAll(async () => {
    ({ server, client } = await startSettingsServer());
  });
  afterAll(() => server.close());

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
});
