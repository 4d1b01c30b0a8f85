import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { DATABASE_FILE } from '../../deps/open-databases.ts';
import { BOT_SECRET } from './messenger-bot-fixture.ts';

describe('messenger settings', () => {
  let server: TestServer;
  let client: Client;
  let appId: string;

  beforeAll(async () => {
    server = await startServer();
    ({ client, appId } = await server.createApp('Shop'));
  });
  afterAll(() => server.close());

  const put = (body: unknown) => client.request('PUT', '/v1/settings', body);

  it('stores the bot secret encrypted and shows it masked, keeping it on a masked round trip', async () => {
    const messenger = {
      enabled: true,
      askName: true,
      texts: { tr: { welcome: 'Merhaba!' } },
      allowedOrigins: ['https://shop.example'],
      bot: { url: 'https://bot.example/hook', secret: BOT_SECRET },
      limits: { requestsPerIp: { max: 3 } },
    };
    const { status, body } = await put({ messenger });
    expect(status).toBe(200);
    expect(body.messenger.bot).toEqual({ url: 'https://bot.example/hook', secret: '••••LaSw' });
    expect(body.messenger.limits.requestsPerIp).toEqual({ max: 3, windowSeconds: 3_600 });
    expect(body.messenger.authentication).toBe('otp');

    const shown = (await client.get('/v1/settings')).body;
    expect(JSON.stringify(shown)).not.toContain(BOT_SECRET);
    expect((await put(shown)).status).toBe(200);
    expect((await server.deps.settings.get(appId)).messenger.bot?.secret).toBe(BOT_SECRET);

    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const row = db.prepare('select settings from apps where id = ?').get(appId) as {
        settings: string;
      };
      expect(row.settings).not.toContain(BOT_SECRET);
    } finally {
      db.close();
    }
  });

  it('refuses an origin with a path, a country in lower case and a bot secret of another shape', async () => {
    const { status, body } = await put({
      messenger: {
        allowedOrigins: ['https://shop.example/'],
        preferredCountry: 'tr',
        bot: { url: 'https://bot.example', secret: 'plain' },
      },
    });
    expect(status).toBe(400);
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.messenger.allowedOrigins.0',
        'body.messenger.preferredCountry',
        'body.messenger.bot.secret',
      ]),
    );
  });
});
