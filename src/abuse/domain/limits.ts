import { z } from 'zod';

/**
 * A limit: at most `max` units in any `windowSeconds`-long span of time.
 * `max` is a whole number ≥ 0; `windowSeconds` is > 0 and is used to the millisecond.
 * `max: 0` refuses every call: a limiter never reads 0 as "no limit". Where a setting's
 * documentation says 0 means unlimited, the caller skips the limiter for that setting.
 */
export interface Rule {
  max: number;
  windowSeconds: number;
}

/**
 * The `limits` section of an app's settings: the abuse limits counted across verifications
 * (the per-verification ones — attempts, sends, resend cooldown — are under `verification`).
 * Each limit is one rule `{max, windowSeconds}` or a list of rules that must all hold.
 */

const DAY = 86_400;
const HOUR = 3_600;

/** Longest window a rule may have: 30 days (limiter state lives that long at most). */
export const MAX_WINDOW_SECONDS = 30 * DAY;

const ruleSchema = (minMax: 0 | 1) =>
  z
    .object({
      max: z
        .number()
        .int()
        .min(minMax)
        .max(1_000_000_000)
        .describe(minMax === 0 ? 'Units allowed per window; 0 = no limit' : 'Units per window'),
      windowSeconds: z.number().int().min(1).max(MAX_WINDOW_SECONDS).describe('Window length (s)'),
    })
    .strict();

/** A rule or a list of 1–5 rules; `max: 0` is allowed only where it means "no limit". */
const limit = (minMax: 0 | 1, fallback: Rule[], description: string) =>
  z
    .union([ruleSchema(minMax), z.array(ruleSchema(minMax)).min(1).max(5)])
    .default(fallback.length === 1 ? (fallback[0] as Rule) : fallback)
    .describe(description);

export const LIMIT_DEFAULTS = {
  createPerClientIp: [{ max: 10, windowSeconds: HOUR }],
  sendsPerDestination: [
    { max: 5, windowSeconds: 600 },
    { max: 20, windowSeconds: DAY },
  ],
  failedChecksPerDestinationAndIp: [{ max: 10, windowSeconds: HOUR }],
  failedChecksPerDestination: [{ max: 50, windowSeconds: DAY }],
  sendsPerAppPerChannel: [{ max: 100_000, windowSeconds: DAY }],
  sendsPerAppPerCountry: [{ max: 20_000, windowSeconds: DAY }],
} satisfies Record<string, Rule[]>;

export type LimitName = keyof typeof LIMIT_DEFAULTS;

export const limitsSchema = z
  .object({
    createPerClientIp: limit(
      0,
      LIMIT_DEFAULTS.createPerClientIp,
      'Codes requested (creates and resends) per end-user IP (`clientIp`, else the request address); ' +
        'default 10 per hour; max 0 = no limit',
    ),
    sendsPerDestination: limit(
      1,
      LIMIT_DEFAULTS.sendsPerDestination,
      'Codes sent to one destination across verifications (creates and resends); ' +
        'default 5 per 10 minutes and 20 per day',
    ),
    failedChecksPerDestinationAndIp: limit(
      1,
      LIMIT_DEFAULTS.failedChecksPerDestinationAndIp,
      'Wrong codes per destination from one end-user IP (`clientIp`, else the request address); ' +
        'default 10 per hour',
    ),
    failedChecksPerDestination: limit(
      1,
      LIMIT_DEFAULTS.failedChecksPerDestination,
      'Wrong codes per destination from anywhere; default 50 per day',
    ),
    sendsPerAppPerChannel: limit(
      0,
      LIMIT_DEFAULTS.sendsPerAppPerChannel,
      "The app's budget of codes sent per channel; default 100000 per day; max 0 = no limit",
    ),
    sendsPerAppPerCountry: limit(
      0,
      LIMIT_DEFAULTS.sendsPerAppPerCountry,
      "The app's budget of codes sent per country of the phone number; default 20000 per day; " +
        'max 0 = no limit',
    ),
  })
  .strict()
  .describe('Abuse limits across verifications; a refusal answers 429 naming the limit')
  .meta({ id: 'Limits' });

export type LimitsSettings = z.output<typeof limitsSchema>;

/**
 * The rules the limiter must enforce for a setting, or none when nothing is limited: a rule
 * with `max: 0` (accepted only where it means "no limit") is left out; the limiter itself
 * would read it as "refuse all".
 */
export function activeRules(setting: Rule | readonly Rule[]): Rule[] {
  const list: readonly Rule[] = Array.isArray(setting) ? setting : [setting as Rule];
  return list.filter((rule) => rule.max > 0);
}
