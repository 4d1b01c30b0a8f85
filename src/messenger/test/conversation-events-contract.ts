import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationEvents, ConversationNotice } from '../conversation-events.ts';

/** Two handles on one bus: for a shared one, two instances over their own connections. */
export interface ConversationEventsUnderTest {
  events: ConversationEvents;
  /** Another instance on the same bus; for the in-process adapter, the same object. */
  second: ConversationEvents;
  /** Resolves once `second`'s publishes can reach `events`' listeners (subscription live). */
  ready: () => Promise<void>;
  cleanup: () => Promise<void>;
}

const notice = (appId: string, conversationId: string, sequence: number): ConversationNotice => ({
  appId,
  conversationId,
  sequence,
});

/** Resolves when `probe` holds, polling; fails after `timeoutMs`. */
async function eventually(probe: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('not woken in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets a bus deliver what it was going to deliver, so an absence means something. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/**
 * The guarantees of every `ConversationEvents` adapter (src/messenger/conversation-events.ts),
 * written against the port only.
 */
export function describeConversationEventsContract(
  name: string,
  open: () => Promise<ConversationEventsUnderTest>,
): void {
  describe(`ConversationEvents contract: ${name}`, () => {
    let subject: ConversationEventsUnderTest;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.cleanup());

    it("wakes this process's listeners before publish returns", () => {
      let woken = 0;
      subject.events.subscribe('app_a', 'conv_1', () => woken++);
      subject.events.publish(notice('app_a', 'conv_1', 1));
      expect(woken).toBe(1);
    });

    it('wakes only the listeners of that app and conversation', async () => {
      const woken: string[] = [];
      subject.events.subscribe('app_a', 'conv_1', () => woken.push('a1'));
      subject.events.subscribe('app_a', 'conv_2', () => woken.push('a2'));
      subject.events.subscribe('app_b', 'conv_1', () => woken.push('b1'));
      await subject.ready();
      woken.length = 0;
      subject.second.publish(notice('app_a', 'conv_1', 4));
      await eventually(() => woken.includes('a1'));
      await settle();
      expect(woken.filter((w) => w !== 'a1')).toEqual([]);
    });

    it('wakes every listener of the conversation, here and on another instance', async () => {
      let here = 0;
      let there = 0;
      subject.second.subscribe('app_a', 'conv_1', () => here++);
      subject.events.subscribe('app_a', 'conv_1', () => there++);
      await subject.ready();
      subject.second.publish(notice('app_a', 'conv_1', 1));
      expect(here).toBeGreaterThanOrEqual(1);
      await eventually(() => there >= 1);
    });

    it('stops waking a listener once it unsubscribes', async () => {
      let kept = 0;
      let gone = 0;
      subject.events.subscribe('app_a', 'conv_1', () => kept++);
      const unsubscribe = subject.events.subscribe('app_a', 'conv_1', () => gone++);
      await subject.ready();
      unsubscribe();
      const before = gone;
      subject.second.publish(notice('app_a', 'conv_1', 2));
      await eventually(() => kept >= 1);
      await settle();
      expect(gone).toBe(before);
    });

    it("hands an app's listeners every notice of its conversations, here and from another instance", async () => {
      const heard: (ConversationNotice | null)[] = [];
      const other: (ConversationNotice | null)[] = [];
      const stop = subject.events.subscribeApp('app_a', (n) => heard.push(n));
      subject.events.subscribeApp('app_b', (n) => other.push(n));
      await subject.ready();
      heard.length = 0;
      other.length = 0;
      subject.events.publish(notice('app_a', 'conv_1', 1));
      expect(heard).toEqual([notice('app_a', 'conv_1', 1)]);
      subject.second.publish(notice('app_a', 'conv_2', 7));
      await eventually(() => heard.some((n) => n?.conversationId === 'conv_2'));
      expect(heard.filter((n) => n !== null)).toEqual([
        notice('app_a', 'conv_1', 1),
        notice('app_a', 'conv_2', 7),
      ]);
      stop();
      subject.second.publish(notice('app_a', 'conv_3', 1));
      await settle();
      expect(heard.some((n) => n?.conversationId === 'conv_3')).toBe(false);
      expect(other.filter((n) => n !== null)).toEqual([]);
    });

    it('keeps waking local listeners after close, and closes twice without fault', async () => {
      let woken = 0;
      subject.events.subscribe('app_a', 'conv_1', () => woken++);
      await subject.events.close();
      await subject.events.close();
      subject.events.publish(notice('app_a', 'conv_1', 3));
      expect(woken).toBe(1);
    });
  });
}
