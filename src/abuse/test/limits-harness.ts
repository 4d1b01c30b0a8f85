import { expect } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { ApiResponse, Client } from '../../../test/helpers/http-client.ts';

/*
 * What the limits-*-scenarios.ts files share. The abuse limits across verifications are driven
 * over HTTP against a real server on a fake clock (I8). The same scenarios run on the in-memory
 * limiter and on Redis: `backend` gives each test the environment of its server and cleans up
 * after it.
 */

/** Where the limiter of a test's server keeps its counters. */
export interface LimitsBackend {
  name: string;
  /** Environment for one test's server, and what to do once the server is closed. */
  open(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

export const HOUR = 3_600;
export const DAY = 86_400;
export const tr = (n: number) => `+90555124${String(n).padStart(4, '0')}`;
export const US = '+14155550100';

export interface LimitsHarness {
  server: TestServer;
  clock: FakeClock;
  client: Client;
  appId: string;
  create(to: string, clientIp?: string, channel?: string): Promise<ApiResponse>;
  settle(limits: Record<string, unknown>, extra?: Record<string, unknown>): Promise<void>;
  wrongCodeFor(id: string): Promise<{ right: string; wrong: string }>;
}

/** Asserts a limit's refusal: 429 problem+json naming it, with Retry-After in seconds. */
export function expectRefused(response: ApiResponse, limit: string, retryAfter?: number) {
  expect(response.status, response.text).toBe(429);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status: 429, code: 'rate_limited', limit });
  const header = Number(response.headers.get('retry-after'));
  expect(header).toBeGreaterThanOrEqual(1);
  if (retryAfter !== undefined) expect(header).toBe(retryAfter);
  return header;
}

/** Runs `run` on a fresh server (own clock, own app) on `backend`, and closes it after. */
export async function withServer(backend: LimitsBackend, run: (t: LimitsHarness) => Promise<void>) {
  const t = await open(backend);
  try {
    await run(t);
  } finally {
    await t.close();
  }
}

/** A fresh server (own clock, own app) for one test; `close` runs after it. */
async function open(backend: LimitsBackend): Promise<LimitsHarness & { close(): Promise<void> }> {
  const { env, cleanup } = await backend.open();
  const clock = createFakeClock();
  const server = await startServer({ clock, env });
  const { client, appId } = await server.createApp();
  const harness = harnessFor(server, clock, client, appId);
  return {
    ...harness,
    async close() {
      await server.close();
      await cleanup();
    },
  };
}

export function harnessFor(server: TestServer, clock: FakeClock, client: Client, appId: string) {
  return {
    server,
    clock,
    client,
    appId,
    create(to: string, clientIp?: string, channel?: string) {
      return client.post('/v1/verifications', {
        to,
        ...(channel ? { channel } : {}),
        ...(clientIp ? { clientIp } : {}),
      });
    },
    async settle(limits: Record<string, unknown>, extra: Record<string, unknown> = {}) {
      const put = await client.request('PUT', '/v1/settings', { ...extra, limits });
      expect(put.status, put.text).toBe(200);
    },
    async wrongCodeFor(id: string) {
      const right = await server.readCode(client, id);
      return { right, wrong: right === '000000' ? '000001' : '000000' };
    },
  };
}
