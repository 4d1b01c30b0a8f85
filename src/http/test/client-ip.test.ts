import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { ApiResponse, Client } from '../../../test/helpers/http-client.ts';
import { buildApp } from '../../app.ts';
import { createDeps } from '../../deps.ts';
import { loadConfig } from '../../kernel/config/config.ts';

const HOUR = 3_600;
const tr = (n: number) => `+90555126${String(n).padStart(4, '0')}`;

function expectRefusedBy(response: ApiResponse, limit: string) {
  expect(response.status, response.text).toBe(429);
  expect(response.body).toMatchObject({ code: 'rate_limited', limit });
}

/** An app whose per-IP limits are tight: 2 codes and 2 wrong codes per address and hour. */
async function tightApp(server: TestServer): Promise<Client> {
  const { client } = await server.createApp();
  const put = await client.request('PUT', '/v1/settings', {
    limits: {
      createPerClientIp: { max: 2, windowSeconds: HOUR },
      failedChecksPerDestinationAndIp: { max: 2, windowSeconds: HOUR },
    },
  });
  expect(put.status, put.text).toBe(200);
  return client;
}

const forwardedFor = (ip: string) => ({ 'x-forwarded-for': ip });

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

describe('per-IP limits without clientIp', () => {
  const clock = createFakeClock();
  let direct: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    direct = await startServer({ clock });
    proxied = await startServer({ env: { OTPD_TRUST_PROXY: '127.0.0.1/32' } });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  it('count the connection address, so a caller without clientIp is still limited per IP', async () => {
    const client = await tightApp(direct);
    expect((await client.post('/v1/verifications', { to: tr(1) })).status).toBe(201);
    const second = await client.post('/v1/verifications', { to: tr(2) });
    expect(second.status).toBe(201);
    expectRefusedBy(await client.post('/v1/verifications', { to: tr(3) }), 'createPerClientIp');
    clock.advance(30_000); // past the resend cooldown
    expectRefusedBy(
      await client.post(`/v1/verifications/${second.body.id}/resend`),
      'createPerClientIp',
    );
  });

  it('ignore X-Forwarded-For from an untrusted peer, so a client cannot spoof past them', async () => {
    const client = await tightApp(direct);
    for (const [n, ip] of ['203.0.113.1', '203.0.113.2'].entries()) {
      const answer = await client.post('/v1/verifications', { to: tr(10 + n) }, forwardedFor(ip));
      expect(answer.status, answer.text).toBe(201);
    }
    expectRefusedBy(
      await client.post('/v1/verifications', { to: tr(12) }, forwardedFor('203.0.113.3')),
      'createPerClientIp',
    );
  });

  it("count X-Forwarded-For's client from a trusted proxy, one end user apart from another", async () => {
    const client = await tightApp(proxied);
    for (const n of [20, 21]) {
      const answer = await client.post(
        '/v1/verifications',
        { to: tr(n) },
        forwardedFor('203.0.113.9'),
      );
      expect(answer.status, answer.text).toBe(201);
    }
    expectRefusedBy(
      await client.post('/v1/verifications', { to: tr(22) }, forwardedFor('203.0.113.9')),
      'createPerClientIp',
    );
    const other = await client.post(
      '/v1/verifications',
      { to: tr(22) },
      forwardedFor('203.0.113.10'),
    );
    expect(other.status, other.text).toBe(201);
  });

  it('let an explicit clientIp win over the connection and the proxy', async () => {
    const client = await tightApp(proxied);
    // Three codes through one proxied address, each for another end user the app names.
    for (const n of [30, 31, 32]) {
      const answer = await client.post(
        '/v1/verifications',
        { to: tr(n), clientIp: `198.51.100.${n}` },
        forwardedFor('203.0.113.20'),
      );
      expect(answer.status, answer.text).toBe(201);
    }
    const again = { to: tr(33), clientIp: '198.51.100.30' };
    expect((await client.post('/v1/verifications', again)).status).toBe(201);
    expectRefusedBy(
      await client.post('/v1/verifications', { ...again, to: tr(34) }),
      'createPerClientIp',
    );
  });

  it('count wrong codes per destination and connection address on both checks', async () => {
    const client = await tightApp(direct);
    const created = await client.post('/v1/verifications', { to: tr(40) });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const code = await direct.readCode(client, id);
    const wrong = code === '000000' ? '000001' : '000000';
    expect((await client.post(`/v1/verifications/${id}/check`, { code: wrong })).status).toBe(200);
    expect((await client.post('/v1/verifications/check', { to: tr(40), code: wrong })).status).toBe(
      200,
    );
    expectRefusedBy(
      await client.post(`/v1/verifications/${id}/check`, { code: wrong }),
      'failedChecksPerDestinationAndIp',
    );
    // Another end user named by the app is not held back by the first one's guesses.
    const named = await client.post(`/v1/verifications/${id}/check`, {
      code,
      clientIp: '198.51.100.77',
    });
    expect(named.body).toMatchObject({ valid: true });
  });
});
