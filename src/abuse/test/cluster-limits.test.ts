import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppWithClusterCli } from '../../../test/helpers/cluster.ts';
import { type Client, createClient } from '../../../test/helpers/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import {
  cleanupProcesses,
  type ServerProcess,
  startServerProcess,
} from '../../../test/helpers/process.ts';

/** The Redis the tests use; never skipped: when it is down the test fails, saying so. */
const REDIS_URL = process.env.OTPD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'cluster-limits-test-server-secret-0123456789';

/**
 * Two otpd processes on one PostgreSQL database and one Redis, requests alternating between
 * them as a load balancer would: the limits across verifications hold exactly across both.
 */
describe('limits across two instances sharing Redis', () => {
  const prefix = `otpd-test:${randomBytes(6).toString('hex')}:`;
  let admin: Redis;
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let viaA: Client;
  let viaB: Client;
  const alternate = (i: number) => (i % 2 === 0 ? viaA : viaB);

  beforeAll(async () => {
    admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await admin.ping().catch((error: Error) => {
      throw new Error(`cannot reach Redis at ${REDIS_URL} (${error.message}); never skipped`);
    });
    database = await createTestDatabase();
    const env = {
      OTPD_DATABASE_URL: database.url,
      OTPD_SECRET: SECRET,
      OTPD_REDIS_URL: REDIS_URL,
      OTPD_REDIS_KEY_PREFIX: prefix,
      // Each instance sees a settings change made through the other at once.
      OTPD_SETTINGS_REFRESH_MS: '0',
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    const app = await createAppWithClusterCli(env);
    viaA = createClient(a.url, app.apiKey);
    viaB = createClient(b.url, app.apiKey);
    const put = await viaA.request('PUT', '/v1/settings', {
      limits: {
        createPerClientIp: { max: 7, windowSeconds: 3_600 },
        sendsPerDestination: { max: 5, windowSeconds: 600 },
      },
    });
    expect(put.status, put.text).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await cleanupProcesses();
    await database?.drop();
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('both report Redis ready', async () => {
    for (const server of [a, b]) {
      const ready = await fetch(`${server.url}/readyz`);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: { database: 'ok', redis: 'ok' },
      });
    }
  });

  it('100 concurrent creates to one destination across both: exactly 5 accepted', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        alternate(i).post('/v1/verifications', {
          to: '+14155550142',
          clientIp: `2001:db8:${i.toString(16)}::1`,
        }),
      ),
    );
    expectAdmitted(answers, 5);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(95);
    expect(refused.every((r) => r.body.limit === 'sendsPerDestination')).toBe(true);
  });

  it('60 concurrent creates from one end-user IP across both: exactly 7 accepted', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        alternate(i).post('/v1/verifications', {
          to: `+1415555${String(2_000 + i).padStart(4, '0')}`,
          clientIp: '203.0.113.77',
        }),
      ),
    );
    expectAdmitted(answers, 7);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(53);
    expect(refused.every((r) => r.body.limit === 'createPerClientIp')).toBe(true);
  });
});

/**
 * Exactly `max` requests got past the limit. On a loaded machine a later Redis call of an
 * admitted request (the app budgets) may exceed its timeout: that request fails closed with
 * 503 after the limit counted it, so it is admitted yet not created.
 */
function expectAdmitted(answers: { status: number; body: any }[], max: number): void {
  const statuses = answers.map((r) => `${r.status} ${r.body.code ?? ''}`).sort();
  const created = answers.filter((r) => r.status === 201).length;
  const unavailable = answers.filter(
    (r) => r.status === 503 && r.body.code === 'service_unavailable',
  ).length;
  expect(created + unavailable, statuses.join(', ')).toBe(max);
  expect(created, statuses.join(', ')).toBeGreaterThan(0);
}
