import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import {
  ANALYTICS_INTERVALS,
  type AnalyticsGroupBy,
  type AnalyticsInterval,
  type MessageStats,
  type MessageStatsRow,
  type VerificationStats,
  type VerificationStatsRow,
} from './analytics-ports.ts';

/** The longest range one request may cover, per interval: bounds the buckets returned. */
export const MAX_SPAN_MS: Record<AnalyticsInterval, number> = {
  hour: 31 * ANALYTICS_INTERVALS.day,
  day: 366 * ANALYTICS_INTERVALS.day,
};

export interface AnalyticsRequest {
  /** The apps the caller may see: an API key's own, or a console admin's several. */
  appIds: readonly string[];
  from: number;
  to: number;
  interval: AnalyticsInterval;
  groupBy?: AnalyticsGroupBy;
}

export interface AnalyticsBucket {
  /** The bucket's start, epoch milliseconds (UTC hour or day). */
  start: number;
  /** The group's value; null when ungrouped, or for rows that have none (email has no country). */
  group: string | null;
  verifications: Omit<VerificationStatsRow, 'bucket' | 'group'> & {
    /** approved / started; null when none started. */
    conversionRate: number | null;
  };
  messages: Omit<MessageStatsRow, 'bucket' | 'group'>;
}

const ZERO_VERIFICATIONS = { started: 0, approved: 0, expired: 0, failed: 0, canceled: 0 };
const ZERO_MESSAGES = {
  sent: 0,
  delivered: 0,
  failed: 0,
  latencyP50Ms: null,
  latencyP95Ms: null,
  cost: [],
};

function invalid(field: string, message: string): OtpdError {
  return new OtpdError('validation_failed', `${field} ${message}`, {
    errors: [{ field, message }],
  });
}

/** Refuses a range the analytics cannot answer in one bounded read. */
export function assertRange(from: number, to: number, interval: AnalyticsInterval): void {
  if (!(from < to)) throw invalid('to', 'must be after from');
  if (from < 0) throw invalid('from', 'must not be before 1970');
  if (to - from > MAX_SPAN_MS[interval]) {
    const days = MAX_SPAN_MS[interval] / ANALYTICS_INTERVALS.day;
    throw invalid('to', `must be at most ${days} days after from with interval=${interval}`);
  }
}

/**
 * Verification and delivery numbers per time bucket (and group), over the apps a caller may
 * see. The same function serves `/v1/analytics` (one app, by API key) and the console
 * (an admin's apps). Every bucket of the range is present, zero where nothing happened, for
 * each group that had any activity in the range.
 */
export function createAnalyticsService(deps: {
  store: VerificationStats;
  messageLog: MessageStats;
  clock: Clock;
}) {
  return {
    async analytics(request: AnalyticsRequest): Promise<AnalyticsBucket[]> {
      const { from, to, interval, groupBy } = request;
      assertRange(from, to, interval);
      const intervalMs = ANALYTICS_INTERVALS[interval];
      const query = { appIds: request.appIds, from, to, intervalMs, groupBy };
      const [verifications, messages] = await Promise.all([
        deps.store.verificationStats(query, deps.clock.now()),
        deps.messageLog.messageStats(query),
      ]);
      const key = (bucket: number, group: string | null) => `${bucket}\u0000${group ?? ''}`;
      const byKey = new Map<string, AnalyticsBucket>();
      const seen = new Set<string | null>(groupBy ? [] : [null]);
      for (const row of [...verifications, ...messages]) seen.add(row.group);
      // Named groups in order, the group without a value last.
      const groups = [...seen].sort((a, b) =>
        a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
      );

      const first = Math.floor(from / intervalMs) * intervalMs;
      for (let start = first; start < to; start += intervalMs) {
        for (const group of groups) {
          byKey.set(key(start, group), {
            start,
            group,
            verifications: { ...ZERO_VERIFICATIONS, conversionRate: null },
            messages: { ...ZERO_MESSAGES },
          });
        }
      }
      for (const { bucket, group, ...counts } of verifications) {
        const target = byKey.get(key(bucket, group));
        if (!target) continue;
        const rate = counts.started === 0 ? null : counts.approved / counts.started;
        target.verifications = { ...counts, conversionRate: rate };
      }
      for (const { bucket, group, ...counts } of messages) {
        const target = byKey.get(key(bucket, group));
        if (target) target.messages = counts;
      }
      return [...byKey.values()];
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
