import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

describe('message texts in the sandbox', () => {
  let server: TestServer;
  let client: Client;

  beforeAll(async () => {
    server = await startServer();
    ({ client } = await server.createApp('Shop'));
  });
  afterAll(() => server.close());

  /** Starts a verification and answers the sandbox message's text and code. */
  async function send(request: Record<string, unknown>) {
    const { status, body } = await client.post('/v1/verifications', request);
    expect(status).toBe(201);
    const code = await server.readCode(client, body.id);
    const messages = await client.get('/v1/sandbox/messages?limit=100');
    const message = messages.body.data.find((m: any) => m.verificationId === body.id);
    return { text: message.body as string, code };
  }

  it('sends built-in Turkish ending with the WebOTP line to a tr reader of an app with webOtpHost', async () => {
    const put = await client.request('PUT', '/v1/settings', { webOtpHost: 'shop.example' });
    expect(put.status).toBe(200);
    expect(put.body.webOtpHost).toBe('shop.example');
    const { text, code } = await send({ to: '+905551260001', locale: 'tr' });
    expect(text).toBe(
      `Shop doğrulama kodunuz: ${code}. 10 dakika geçerlidir.\n@shop.example #${code}`,
    );
    expect(text.split('\n').at(-1)).toBe(`@shop.example #${code}`);
  });

  it('puts the Android hash line before the WebOTP line, and neither on whatsapp', async () => {
    await client.request('PUT', '/v1/settings', {
      defaultLocale: 'sw',
      androidAppHash: 'FA+9qCX9VSu',
      webOtpHost: 'shop.example',
    });
    const sms = await send({ to: '+255754260002' });
    expect(sms.text.split('\n')).toEqual([
      `Msimbo wako wa uthibitisho wa Shop ni ${sms.code}. Unaisha baada ya dakika 10.`,
      'FA+9qCX9VSu',
      `@shop.example #${sms.code}`,
    ]);
    const whatsapp = await send({ to: '+255754260003', channel: 'whatsapp', locale: 'fr' });
    expect(whatsapp.text).toBe(
      `Votre code de vérification Shop est ${whatsapp.code}. Il expire dans 10 minutes.`,
    );
  });

  it("puts a request's own Android hash in place of the app's", async () => {
    await client.request('PUT', '/v1/settings', { androidAppHash: 'FA+9qCX9VSu' });
    const own = await send({ to: '+905551260004', androidAppHash: 'Zq3/8kLm0Pw' });
    expect(own.text.split('\n').at(-1)).toBe('Zq3/8kLm0Pw');
    const bad = await client.post('/v1/verifications', {
      to: '+905551260005',
      androidAppHash: 'too-short',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.androidAppHash');
  });

  it('refuses a bad hash or host, naming each field, and saves nothing', async () => {
    await client.request('PUT', '/v1/settings', {});
    const { status, body } = await client.request('PUT', '/v1/settings', {
      androidAppHash: '<#> FA+9qCX9VSu',
      webOtpHost: 'https://shop.example',
    });
    expect(status).toBe(400);
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.androidAppHash',
      'body.webOtpHost',
    ]);
    const read = await client.get('/v1/settings');
    expect(read.body).toMatchObject({ androidAppHash: null, webOtpHost: null });
  });
});
