import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../http/auth.ts';
import { problems } from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import { ANALYTICS_GROUPS, ANALYTICS_INTERVALS } from '../analytics-ports.ts';
import type { AnalyticsBucket, AnalyticsService } from '../analytics-service.ts';

const DEFAULT_SPAN_MS = ANALYTICS_INTERVALS.day;
const time = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const latency = z.number().int().min(0).nullable();

export const analyticsQuery = z
  .object({
    from: time.optional().describe('Start of the range (inclusive); default 24 hours before `to`'),
    to: time.optional().describe('End of the range (exclusive); default now'),
    interval: z
      .enum(Object.keys(ANALYTICS_INTERVALS) as ['hour', 'day'])
      .default('hour')
      .describe('Bucket width, UTC; the range may span 31 days by the hour, 366 by the day'),
    groupBy: z
      .enum(ANALYTICS_GROUPS)
      .optional()
      .describe(
        'Split each bucket by app, channel, provider (the one that delivered) or country ' +
          '(of a phone destination)',
      ),
  })
  .strict();

const bucketView = z.object({
  start: z.iso.datetime(),
  group: z.string().nullable().describe('The group; null when ungrouped or unknown'),
  verifications: z
    .object({
      started: count,
      approved: count,
      expired: count.describe('Expired, or pending past expiry'),
      failed: count.describe('`failed` (never delivered) and `max_attempts_reached`'),
      canceled: count.describe('Canceled by the app, or superseded by a newer one'),
      conversionRate: z.number().min(0).max(1).nullable().describe('approved / started'),
    })
    .describe('Verifications created in the bucket, by what became of them'),
  messages: z
    .object({
      sent: count.describe('Attempts the provider accepted'),
      delivered: count.describe('Attempts a receipt reported delivered'),
      failed: count.describe('Attempts that failed, or a receipt reported undelivered'),
      latencyP50Ms: latency.describe('Median time from sent to delivered'),
      latencyP95Ms: latency.describe('95th percentile of sent to delivered'),
      cost: z
        .array(z.object({ currency: z.string(), amount: z.number().min(0) }))
        .describe(
          'What providers charged, per currency, where their receipts report a price ' +
            "(Twilio's `Price`); a lower bound when some do not",
        ),
    })
    .describe('Delivery attempts made in the bucket'),
});

export const analyticsAnswer = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    interval: z.enum(['hour', 'day']),
    groupBy: z.enum(ANALYTICS_GROUPS).nullable(),
    data: z.array(bucketView).describe('Every bucket of the range, oldest first'),
  })
  .meta({ id: 'Analytics' });

const iso = (ms: number) => new Date(ms).toISOString();

function bucketJson(b: AnalyticsBucket) {
  return { ...b, start: iso(b.start) };
}

/** The answer for these apps over the query's range; both routes share it. */
export async function analyticsAnswerFor(
  deps: { analytics: AnalyticsService; clock: Clock },
  appIds: readonly string[],
  q: z.infer<typeof analyticsQuery>,
) {
  const to = q.to === undefined ? deps.clock.now() : Date.parse(q.to);
  const from = q.from === undefined ? to - DEFAULT_SPAN_MS : Date.parse(q.from);
  const data = await deps.analytics.analytics({
    appIds,
    from,
    to,
    interval: q.interval,
    groupBy: q.groupBy,
  });
  return {
    from: iso(from),
    to: iso(to),
    interval: q.interval,
    groupBy: q.groupBy ?? null,
    data: data.map(bucketJson),
  };
}

/** `GET /v1/analytics`: the calling app's numbers, over the service the console shares. */
export async function analyticsRoutes(
  app: FastifyInstance,
  deps: { analytics: AnalyticsService; clock: Clock },
) {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/analytics', {
    config: { scope: 'analytics:read' },
    schema: {
      tags: ['analytics'],
      security: [{ bearerAuth: [] }],
      operationId: 'getAnalytics',
      summary: 'Verifications, conversion and delivery per hour or day, optionally grouped',
      description:
        'Verifications count in the bucket they were created in, by their outcome; ' +
        'messages in the bucket of the attempt. Test-number verifications are left out.',
      querystring: analyticsQuery,
      response: { 200: analyticsAnswer, ...problems(400, 401, 500, 503) },
    },
    handler: async (request) =>
      analyticsAnswerFor(deps, [principalOf(request).app.id], request.query),
  });
}
