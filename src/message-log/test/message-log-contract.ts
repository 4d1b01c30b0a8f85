import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessageIdSource } from '../adapters/message-ids.ts';
import type { MessageAttempt, MessageLog, MessageLogEntry } from '../message-log-ports.ts';

export interface MessageLogUnderTest {
  log: MessageLog;
  cleanup: () => Promise<void>;
}

const T0 = Date.parse('2026-01-01T00:00:00Z');

/**
 * The guarantees every MessageLog adapter gives (src/message-log/message-log-ports.ts), written against
 * the port only. Each test gets a fresh, migrated log from `open`.
 */
export function describeMessageLogContract(
  name: string,
  open: () => Promise<MessageLogUnderTest>,
): void {
  describe(`MessageLog contract: ${name}`, () => {
    let subject: MessageLogUnderTest;
    let log: MessageLog;
    const nextId = createMessageIdSource();

    beforeEach(async () => {
      subject = await open();
      log = subject.log;
    });
    afterEach(() => subject.cleanup());

    function attempt(overrides: Partial<MessageAttempt> = {}): MessageAttempt {
      const createdAt = overrides.createdAt ?? T0;
      return {
        id: nextId(createdAt),
        appId: 'app_a',
        verificationId: 'ver_1',
        channel: 'sms',
        to: '+905551234567',
        country: 'TR',
        provider: 'gw-a',
        providerMessageId: 'pm-1',
        status: 'sent',
        latencyMs: 42,
        errorCode: null,
        txCode: 'TX-1',
        deviceId: 'dev-1',
        messageId: 'm-1',
        createdAt,
        ...overrides,
      };
    }

    it('records an attempt with a timeline that starts with its outcome', async () => {
      const failed = attempt({ status: 'failed', errorCode: 'http_500', providerMessageId: null });
      await log.recordAttempt(failed);
      const [entry] = await log.forVerification('app_a', 'ver_1');
      expect(entry).toEqual({
        ...failed,
        timeline: [{ status: 'failed', at: T0, error: 'http_500' }],
        price: null,
      } satisfies MessageLogEntry);
    });

    it('keeps the newest price a receipt reports, outside the timeline', async () => {
      const sent = attempt({ createdAt: T0 });
      await log.recordAttempt(sent);
      await log.appendStatus('app_a', sent.id, { status: 'sent', at: T0 + 1, price: null });
      expect((await log.get(['app_a'], sent.id))?.price).toBeNull();
      const price = { amount: 0.0075, currency: 'USD' };
      const updated = await log.appendStatus('app_a', sent.id, {
        status: 'delivered',
        at: T0 + 2,
        price,
      });
      expect(updated?.price).toEqual(price);
      expect(updated?.timeline.at(-1)).toEqual({ status: 'delivered', at: T0 + 2 });
      await log.appendStatus('app_a', sent.id, { status: 'delivered', at: T0 + 3 });
      expect((await log.get(['app_a'], sent.id))?.price).toEqual(price);
    });

    it('lists attempts of one verification oldest first, even within one millisecond', async () => {
      await log.recordAttempt(attempt({ status: 'failed', errorCode: 'http_500', provider: 'a' }));
      await log.recordAttempt(attempt({ provider: 'b' }));
      await log.recordAttempt(attempt({ verificationId: 'ver_2', provider: 'c' }));
      const entries = await log.forVerification('app_a', 'ver_1');
      expect(entries.map((e) => [e.provider, e.status])).toEqual([
        ['a', 'failed'],
        ['b', 'sent'],
      ]);
    });

    it("never shows one app's entries to another (I5)", async () => {
      const mine = attempt();
      await log.recordAttempt(mine);
      expect(await log.forVerification('app_b', 'ver_1')).toEqual([]);
      expect((await log.list(['app_b'], {}, null, 100)).entries).toEqual([]);
      expect(
        await log.appendStatus('app_b', mine.id, { status: 'delivered', at: T0 }),
      ).toBeUndefined();
      expect(await log.findByProviderMessageId('app_b', ['gw-a'], 'pm-1')).toBeUndefined();
      expect((await log.forVerification('app_a', 'ver_1'))[0]?.status).toBe('sent');
    });

    it('appends status events to the timeline, none lost under concurrency', async () => {
      const sent = attempt();
      await log.recordAttempt(sent);
      const events = Array.from({ length: 20 }, (_, i) => ({
        status: i % 2 ? ('delivered' as const) : ('undelivered' as const),
        at: T0 + i + 1,
        error: i % 2 ? null : `e${i}`,
      }));
      const results = await Promise.all(events.map((e) => log.appendStatus('app_a', sent.id, e)));
      expect(results.every(Boolean)).toBe(true);
      const [entry] = await log.forVerification('app_a', 'ver_1');
      expect(entry?.timeline).toHaveLength(21);
      expect(entry?.timeline[0]).toEqual({ status: 'sent', at: T0 });
      expect(entry?.timeline.filter((e) => e.error).length).toBe(10);
      // Each caller got the entry as its own statement left it: its event last.
      for (const [i, result] of results.entries()) {
        expect(result?.timeline.at(-1)).toEqual(
          events[i]?.error ? events[i] : { status: events[i]?.status, at: events[i]?.at },
        );
      }
      // Whatever the order, delivered outranks undelivered.
      expect(entry?.status).toBe('delivered');
    });

    it('never moves a status back: a late event lands in the timeline only', async () => {
      const sent = attempt();
      await log.recordAttempt(sent);
      const queued = await log.appendStatus('app_a', sent.id, { status: 'queued', at: T0 + 1 });
      expect(queued?.status).toBe('sent');
      const delivered = await log.appendStatus('app_a', sent.id, {
        status: 'delivered',
        at: T0 + 2,
      });
      expect(delivered?.status).toBe('delivered');
      const late = await log.appendStatus('app_a', sent.id, {
        status: 'undelivered',
        at: T0 + 3,
        error: 'e30',
      });
      expect(late).toMatchObject({ status: 'delivered', errorCode: null });
      expect(late?.timeline.map((e) => e.status)).toEqual([
        'sent',
        'queued',
        'delivered',
        'undelivered',
      ]);
    });

    it('takes a failure of a receipt as the error code when it moves the status', async () => {
      const sent = attempt();
      await log.recordAttempt(sent);
      const failed = await log.appendStatus('app_a', sent.id, {
        status: 'undelivered',
        at: T0 + 1,
        error: 'twilio_30003',
      });
      expect(failed).toMatchObject({ status: 'undelivered', errorCode: 'twilio_30003' });
      expect((await log.list(['app_a'], { status: 'undelivered' }, null, 10)).entries).toHaveLength(
        1,
      );
    });

    it("finds an entry by its provider's message id, among the named providers only", async () => {
      const older = attempt({ createdAt: T0, providerMessageId: 'SM1' });
      const newer = attempt({ createdAt: T0 + 5, providerMessageId: 'SM1', verificationId: 'v2' });
      await log.recordAttempt(older);
      await log.recordAttempt(newer);
      await log.recordAttempt(attempt({ provider: 'gw-b', providerMessageId: 'SM2' }));
      expect((await log.findByProviderMessageId('app_a', ['gw-a'], 'SM1'))?.id).toBe(newer.id);
      expect(await log.findByProviderMessageId('app_a', ['gw-a'], 'SM2')).toBeUndefined();
      expect((await log.findByProviderMessageId('app_a', ['x', 'gw-b'], 'SM2'))?.provider).toBe(
        'gw-b',
      );
      expect(await log.findByProviderMessageId('app_a', [], 'SM1')).toBeUndefined();
    });

    it('filters by each field, and by time from (inclusive) until (exclusive)', async () => {
      await log.recordAttempt(attempt({ createdAt: T0 }));
      await log.recordAttempt(
        attempt({
          createdAt: T0 + 1000,
          txCode: 'TX-2',
          deviceId: 'dev-2',
          to: 'a@example.com',
          channel: 'email',
          country: null,
          provider: 'smtp',
          status: 'failed',
          errorCode: 'smtp_refused',
          messageId: 'm-2',
          verificationId: 'ver_2',
        }),
      );
      await log.recordAttempt(attempt({ createdAt: T0 + 2000, appId: 'app_b', txCode: 'TX-2' }));
      const providers = async (f: Parameters<MessageLog['list']>[1]) =>
        (await log.list(['app_a'], f, null, 100)).entries.map((e) => e.provider);
      expect(await providers({})).toEqual(['smtp', 'gw-a']);
      expect(await providers({ txCode: 'TX-2' })).toEqual(['smtp']);
      expect(await providers({ deviceId: 'dev-1' })).toEqual(['gw-a']);
      expect(await providers({ to: 'a@example.com' })).toEqual(['smtp']);
      expect(await providers({ status: 'failed' })).toEqual(['smtp']);
      expect(await providers({ channel: 'sms' })).toEqual(['gw-a']);
      expect(await providers({ provider: 'gw-a' })).toEqual(['gw-a']);
      expect(await providers({ from: T0 + 1000 })).toEqual(['smtp']);
      expect(await providers({ until: T0 + 1000 })).toEqual(['gw-a']);
      expect(await providers({ from: T0, until: T0 + 1001, status: 'sent' })).toEqual(['gw-a']);
      expect(await providers({ messageId: 'm-2' })).toEqual(['smtp']);
      expect(await providers({ verificationId: 'ver_1' })).toEqual(['gw-a']);
      expect(await providers({ country: 'TR' })).toEqual(['gw-a']);
      expect(await providers({ country: 'GB' })).toEqual([]);
    });

    it('searches several apps at once, and none when given none', async () => {
      await log.recordAttempt(attempt({ createdAt: T0 }));
      await log.recordAttempt(attempt({ createdAt: T0 + 1, appId: 'app_b' }));
      await log.recordAttempt(attempt({ createdAt: T0 + 2, appId: 'app_c' }));
      const apps = async (ids: string[]) =>
        (await log.list(ids, {}, null, 10)).entries.map((e) => e.appId);
      expect(await apps(['app_a', 'app_b'])).toEqual(['app_b', 'app_a']);
      expect(await apps([])).toEqual([]);
    });

    it('reads one entry by id, only for the apps named (I5)', async () => {
      const a = attempt({ createdAt: T0 });
      await log.recordAttempt(a);
      expect((await log.get(['app_b', 'app_a'], a.id))?.txCode).toBe('TX-1');
      expect(await log.get(['app_b'], a.id)).toBeUndefined();
      expect(await log.get([], a.id)).toBeUndefined();
      expect(await log.get(['app_a'], 'msg_missing')).toBeUndefined();
    });

    it('pages newest first with a cursor, every entry exactly once', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 230; i++) {
        // Groups of entries share a millisecond: the id breaks the tie.
        const a = attempt({ createdAt: T0 + Math.floor(i / 7), verificationId: `ver_${i}` });
        ids.push(a.id);
        await log.recordAttempt(a);
      }
      const seen: string[] = [];
      let cursor = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<MessageLog['list']>> = await log.list(
          ['app_a'],
          {},
          cursor,
          100,
        );
        seen.push(...page.entries.map((e) => e.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].reverse());
    });

    it('says there is no next page when the last page is exactly full', async () => {
      for (let i = 0; i < 4; i++) await log.recordAttempt(attempt({ createdAt: T0 + i }));
      const first = await log.list(['app_a'], {}, null, 2);
      expect(first.nextCursor).not.toBeNull();
      const second = await log.list(['app_a'], {}, first.nextCursor, 2);
      expect(second.entries).toHaveLength(2);
      expect(second.nextCursor).toBeNull();
    });

    it('purges entries created before a time, of every app', async () => {
      await log.recordAttempt(attempt({ createdAt: T0 - 1 }));
      await log.recordAttempt(attempt({ createdAt: T0 - 1, appId: 'app_b' }));
      await log.recordAttempt(attempt({ createdAt: T0 }));
      expect(await log.purgeOlderThan(T0)).toBe(2);
      expect((await log.list(['app_a'], {}, null, 10)).entries.map((e) => e.createdAt)).toEqual([
        T0,
      ]);
      expect((await log.list(['app_b'], {}, null, 10)).entries).toEqual([]);
      expect(await log.purgeOlderThan(T0)).toBe(0);
    });

    it('migrates again without harm', async () => {
      await log.recordAttempt(attempt());
      await log.migrate();
      expect(await log.forVerification('app_a', 'ver_1')).toHaveLength(1);
    });
  });
}
