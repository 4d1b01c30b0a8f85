import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger.ts';
import type { ConversationEvents, ConversationNotice } from '../conversation-events.ts';
import { createLocalListeners } from './memory-conversation-events.ts';

export interface RedisConversationEventsOptions {
  /** A `redis://` URL: the adapter opens two connections of its own and closes them. */
  url: string;
  /** The one channel every instance publishes to and listens on (`<key prefix>conversation-events`). */
  channel: string;
  logger: Pick<Logger, 'warn' | 'info'>;
  /** How the connections name themselves in Redis's CLIENT LIST. */
  connectionName?: string;
}

/** A publish waits at most this long for Redis; a late wake-up is worth nothing anyway. */
const COMMAND_TIMEOUT_MS = 1_000;

/** What travels on the channel: ids and a sequence, a few dozen bytes, nothing a person wrote. */
interface WireNotice extends ConversationNotice {
  /** The publishing instance, which has already woken its own listeners. */
  origin: string;
}

function parseNotice(text: string): WireNotice | undefined {
  try {
    const value = JSON.parse(text) as Partial<WireNotice>;
    const { origin, appId, conversationId, sequence } = value;
    if (typeof origin !== 'string' || typeof appId !== 'string') return undefined;
    if (typeof conversationId !== 'string' || typeof sequence !== 'number') return undefined;
    return { origin, appId, conversationId, sequence };
  } catch {
    return undefined;
  }
}

/**
 * Conversation wake-ups across a cluster over Redis pub/sub: one channel carries
 * `{origin, appId, conversationId, sequence}` to every instance, which wakes its own
 * listeners of that conversation. A subscribed connection can run no other command, so
 * publishing has a connection of its own. The subscriber connects at the first subscribe.
 *
 * Fails open to local delivery: a publish wakes this instance's listeners before Redis is
 * involved, and while Redis is unreachable the other instances' pages miss their wake-ups
 * (the outage is logged once). Each time the subscription is (re)established every local
 * listener is woken, so what was published meanwhile is read from the store then.
 */
export function createRedisConversationEvents(
  options: RedisConversationEventsOptions,
): ConversationEvents {
  const { channel, logger } = options;
  const origin = randomBytes(8).toString('hex');
  const local = createLocalListeners();
  const connection = (role: string) =>
    new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: COMMAND_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      // The subscription is renewed below, so the wake-up of every listener follows it.
      autoResubscribe: false,
      connectionName: `${options.connectionName ?? 'otpd'}:${role}`,
    });
  const publisher = connection('publisher');
  const subscriber = connection('subscriber');
  let closed = false;
  let down = false;
  let subscribing = false;

  const lost = (error: Error) => {
    if (closed || down) return;
    down = true;
    logger.warn(
      { err: error.message },
      'Redis connection lost; messenger pages hear of replies posted to other instances when they reconnect',
    );
  };
  const closedByRedis = () => lost(new Error('the connection was closed'));
  for (const redis of [publisher, subscriber]) {
    redis.on('error', lost);
    // A connection Redis drops reports no error, only its close; ioredis reconnects.
    redis.on('close', closedByRedis);
  }

  subscriber.on('ready', () => {
    subscriber.subscribe(channel).then(() => {
      if (down) logger.info('Redis is back; messenger replies reach every instance again');
      down = false;
      local.wakeAll();
    }, lost);
  });
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    const notice = parseNotice(text);
    if (!notice || notice.origin === origin) return;
    local.wake({
      appId: notice.appId,
      conversationId: notice.conversationId,
      sequence: notice.sequence,
    });
  });

  /** Connects the subscriber at the first subscription. */
  function listen() {
    if (subscribing || closed) return;
    subscribing = true;
    subscriber.connect().catch(lost);
  }

  async function quit(redis: Redis) {
    if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
    else redis.disconnect();
  }

  return {
    publish(notice) {
      const { appId, conversationId, sequence } = notice;
      local.wake({ appId, conversationId, sequence });
      if (closed) return;
      const wire: WireNotice = { origin, appId, conversationId, sequence };
      publisher.publish(channel, JSON.stringify(wire)).catch(lost);
    },
    subscribe(appId, conversationId, listener) {
      listen();
      return local.add(appId, conversationId, listener);
    },
    subscribeApp(appId, listener) {
      listen();
      return local.addApp(appId, listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([quit(publisher), quit(subscriber)]);
    },
  };
}
