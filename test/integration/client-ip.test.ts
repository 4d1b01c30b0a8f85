import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createDeps } from '../../src/deps.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';

describe('clientIp', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('is accepted on create, both checks and resend, and must be an IP address', async () => {
    const { client } = await server.createApp();
    const to = '+905551248001';
    const created = await client.post('/v1/verifications', { to, clientIp: '2001:db8::7' });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    const requests = [
      ['/v1/verifications', { to, clientIp: 'localhost' }],
      [`/v1/verifications/${id}/check`, { code: '123456', clientIp: '300.1.2.3' }],
      ['/v1/verifications/check', { to, code: '123456', clientIp: '' }],
      [`/v1/verifications/${id}/resend`, { clientIp: '10.0.0.1/8' }],
      [`/v1/verifications/${id}/resend`, { clientIp: '10.0.0.1', extra: 1 }],
    ] as const;
    for (const [path, body] of requests) {
      const answer = await client.post(path, body);
      expect(answer.status, `${path} ${answer.text}`).toBe(400);
      expect(answer.body.code).toBe('validation_failed');
    }
    const check = await client.post(`/v1/verifications/${id}/check`, {
      code: '000000',
      clientIp: '198.51.100.1',
    });
    expect(check.status).toBe(200);
  });
});

describe('OTPD_TRUST_PROXY', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'otpd-proxy-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** The address a route sees, for a request from 127.0.0.1 with an X-Forwarded-For. */
  async function seenIp(trustProxy: string | undefined) {
    const config = loadConfig({
      OTPD_DATA_DIR: dataDir,
      OTPD_LOG_LEVEL: 'silent',
      ...(trustProxy ? { OTPD_TRUST_PROXY: trustProxy } : {}),
    });
    const deps = createDeps(config);
    const app = await buildApp(deps);
    // A browser-facing route will read request.ip; this one shows it.
    app.get('/test/ip', async (request) => ({ ip: request.ip }));
    try {
      const answer = await app.inject({
        url: '/test/ip',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': '203.0.113.50' },
      });
      return answer.json().ip;
    } finally {
      await app.close();
      await deps.store.close();
      await deps.limiter.close();
    }
  }

  it('honours X-Forwarded-For only from the listed proxies', async () => {
    expect(await seenIp(undefined)).toBe('127.0.0.1');
    expect(await seenIp('10.0.0.0/8')).toBe('127.0.0.1');
    expect(await seenIp('127.0.0.1/32,10.0.0.0/8')).toBe('203.0.113.50');
  });
});
