import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppWithClusterCli } from '../../../test/helpers/cluster.ts';
import { openStream } from '../../../test/helpers/event-stream.ts';
import { type Client, createClient } from '../../../test/helpers/http-client.ts';
import { createVisitor } from '../../../test/helpers/messenger-visitor.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import {
  cleanupProcesses,
  readSandboxCode,
  type ServerProcess,
  startServerProcess,
} from '../../../test/helpers/process.ts';
import {
  connectTestRedis,
  deleteRedisKeys,
  randomRedisPrefix,
  TEST_REDIS_URL,
} from '../../../test/helpers/redis.ts';

const SECRET = 'cluster-messenger-server-secret-0123456789';
/**
 * How soon a reply must reach the page: far below the stream's reconnect delay (`retry:
 * 2000`) and its 15 s heartbeat, so only a live wake-up across instances can meet it.
 */
const PROMPTLY_MS = 1_000;

interface Pair {
  a: ServerProcess;
  b: ServerProcess;
  viaA: Client;
  appId: string;
}

/** Two instances on the test database, with `env` added; an app with its messenger on. */
async function startPair(database: TestDatabase, env: Record<string, string>): Promise<Pair> {
  const all = {
    OTPD_DATABASE_URL: database.url,
    OTPD_SECRET: SECRET,
    // Instance B sees the messenger A switched on at once.
    OTPD_SETTINGS_REFRESH_MS: '0',
    ...env,
  };
  // One after the other: two cold starts at once on a busy small machine outlast the timeout.
  const a = await startServerProcess(all);
  const b = await startServerProcess(all);
  const app = await createAppWithClusterCli(all, 'Chat Shop');
  const viaA = createClient(a.url, app.apiKey);
  const put = await viaA.request('PUT', '/v1/settings', { messenger: { enabled: true } });
  if (put.status !== 200) throw new Error(`settings: ${put.text}`);
  return { a, b, viaA, appId: app.id };
}

/** A visitor verified through instance B's messenger, with the chat's stream open on B. */
async function pageOnB(pair: Pair, phone: string) {
  const visitor = createVisitor(pair.b.url, pair.appId);
  const started = await visitor.post('/verifications', { phone });
  expect(started.status, started.text).toBe(201);
  const code = await readSandboxCode(pair.viaA, started.body.id);
  const checked = await visitor.post(`/verifications/${started.body.id}/check`, { code });
  expect(checked.status, checked.text).toBe(200);
  const url = `${pair.b.url}/messenger/${pair.appId}/api/events`;
  const stream = await openStream(url, visitor);
  expect(stream.response.status).toBe(200);
  return { visitor, url, stream, conversationId: checked.body.conversation.id as string };
}

/** An agent's reply through instance A; resolves with how long B's stream took to carry it. */
async function replyThroughA(pair: Pair, page: Awaited<ReturnType<typeof pageOnB>>) {
  const posted = await pair.viaA.post(`/v1/conversations/${page.conversationId}/messages`, {
    author: 'agent',
    text: 'Hello from instance A',
  });
  expect(posted.status, posted.text).toBe(201);
  const sent = Date.now();
  const events = await page.stream.waitFor(1, PROMPTLY_MS);
  return { events: [...events], afterMs: Date.now() - sent };
}

describe('messenger replies across two instances', () => {
  let database: TestDatabase;
  const prefix = randomRedisPrefix();

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await cleanupProcesses();
    await database?.drop();
    const admin = await connectTestRedis();
    await deleteRedisKeys(admin, prefix);
    await admin.quit();
  });

  it('carries a reply and the close posted to instance A to a page connected to instance B over Redis', async () => {
    const pair = await startPair(database, {
      OTPD_REDIS_URL: TEST_REDIS_URL,
      OTPD_REDIS_KEY_PREFIX: prefix,
    });
    const page = await pageOnB(pair, '+905554101001');
    try {
      const { events } = await replyThroughA(pair, page);
      expect(events.map((e) => [e.id, e.event, e.data.author, e.data.text])).toEqual([
        ['1', 'message', 'agent', 'Hello from instance A'],
      ]);

      // Closed through A: the page on B hears the end at once, and B takes no more from it.
      const closed = await pair.viaA.post(`/v1/conversations/${page.conversationId}/close`);
      expect(closed.body.status).toBe('closed');
      const ended = await page.stream.waitFor(2, PROMPTLY_MS);
      expect(ended.at(-1)?.data).toMatchObject({ author: 'system', text: 'closed' });
      const refused = await page.visitor.post('/messages', { text: 'Still there?' });
      expect([refused.status, refused.body.code]).toEqual([409, 'conversation_closed']);
    } finally {
      await page.stream.close();
      // Four instances at once are too many for a small machine; the next test starts two.
      await Promise.all([pair.a.stop(), pair.b.stop()]);
    }
  }, 120_000);

  it('without Redis the page on B hears nothing until it reconnects', async () => {
    const pair = await startPair(database, {});
    const page = await pageOnB(pair, '+905554101002');
    try {
      const { events } = await replyThroughA(pair, page);
      expect(events).toEqual([]);
    } finally {
      await page.stream.close();
    }
    // The reply is stored: the reconnect (Last-Event-ID) brings it.
    const resumed = await openStream(page.url, page.visitor, '0');
    try {
      expect((await resumed.waitFor(1)).map((e) => e.data.text)).toEqual(['Hello from instance A']);
    } finally {
      await resumed.close();
      await Promise.all([pair.a.stop(), pair.b.stop()]);
    }
  }, 120_000);
});
