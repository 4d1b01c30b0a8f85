/**
 * What the analytics read from the two stores: the main store counts verifications, the
 * message log counts delivery attempts. Both answer per time bucket and, when asked, per
 * group; neither holds a destination or a code in what it returns.
 */

export const ANALYTICS_INTERVALS = { hour: 3_600_000, day: 86_400_000 } as const;
export type AnalyticsInterval = keyof typeof ANALYTICS_INTERVALS;

export const ANALYTICS_GROUPS = ['app', 'channel', 'provider', 'country'] as const;
export type AnalyticsGroupBy = (typeof ANALYTICS_GROUPS)[number];

/** One read of either store. Times are epoch milliseconds; buckets start at UTC multiples. */
export interface StatsQuery {
  /** Only these apps (I5); empty reads nothing. */
  appIds: readonly string[];
  /** Created at or after. */
  from: number;
  /** Created before. */
  to: number;
  /** Bucket width in milliseconds (ANALYTICS_INTERVALS). */
  intervalMs: number;
  groupBy?: AnalyticsGroupBy;
}

/**
 * Verifications created in one bucket, by what became of them. Cohorts, not events: an
 * approval counts in the bucket its verification was created in.
 */
export interface VerificationStatsRow {
  bucket: number;
  /** The group's value (app id, channel, provider, country); null when ungrouped or unknown. */
  group: string | null;
  started: number;
  approved: number;
  /** Expired, or still pending past its expiry (the sweeper has not come by yet). */
  expired: number;
  /** Finished without approval: `failed` (never delivered) and `max_attempts_reached`. */
  failed: number;
  /** Canceled by the app, or superseded by a newer verification of the destination. */
  canceled: number;
}

export interface VerificationStats {
  /**
   * Counts verifications of `query`'s apps created in its range, leaving out verifications
   * of the apps' test numbers. `now` decides which pending ones have expired. One query.
   */
  verificationStats(query: StatsQuery, now: number): Promise<VerificationStatsRow[]>;
}

/** Delivery attempts made in one bucket. */
export interface MessageStatsRow {
  bucket: number;
  group: string | null;
  /** Attempts the provider accepted (the call succeeded). */
  sent: number;
  /** Attempts a receipt said were delivered. */
  delivered: number;
  /** Attempts whose call failed, or that a receipt said were not delivered. */
  failed: number;
  /** Nearest-rank percentiles of sent → delivered, in ms; null without delivered attempts. */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /**
   * What providers charged for the bucket's attempts, one sum per currency (in currency
   * order); only attempts whose receipts reported a price count, so it is a lower bound.
   */
  cost: { currency: string; amount: number }[];
}

export interface MessageStats {
  /** Counts the attempts of `query`'s apps made in its range; percentiles in SQL. */
  messageStats(query: StatsQuery): Promise<MessageStatsRow[]>;
}
