import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
