import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VerificationStats } from '../../src/analytics/analytics-ports.ts';
import {
  type AnalyticsService,
  createAnalyticsService,
} from '../../src/analytics/analytics-service.ts';
import type { MessageAttempt, MessageLog } from '../../src/message-log/message-log-ports.ts';
import type { Store } from '../../src/ports/store.ts';
import type { VerificationRecord } from '../../src/verification/domain/verification.ts';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { outboxJob, verificationRecord } from '../helpers/records.ts';

export interface AnalyticsUnderTest {
  store: Store & VerificationStats;
  log: MessageLog;
  cleanup(): Promise<void>;
}

const T0 = Date.parse('2026-03-01T00:00:00Z');
const MIN = 60_000;
const HOUR = 3_600_000;

/**
 * The analytics over real stores with known data: exact counts, conversion and nearest-rank
 * latency percentiles, the same on every database.
 */
export function describeAnalyticsContract(name: string, open: () => Promise<AnalyticsUnderTest>) {
  describe(`analytics: ${name}`, () => {
    let subject: AnalyticsUnderTest;
    let analytics: AnalyticsService;
    const clock = createFakeClock(T0 + 3 * HOUR);
    let n = 0;

    beforeEach(async () => {
      subject = await open();
      analytics = createAnalyticsService({ store: subject.store, messageLog: subject.log, clock });
      for (const id of ['app_a', 'app_b', 'app_c']) {
        await subject.store.createApp({ id, name: id, createdAt: T0 - HOUR });
      }
    });
    afterEach(() => subject.cleanup());

    async function verification(overrides: Partial<VerificationRecord>) {
      const v = verificationRecord({
        id: `ver_${++n}`,
        appId: 'app_a',
        to: `+9055512${String(10000 + n)}`,
        ...overrides,
      });
      await subject.store.createVerification(v, outboxJob(v, { id: `job_${n}` }));
    }

    /** One attempt; `deliveredAfter` adds a delivered receipt, `undelivered` a negative one. */
    async function attempt(
      overrides: Partial<MessageAttempt> & { createdAt: number },
      receipt?: {
        deliveredAfter?: number;
        undelivered?: boolean;
        price?: { amount: number; currency: string };
      },
    ) {
      const id = `msg_${String(++n).padStart(4, '0')}`;
      await subject.log.recordAttempt({
        id,
        appId: 'app_a',
        verificationId: `ver_m${n}`,
        channel: 'sms',
        to: '+905551200000',
        country: 'TR',
        provider: 'gw-a',
        providerMessageId: `pm_${n}`,
        status: 'sent',
        latencyMs: 30,
        errorCode: null,
        txCode: null,
        deviceId: null,
        messageId: null,
        ...overrides,
      });
      const appId = overrides.appId ?? 'app_a';
      if (receipt?.deliveredAfter !== undefined) {
        const at = overrides.createdAt + receipt.deliveredAfter;
        await subject.log.appendStatus(appId, id, {
          status: 'delivered',
          at,
          price: receipt.price,
        });
      }
      if (receipt?.undelivered) {
        const at = overrides.createdAt + 500;
        await subject.log.appendStatus(appId, id, { status: 'undelivered', at, error: '30003' });
      }
    }

    async function seed() {
      // Hour 0 of app A: one of each outcome, a pending one past expiry, a test number.
      await verification({ createdAt: T0 + MIN, status: 'approved', deliveryProvider: 'gw-a' });
      await verification({ createdAt: T0 + 2 * MIN, status: 'expired' });
      await verification({ createdAt: T0 + 3 * MIN, to: '+14155550100', status: 'pending' });
      await verification({
        createdAt: T0 + 4 * MIN,
        to: 'ada@example.com',
        channel: 'email',
        status: 'canceled',
      });
      await verification({ createdAt: T0 + 5 * MIN, status: 'max_attempts_reached' });
      await verification({ createdAt: T0 + 6 * MIN, status: 'approved', test: true });
      // Hour 1.
      await verification({
        createdAt: T0 + HOUR + MIN,
        to: '+447400123456',
        channel: 'whatsapp',
        status: 'approved',
      });
      await verification({ createdAt: T0 + HOUR + 2 * MIN, status: 'failed' });
      // Another app, and app A outside the range.
      await verification({ appId: 'app_b', createdAt: T0 + MIN, status: 'approved' });
      await verification({ createdAt: T0 - 1, status: 'approved' });
      await verification({ createdAt: T0 + 2 * HOUR, status: 'approved' });

      const usd = { amount: 0.0075, currency: 'USD' };
      await attempt({ createdAt: T0 + 1_000 }, { deliveredAfter: 200, price: usd });
      await attempt({ createdAt: T0 + 2_000 }, { deliveredAfter: 400, price: usd });
      await attempt(
        { createdAt: T0 + 3_000 },
        { deliveredAfter: 1_000, price: { amount: 0.05, currency: 'TRY' } },
      );
      await attempt({ createdAt: T0 + 4_000 }, { undelivered: true });
      await attempt({ createdAt: T0 + 5_000, status: 'failed', errorCode: 'gateway_down' });
      await attempt({ createdAt: T0 + 6_000 });
      await attempt(
        { createdAt: T0 + HOUR + 5_000, provider: 'gw-b', country: 'GB', channel: 'whatsapp' },
        { deliveredAfter: 300 },
      );
      await attempt({ appId: 'app_b', createdAt: T0 + 7_000 }, { deliveredAfter: 50 });
      await attempt({ createdAt: T0 + 2 * HOUR }, { deliveredAfter: 50 });
    }

    it('counts verifications by outcome and attempts by status, per hour, for one app', async () => {
      await seed();
      const buckets = await analytics.analytics({
        appIds: ['app_a'],
        from: T0,
        to: T0 + 2 * HOUR,
        interval: 'hour',
      });
      expect(buckets).toEqual([
        {
          start: T0,
          group: null,
          verifications: {
            started: 5,
            approved: 1,
            expired: 2,
            failed: 1,
            canceled: 1,
            conversionRate: 0.2,
          },
          messages: {
            sent: 5,
            delivered: 3,
            failed: 2,
            latencyP50Ms: 400,
            latencyP95Ms: 1_000,
            cost: [
              { currency: 'TRY', amount: 0.05 },
              { currency: 'USD', amount: 0.015 },
            ],
          },
        },
        {
          start: T0 + HOUR,
          group: null,
          verifications: {
            started: 2,
            approved: 1,
            expired: 0,
            failed: 1,
            canceled: 0,
            conversionRate: 0.5,
          },
          messages: {
            sent: 1,
            delivered: 1,
            failed: 0,
            latencyP50Ms: 300,
            latencyP95Ms: 300,
            cost: [],
          },
        },
      ]);
    });

    it('groups by country in day buckets, email and unknown numbers as the null group, last', async () => {
      await seed();
      const buckets = await analytics.analytics({
        appIds: ['app_a'],
        from: T0,
        to: T0 + 2 * HOUR,
        interval: 'day',
        groupBy: 'country',
      });
      const noMessages = {
        sent: 0,
        delivered: 0,
        failed: 0,
        latencyP50Ms: null,
        latencyP95Ms: null,
        cost: [],
      };
      expect(buckets.map((b) => [b.group, b.verifications.started, b.messages])).toEqual([
        [
          'GB',
          1,
          { sent: 1, delivered: 1, failed: 0, latencyP50Ms: 300, latencyP95Ms: 300, cost: [] },
        ],
        [
          'TR',
          4,
          {
            sent: 5,
            delivered: 3,
            failed: 2,
            latencyP50Ms: 400,
            latencyP95Ms: 1_000,
            cost: [
              { currency: 'TRY', amount: 0.05 },
              { currency: 'USD', amount: 0.015 },
            ],
          },
        ],
        ['US', 1, noMessages],
        [null, 1, noMessages],
      ]);
      expect(buckets.every((b) => b.start === T0)).toBe(true);
      expect(buckets.find((b) => b.group === 'TR')?.verifications).toEqual({
        started: 4,
        approved: 1,
        expired: 1,
        failed: 2,
        canceled: 0,
        conversionRate: 0.25,
      });
    });

    it('groups by app over several apps, and by provider and channel', async () => {
      await seed();
      const range = { from: T0, to: T0 + HOUR, interval: 'hour' as const };
      const byApp = await analytics.analytics({
        ...range,
        appIds: ['app_a', 'app_b'],
        groupBy: 'app',
      });
      expect(byApp.map((b) => [b.group, b.verifications.started, b.messages.delivered])).toEqual([
        ['app_a', 5, 3],
        ['app_b', 1, 1],
      ]);
      const byProvider = await analytics.analytics({
        ...range,
        from: T0 + HOUR,
        to: T0 + 2 * HOUR,
        appIds: ['app_a'],
        groupBy: 'provider',
      });
      expect(byProvider.map((b) => [b.group, b.messages.sent])).toEqual([
        ['gw-b', 1],
        [null, 0],
      ]);
      const byChannel = await analytics.analytics({
        ...range,
        appIds: ['app_a'],
        groupBy: 'channel',
      });
      expect(byChannel.map((b) => [b.group, b.verifications.started])).toEqual([
        ['email', 1],
        ['sms', 4],
      ]);
    });

    it('takes nearest-rank percentiles over many latencies, and answers empty buckets with zeros', async () => {
      for (let i = 1; i <= 20; i++) {
        await attempt({ appId: 'app_c', createdAt: T0 + i * 1_000 }, { deliveredAfter: i * 10 });
      }
      const buckets = await analytics.analytics({
        appIds: ['app_c'],
        from: T0,
        to: T0 + 3 * HOUR,
        interval: 'hour',
      });
      expect(buckets.map((b) => b.messages)).toEqual([
        { sent: 20, delivered: 20, failed: 0, latencyP50Ms: 100, latencyP95Ms: 190, cost: [] },
        { sent: 0, delivered: 0, failed: 0, latencyP50Ms: null, latencyP95Ms: null, cost: [] },
        { sent: 0, delivered: 0, failed: 0, latencyP50Ms: null, latencyP95Ms: null, cost: [] },
      ]);
      expect(buckets.map((b) => b.verifications.conversionRate)).toEqual([null, null, null]);
    });

    it('sees nothing of apps not named', async () => {
      await seed();
      const buckets = await analytics.analytics({
        appIds: ['app_c'],
        from: T0,
        to: T0 + HOUR,
        interval: 'hour',
      });
      expect(buckets[0]?.verifications.started).toBe(0);
      expect(buckets[0]?.messages.sent).toBe(0);
      expect(
        await analytics.analytics({ appIds: [], from: T0, to: T0 + HOUR, interval: 'hour' }),
      ).toHaveLength(1);
    });
  });
}
