import { describe, expect, it } from 'vitest';
import type { AnalyticsService } from '../analytics-service.ts';
import { type AnalyticsUnderTest, HOUR, T0, useAnalyticsWorld } from './analytics-fixture.ts';

/** The analytics grouped by app, provider and channel, and kept to the apps named. */
export function describeAnalyticsGroupingContract(
  name: string,
  open: () => Promise<AnalyticsUnderTest>,
) {
  describe(`analytics by group: ${name}`, () => {
    let analytics: AnalyticsService;
    const { seed, attempt } = useAnalyticsWorld(open, (a) => {
      analytics = a;
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
