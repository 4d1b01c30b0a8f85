import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/helpers/process.ts';
import {
  connectTestRedis,
  startRedisServer,
  stopProcess,
  TEST_REDIS_URL,
} from '../../../test/helpers/redis.ts';
import { createRedisConversationEvents } from '../adapters/redis-conversation-events.ts';
import type { ConversationEvents } from '../conversation-events.ts';
import type { ConversationMessage } from '../conversation-store.ts';
import { describeConversationEventsContract } from './conversation-events-contract.ts';

let admin: Redis;
beforeAll(async () => {
  admin = await connectTestRedis();
});
afterAll(() => admin?.quit());

interface Logged {
  warn: unknown[][];
  info: unknown[][];
}

function recordingLogger(): Logged & { logger: { warn: never; info: never } } {
  const logged: Logged = { warn: [], info: [] };
  const logger = {
    warn: (...args: unknown[]) => logged.warn.push(args),
    info: (...args: unknown[]) => logged.info.push(args),
  } as unknown as { warn: never; info: never };
  return { ...logged, logger };
}

const randomName = () => `otpd-test-${randomBytes(6).toString('hex')}`;

function openOn(channel: string, url = TEST_REDIS_URL, connectionName = randomName()) {
  const log = recordingLogger();
  const events = createRedisConversationEvents({
    url,
    channel,
    logger: log.logger,
    connectionName,
  });
  return { events, log, connectionName };
}

/** Publishes from `from` until a listener of `to` hears it: the subscription is live. */
async function untilLive(to: ConversationEvents, from: ConversationEvents): Promise<void> {
  const probe = `conv_probe_${randomBytes(4).toString('hex')}`;
  let heard = false;
  const unsubscribe = to.subscribe('app_probe', probe, () => {
    heard = true;
  });
  for (let i = 0; i < 100 && !heard; i++) {
    from.publish({ appId: 'app_probe', conversationId: probe, sequence: i + 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  unsubscribe();
  if (!heard) throw new Error('the subscription never became live');
}

// Each test has its own channel, so tests running side by side never hear each other.
describeConversationEventsContract('Redis', async () => {
  const channel = `${randomName()}:conversation-events`;
  const { events } = openOn(channel);
  const { events: second } = openOn(channel);
  return {
    events,
    second,
    ready: () => untilLive(events, second),
    cleanup: async () => {
      await Promise.all([events.close(), second.close()]);
    },
  };
});

const message: ConversationMessage = {
  id: 'cmsg_1',
  appId: 'app_wire',
  conversationId: 'conv_wire',
  sequence: 7,
  author: 'visitor',
  text: 'my card number is 4111',
  image: null,
  buttons: [],
  verification: null,
  createdAt: 0,
};

describe('Redis conversation events', () => {
  it('puts ids and the sequence on the channel, never what was written', async () => {
    const channel = `${randomName()}:conversation-events`;
    const listener = new Redis(TEST_REDIS_URL);
    const heard: string[] = [];
    listener.on('message', (_channel: string, text: string) => heard.push(text));
    await listener.subscribe(channel);
    const { events } = openOn(channel);
    try {
      events.publish(message);
      for (let i = 0; i < 100 && heard.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(heard).toHaveLength(1);
      const wire = JSON.parse(heard[0] as string);
      expect(Object.keys(wire).sort()).toEqual(['appId', 'conversationId', 'origin', 'sequence']);
      expect(wire).toMatchObject({ appId: 'app_wire', conversationId: 'conv_wire', sequence: 7 });
      expect(heard[0]).not.toContain('4111');
    } finally {
      await events.close();
      listener.disconnect();
    }
  });

  it('keeps two channels apart', async () => {
    const mine = openOn(`${randomName()}:conversation-events`);
    const channel = `${randomName()}:conversation-events`;
    const theirs = openOn(channel);
    const theirSecond = openOn(channel);
    try {
      let crossed = 0;
      mine.events.subscribe('app_a', 'conv_1', () => crossed++);
      await untilLive(theirs.events, theirSecond.events);
      await untilLive(mine.events, mine.events);
      const before = crossed;
      theirSecond.events.publish({ appId: 'app_a', conversationId: 'conv_1', sequence: 1 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(crossed).toBe(before);
    } finally {
      await Promise.all([mine.events.close(), theirs.events.close(), theirSecond.events.close()]);
    }
  });

  it('delivers locally and logs the outage once while Redis cannot be reached', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const { events, log } = openOn('nowhere:conversation-events', url);
    try {
      let woken = 0;
      events.subscribe('app_a', 'conv_1', () => woken++);
      for (let i = 1; i <= 3; i++) {
        events.publish({ appId: 'app_a', conversationId: 'conv_1', sequence: i });
        expect(woken).toBe(i);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect(log.warn).toHaveLength(1);
      expect(JSON.stringify(log.warn[0])).toContain('Redis connection lost');
    } finally {
      await events.close();
    }
  });

  it('wakes every local listener when its subscription comes back, and hears publishes again', async () => {
    const channel = `${randomName()}:conversation-events`;
    const here = openOn(channel);
    const there = openOn(channel);
    try {
      let woken = 0;
      here.events.subscribe('app_a', 'conv_1', () => woken++);
      // The inbox of an app hears that anything may have been missed.
      const inbox: unknown[] = [];
      here.events.subscribeApp('app_a', (notice) => inbox.push(notice));
      await untilLive(here.events, there.events);
      const before = woken;
      const clients = await admin.client('LIST');
      const id = String(clients)
        .split('\n')
        .find((line) => line.includes(`name=${here.connectionName}:subscriber `))
        ?.match(/\bid=(\d+)/)?.[1];
      expect(id).toBeDefined();
      await admin.client('KILL', 'ID', id as string);
      // Something may have been published while it was away: the listener reads again.
      for (let i = 0; i < 150 && woken === before; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(woken).toBeGreaterThan(before);
      expect(inbox).toContain(null);
      expect(here.log.warn).toHaveLength(1);
      expect(here.log.info).toHaveLength(1);
      const after = woken;
      there.events.publish({ appId: 'app_a', conversationId: 'conv_1', sequence: 9 });
      for (let i = 0; i < 100 && woken === after; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(woken).toBeGreaterThan(after);
    } finally {
      await Promise.all([here.events.close(), there.events.close()]);
    }
  });
  it('reaches the other instance once a Redis that was down at start comes up', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const channel = `${randomName()}:conversation-events`;
    const here = openOn(channel, url);
    const there = openOn(channel, url);
    let woken = 0;
    here.events.subscribe('app_a', 'conv_1', () => woken++);
    there.events.publish({ appId: 'app_a', conversationId: 'conv_1', sequence: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(woken).toBe(0);
    expect(here.log.warn).toHaveLength(1);
    const server = await startRedisServer(port);
    try {
      // The subscription comes up on its own (ioredis reconnects), then wakes its listeners.
      for (let i = 0; i < 250 && woken === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(woken).toBeGreaterThan(0);
      await untilLive(here.events, there.events);
    } finally {
      await Promise.all([here.events.close(), there.events.close()]);
      await stopProcess(server);
    }
  });
});
