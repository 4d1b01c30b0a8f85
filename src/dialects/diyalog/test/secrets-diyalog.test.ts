import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../../../../test/helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../../../../test/helpers/harness.ts';
import { createClient } from '../../../../test/helpers/http-client.ts';
import { signPayload } from '../../domain/diyalog-signing.ts';

/** I1 and I6 for Diyalog: the bot token, the app's code and its text stay out of logs and rows. */
describe('diyalog messages stay secret', () => {
  const SECRET = 'diyalog-vault-secret-0c7d31aa';
  const CODE = '739184';
  const TEXT = `Vault code ${CODE}`;
  let server: TestServer;
  let chat: FakeGateway;
  let hook: FakeGateway;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    chat = await startFakeGateway(() => ({ status: 200, body: { ok: true } }));
    hook = await startFakeGateway(() => ({ status: 200 }));
    const created = await server.createApp('Chat Vault');
    token = created.apiKey;
    const put = await created.client.request('PUT', '/v1/settings', {
      channels: {
        messenger: {
          providers: [
            {
              type: 'http',
              name: 'chat',
              request: { url: `${chat.url}/m`, body: { to: '{{to}}', text: '{{message}}' } },
            },
          ],
        },
      },
      dialects: { diyalog: { secret: SECRET, webhookUrl: `${hook.url}/hook` } },
    });
    expect(put.status, put.text).toBe(200);
    const bot = createClient(server.url);
    await bot.post(`/diyalog/v1/bots/sendmok/${token}`, {
      customerNo: 'vault-customer-9911',
      messageId: 'vault-msg-1',
      mokMessage: TEXT,
      mokValue: CODE,
      buttonsV2: [{ type: 'postback', title: 'Approve', payload: CODE, payloadHidden: true }],
    });
    for (let i = 0; i < 250 && chat.requests.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    // The chat presses the hidden button's payload as it was sent: signed.
    await bot.post(`/diyalog/v1/bots/postback/${token}`, {
      messageId: 'vault-msg-1',
      payload: signPayload(SECRET, 'vault-msg-1', CODE),
    });
    for (let i = 0; i < 250 && hook.requests.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(hook.requests).toHaveLength(1);
  });
  afterAll(async () => {
    await server.close();
    await chat.close();
    await hook.close();
  });

  it('logs neither the bot token, the code, the text, the secret nor the customer', () => {
    const output = server.logs.join('');
    expect(output).toContain('/diyalog/v1/bots/sendmok/:botAccessToken');
    expect(output).toContain('diyalog button pressed');
    for (const secret of [token, CODE, TEXT, SECRET, 'vault-customer-9911']) {
      expect(output).not.toContain(secret);
    }
  });

  it('stores the code only as an HMAC, and neither the text nor the press in the clear', () => {
    const db = new Database(join(server.dataDir, 'otpd.db'), { readonly: true });
    try {
      for (const table of ['verifications', 'outbox_jobs', 'webhook_deliveries']) {
        const dump = JSON.stringify(db.prepare(`select * from ${table}`).all());
        expect(dump, table).not.toContain(CODE);
        expect(dump, table).not.toContain('Vault code');
      }
      const jobs = db.prepare('select code_ciphertext, message_ciphertext from outbox_jobs').all();
      expect(jobs).toEqual([{ code_ciphertext: null, message_ciphertext: null }]);
    } finally {
      db.close();
    }
  });
});
