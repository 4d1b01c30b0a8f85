import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessageIdSource } from '../adapters/message-ids.ts';
import type { MessageAttempt, MessageLog } from '../message-log-ports.ts';

export interface BatchedMessageLogUnderTest {
  log: MessageLog;
  /** Another log over the same database, as a restarted process would open it. */
  reopen: () => Promise<MessageLog>;
  cleanup: () => Promise<void>;
}

const T0 = Date.parse('2026-01-01T00:00:00Z');

/**
 * What the log's write batching promises (kysely-message-log.ts): writes sent without waiting
 * all land, in the order they were made; reads see every write accepted before them; closing
 * sends what is queued; one bad write fails alone.
 */
export function describeMessageLogBatchContract(
  name: string,
  open: () => Promise<BatchedMessageLogUnderTest>,
): void {
  describe(`MessageLog batched writes: ${name}`, () => {
    let subject: BatchedMessageLogUnderTest;
    let log: MessageLog;
    const nextId = createMessageIdSource();

    beforeEach(async () => {
      subject = await open();
      log = subject.log;
    });
    afterEach(() => subject.cleanup());

    function attempt(overrides: Partial<MessageAttempt> = {}): MessageAttempt {
      return {
        id: nextId(T0),
        appId: 'app_a',
        verificationId: 'ver_1',
        channel: 'sms',
        to: '+905551234567',
        country: 'TR',
        provider: 'gw-a',
        providerMessageId: null,
        status: 'sent',
        latencyMs: 1,
        errorCode: null,
        txCode: null,
        deviceId: null,
        messageId: null,
        createdAt: T0,
        ...overrides,
      };
    }

    it('lands many writes made at once, and a read right after sees them all', async () => {
      const attempts = Array.from({ length: 150 }, (_, i) =>
        attempt({ verificationId: `ver_${i % 3}` }),
      );
      const writes = attempts.map((a) => log.recordAttempt(a));
      // Not awaited: the read itself must wait for the writes accepted before it.
      const page = await log.list(['app_a'], {}, null, 500);
      expect(page.entries.map((e) => e.id).sort()).toEqual(attempts.map((a) => a.id).sort());
      await Promise.all(writes);
      expect(await log.forVerification('app_a', 'ver_1')).toHaveLength(50);
    });

    it('keeps order: a status made right after its attempt finds it, events in call order', async () => {
      const sent = attempt();
      const recorded = log.recordAttempt(sent);
      const statuses = ['queued', 'delivered', 'undelivered'] as const;
      const updates = statuses.map((status, i) =>
        log.appendStatus('app_a', sent.id, { status, at: T0 + i + 1 }),
      );
      await recorded;
      const results = await Promise.all(updates);
      expect(results.map((r) => r?.timeline.length)).toEqual([2, 3, 4]);
      const entry = await log.get(['app_a'], sent.id);
      expect(entry?.timeline.map((e) => e.status)).toEqual(['sent', ...statuses]);
      expect(entry?.status).toBe('delivered');
    });

    it('reads through every kind of read: get, receipt look-up, stats, purge', async () => {
      const a = attempt({ providerMessageId: 'pm-9' });
      void log.recordAttempt(a);
      expect((await log.get(['app_a'], a.id))?.id).toBe(a.id);
      void log.recordAttempt(attempt({ providerMessageId: 'pm-10' }));
      expect(await log.findByProviderMessageId('app_a', ['gw-a'], 'pm-10')).toBeDefined();
      void log.recordAttempt(attempt());
      const stats = await log.messageStats({
        appIds: ['app_a'],
        from: T0,
        to: T0 + 1,
        intervalMs: 3_600_000,
      });
      expect(stats.reduce((n, row) => n + row.sent, 0)).toBe(3);
      void log.recordAttempt(attempt());
      expect(await log.purgeOlderThan(T0 + 1)).toBe(4);
    });

    it('sends the queued writes when closed', async () => {
      const attempts = Array.from({ length: 30 }, () => attempt());
      const writes = attempts.map((a) => log.recordAttempt(a));
      await log.close();
      await Promise.all(writes);
      const again = await subject.reopen();
      try {
        expect((await again.list(['app_a'], {}, null, 100)).entries).toHaveLength(30);
      } finally {
        await again.close();
      }
    });

    it('fails a bad write alone: the writes batched with it land', async () => {
      const first = attempt();
      await log.recordAttempt(first);
      const good = Array.from({ length: 5 }, () => attempt());
      const outcomes = await Promise.allSettled([
        log.recordAttempt(good[0] as MessageAttempt),
        log.recordAttempt(good[1] as MessageAttempt),
        // The same id again: the whole batch's transaction fails on it.
        log.recordAttempt({ ...first, verificationId: 'ver_dup' }),
        log.recordAttempt(good[2] as MessageAttempt),
        log.appendStatus('app_a', first.id, { status: 'delivered', at: T0 + 1 }),
        log.recordAttempt(good[3] as MessageAttempt),
        log.recordAttempt(good[4] as MessageAttempt),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      const ids = (await log.list(['app_a'], {}, null, 100)).entries.map((e) => e.id);
      expect(ids.sort()).toEqual([first, ...good].map((a) => a.id).sort());
      expect((await log.get(['app_a'], first.id))?.status).toBe('delivered');
      expect(await log.forVerification('app_a', 'ver_dup')).toEqual([]);
    });
  });
}
