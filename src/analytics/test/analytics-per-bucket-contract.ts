import { describe, expect, it } from 'vitest';
import type { AnalyticsService } from '../analytics-service.ts';
import { type AnalyticsUnderTest, HOUR, T0, useAnalyticsWorld } from './analytics-fixture.ts';

/** Exact counts, conversion and latency percentiles per time bucket, the same on every database. */
export function describeAnalyticsPerBucketContract(
  name: string,
  open: () => Promise<AnalyticsUnderTest>,
) {
  describe(`analytics per bucket: ${name}`, () => {
    let analytics: AnalyticsService;
    const { seed } = useAnalyticsWorld(open, (a) => {
      analytics = a;
    });

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
  });
}
