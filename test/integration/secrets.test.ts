import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCodeService } from '../helpers/fake-code-service.ts';
import { startFakeTwilioVerify } from '../helpers/fake-twilio-verify.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';

/** I1 and I6: codes live only as HMACs; no code, key, secret or full destination is logged. */
describe('secrets stay secret', () => {
  let server: TestServer;
  const codes: string[] = [];
  let apiKey: string;
  const destination = '+905551250001';

  beforeAll(async () => {
    server = await startServer(); // logs at debug level
    const created = await server.createApp('Vault');
    apiKey = created.apiKey;
    const { client } = created;
    const v = await client.post(
      '/v1/verifications',
      { to: destination, codeLength: 10, metadata: { note: 'x' } },
      { 'idempotency-key': 'secret-test-1' },
    );
    codes.push(await server.readCode(client, v.body.id));
    await client.post(`/v1/verifications/${v.body.id}/check`, { code: '0000000000' });
    const w = await client.post('/v1/verifications', {
      to: 'Person@Example.com',
      channel: 'email',
      codeLength: 10,
    });
    codes.push(await server.readCode(client, w.body.id));
    await client.post('/v1/verifications/check', { to: 'person@example.com', code: codes[1] });
    await client.post(`/v1/verifications/${v.body.id}/check`, { code: codes[0] });
    await client.get('/v1/verifications/nope', { authorization: 'Bearer otpd_wrongwrongwrong' });
    await client.get(`/v1/sandbox/messages?to=${encodeURIComponent(destination)}`);
  });
  afterAll(() => server.close());

  it('logs at debug level contain no code, API key, server secret or full destination', () => {
    const output = server.logs.join('');
    expect(output.length).toBeGreaterThan(0);
    expect(output).toContain('verification started'); // the log really was captured
    const secret = readFileSync(join(server.dataDir, 'server.key'), 'utf8').trim();
    for (const code of codes) expect(output).not.toContain(code);
    expect(output).not.toContain(apiKey);
    expect(output).not.toContain(apiKey.slice(5, 20));
    expect(output).not.toContain(secret);
    expect(output).not.toContain(destination);
    expect(output).not.toContain('905551250001');
    expect(output.toLowerCase()).not.toContain('person@example.com');
    expect(output).not.toContain('otpd_wrongwrongwrong');
  });

  it('stores only HMACs of codes, and erases outbox ciphertexts once delivered', () => {
    const db = new Database(join(server.dataDir, 'otpd.db'), { readonly: true });
    try {
      const verifications = db.prepare('select * from verifications').all() as Record<
        string,
        unknown
      >[];
      expect(verifications.length).toBe(2);
      const dump = JSON.stringify(verifications);
      for (const code of codes) expect(dump).not.toContain(code);
      for (const row of verifications) {
        expect(row.code_hash).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32-byte HMAC, base64url
        expect(row.code_key_id).toMatch(/^[0-9a-f]{12}$/);
      }
      const jobs = db.prepare('select status, code_ciphertext from outbox_jobs').all();
      expect(jobs).toEqual(jobs.map(() => ({ status: 'sent', code_ciphertext: null })));
      const keys = JSON.stringify(db.prepare('select * from api_keys').all());
      expect(keys).not.toContain(apiKey);
      const idempotency = JSON.stringify(db.prepare('select * from idempotency_keys').all());
      for (const code of codes) expect(idempotency).not.toContain(code);
    } finally {
      db.close();
    }
  });
});

/** I6 for the credentials of integration mode 3: a code-making sender and its validator. */
describe('sender and validator secrets stay secret', () => {
  it('logs at debug level contain neither their credentials nor the codes they made', async () => {
    const account = {
      accountSid: `AC${'3'.repeat(32)}`,
      authToken: 'verify-secret-token-5150',
      serviceSid: `VA${'4'.repeat(32)}`,
    };
    const twilio = await startFakeTwilioVerify(account);
    const service = await startFakeCodeService();
    const server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    try {
      const { appId, client } = await server.createApp('Vault 3');
      const put = await client.request('PUT', '/v1/settings', {
        channels: {
          sms: {
            providers: [{ type: 'twilio-verify', name: 'verify', ...account, baseUrl: twilio.url }],
          },
          email: {
            providers: [
              {
                type: 'http',
                name: 'maker',
                request: {
                  url: `${service.url}/send`,
                  headers: { 'X-Sender-Key': 'sender-secret-key-7070' },
                  body: { to: '{{to}}' },
                },
                generatesCode: true,
                referencePointer: '/ref',
              },
            ],
          },
        },
        validator: { type: 'twilio-verify', ...account, baseUrl: twilio.url },
      });
      expect(put.status).toBe(200);
      const to = '+14155550199';
      const v = await client.post('/v1/verifications', { to });
      const w = await client.post('/v1/verifications', { to: 'p@q.example', channel: 'email' });
      for (let i = 0; i < 250 && twilio.verifications.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      for (let i = 0; i < 250 && service.sent.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const code = twilio.latest(to).code;
      await client.post(`/v1/verifications/${v.body.id}/check`, { code: '999999' });
      await client.post(`/v1/verifications/${v.body.id}/check`, { code });
      // The email's code was made by a service the twilio-verify validator does not know:
      // the check is asked and answered "no", carrying the code out, never into a log.
      await client.post(`/v1/verifications/${w.body.id}/check`, { code: service.sent[0]?.code });
      await client.post('/v1/settings/test-send', { channel: 'email', to: 'p@q.example' });

      const output = server.logs.join('');
      expect(output).toContain('message sent');
      expect(output).not.toContain(account.authToken);
      expect(output).not.toContain(
        Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64'),
      );
      expect(output).not.toContain('sender-secret-key-7070');
      expect(output).not.toContain(code);
      for (const made of service.sent) expect(output).not.toContain(made.code);
      const stored = JSON.stringify(await server.deps.store.getAppSettings(appId));
      expect(stored).not.toContain(account.authToken);
      expect(stored).not.toContain('sender-secret-key-7070');
    } finally {
      await server.close();
      await twilio.close();
      await service.close();
    }
  });
});
