import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer } from '../../../test/helpers/harness.ts';
import {
  cleanupProcesses,
  freePort,
  runServerToExit,
  tempDir,
} from '../../../test/helpers/process.ts';
import { connectTestRedis, TEST_REDIS_URL } from '../../../test/helpers/redis.ts';
import { describeCheckLimits } from './limits-check-scenarios.ts';
import type { LimitsBackend } from './limits-harness.ts';
import { describeSendLimits } from './limits-send-scenarios.ts';

const REDIS_URL = TEST_REDIS_URL;

let admin: Redis;
beforeAll(async () => {
  admin = await connectTestRedis();
});
afterAll(() => admin?.quit());
afterEach(() => cleanupProcesses());

/** A random key prefix for one test; its keys are deleted after it. */
function redisPrefix() {
  const prefix = `otpd-test:${randomBytes(6).toString('hex')}:`;
  return {
    prefix,
    env: { OTPD_REDIS_URL: REDIS_URL, OTPD_REDIS_KEY_PREFIX: prefix },
    async cleanup() {
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
    },
  };
}

const redis: LimitsBackend = { name: 'Redis', open: async () => redisPrefix() };
describeSendLimits(redis);
describeCheckLimits(redis);

describe('the server on Redis', () => {
  it('keeps its counters under its prefix, keyed by app, and reports Redis in /readyz', async () => {
    const redis = redisPrefix();
    const server = await startServer({ clock: createFakeClock(), env: redis.env });
    try {
      const { client, appId } = await server.createApp();
      const created = await client.post('/v1/verifications', {
        to: '+905551249001',
        clientIp: '203.0.113.4',
      });
      expect(created.status).toBe(201);
      const keys = (await admin.keys(`${redis.prefix}*`)).sort();
      expect(keys).toEqual(
        [
          `${appId}:createPerClientIp:203.0.113.4`,
          `${appId}:fraudCountrySends:TR`,
          `${appId}:fraudSends:%2B90555124`,
          `${appId}:sendsPerAppPerChannel:sms`,
          `${appId}:sendsPerAppPerCountry:TR`,
          `${appId}:sendsPerDestination:%2B905551249001`,
        ].map((key) => redis.prefix + key),
      );
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: { database: 'ok', redis: 'ok' },
      });
    } finally {
      await server.close();
      await redis.cleanup();
    }
  });

  it('fails closed: with Redis unreachable, limited requests answer 503 and nothing is sent', async () => {
    const port = await freePort();
    const server = await startServer({
      env: { OTPD_REDIS_URL: `redis://:hunter2-secret@127.0.0.1:${port}` },
    });
    try {
      const { client } = await server.createApp();
      const created = await client.post('/v1/verifications', { to: '+905551249002' });
      expect(created.status, created.text).toBe(503);
      expect(created.headers.get('content-type')).toContain('application/problem+json');
      expect(created.body).toMatchObject({ code: 'service_unavailable' });
      expect(created.headers.get('retry-after')).toBe('2');
      const sandbox = await client.get('/v1/sandbox/messages');
      expect(sandbox.body.data).toEqual([]);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        checks: { database: 'ok', redis: 'unreachable' },
      });
      expect(server.logs.join('')).not.toContain('hunter2-secret');
    } finally {
      await server.close();
    }
  });

  it('refuses to start when Redis is unreachable: one line naming it, no password, exit 1', async () => {
    const port = await freePort();
    const result = await runServerToExit({
      OTPD_DATA_DIR: tempDir(),
      OTPD_REDIS_URL: `redis://otpd:hunter2-secret@127.0.0.1:${port}/0`,
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^otpd: .*redis://otpd@127\\.0\\.0\\.1:${port}/0`));
    expect(result.stderr + result.stdout).not.toContain('hunter2-secret');
  });
});
