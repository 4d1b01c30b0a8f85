import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../../../test/helpers/harness.ts';
import { createClient } from '../../../../test/helpers/http-client.ts';
import { chatProvider, sendmok, useDiyalogBot } from './diyalog-fixture.ts';

describe('diyalog bot endpoints: tokens, arbitrary bodies, documentation, hosts and settings', () => {
  const { bot, fresh } = useDiyalogBot();

  it('refuses an unknown bot token with 401 and sends nothing', async () => {
    const before = bot.chat.requests.length;
    for (const url of [bot.sendmokUrl('otpd_live_unknown'), bot.postbackUrl('nope')]) {
      const refused = await bot.client.post(url, sendmok(fresh()));
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.code).toBe('invalid_api_key');
      // The token travels in the path: there is no Authorization header to ask for.
      expect(refused.headers.get('www-authenticate')).toBeNull();
    }
    await bot.drain();
    expect(bot.chat.requests.length).toBe(before);
  });

  it('never answers 5xx to arbitrary bodies, and every 4xx is a problem', async () => {
    const ids = fresh();
    await bot.client.post(bot.sendmokUrl(), sendmok(ids));
    const button = fc.record(
      {
        type: fc.constantFrom('postback', 'web_url', 'call'),
        title: fc.string({ maxLength: 90 }),
        payload: fc.oneof(fc.string(), fc.constant('https://x.example'), fc.constant('482913')),
        payloadHidden: fc.oneof(fc.boolean(), fc.string()),
        payloadSeenByUser: fc.string(),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.constantFrom('', '{', '{"__proto__":{"x":1}}'),
      fc
        .record(
          {
            customerNo: fc.oneof(fc.string({ maxLength: 140 }), fc.constant(ids.customerNo)),
            messageId: fc.oneof(fc.string({ maxLength: 140 }), fc.constant(ids.messageId)),
            mokMessage: fc.string({ maxLength: 50 }),
            mokValue: fc.oneof(fc.string(), fc.stringMatching(/^\d{4,10}$/)),
            imageUrl: fc.oneof(fc.string(), fc.webUrl()),
            payload: fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^\d{6}$/)),
            buttonsV2: fc.array(button, { maxLength: 12 }),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
    );
    const paths = fc.constantFrom(bot.sendmokUrl(), bot.postbackUrl(), bot.sendmokUrl('nope'));
    await fc.assert(
      fc.asyncProperty(paths, body, async (path, payload) => {
        const response = await bot.client.post(path, payload);
        expect(response.status, `${path} ${payload} → ${response.text}`).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toContain('application/problem+json');
          expect(typeof response.body.code).toBe('string');
        }
      }),
      { numRuns: 200 },
    );
    expect(bot.server.logs.filter((line) => line.includes('"statusCode":500'))).toEqual([]);
  });

  it('documents both endpoints in OpenAPI', async () => {
    const spec = await createClient(bot.server.url).get('/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/diyalog/v1/bots/sendmok/{botAccessToken}',
        '/diyalog/v1/bots/postback/{botAccessToken}',
      ]),
    );
  });

  it('is served at the root of its own host too', async () => {
    const hosted = await startServer({
      env: { OTPD_DIALECT_HOSTS: 'diyalog=bots.example.com' },
      dispatcher: false,
    });
    try {
      const { apiKey } = await hosted.createApp('Hosted Bot');
      // Through Fastify's injection: fetch does not let a request name another Host.
      const response = await hosted.app.inject({
        method: 'POST',
        url: `/v1/bots/sendmok/${apiKey}`,
        headers: { host: 'bots.example.com' },
        payload: { customerNo: 'user-7', mokMessage: 'Hello' },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ recipient_id: 'user-7' });
    } finally {
      await hosted.close();
    }
  });

  it('asks for a secret before a webhook URL is accepted', async () => {
    const put = await bot.client.request('PUT', '/v1/settings', {
      channels: { messenger: { providers: [chatProvider(bot.chat.url)] } },
      dialects: { diyalog: { webhookUrl: `${bot.hook.url}/diyalog` } },
    });
    expect(put.status).toBe(400);
    expect(put.body.errors).toEqual([
      {
        field: 'body.dialects.diyalog.secret',
        message: 'is needed with webhookUrl: forwarded presses are signed with it',
      },
    ]);
    // And the secret comes back masked.
    const read = await bot.client.get('/v1/settings');
    expect(read.body.dialects.diyalog).toEqual({
      secret: expect.stringMatching(/^••••/),
      webhookUrl: `${bot.hook.url}/diyalog`,
    });
  });
});
