import { z } from 'zod';
import type { Channel } from '../../kernel/recipients.ts';

/**
 * The SMS-pumping guard: settings, the prefix a phone number is counted
 * under, and the decision rule. Pure; the counting and the records live in
 * services/fraud-guard.ts.
 */

export const FRAUD_GUARD_MODES = ['off', 'monitor', 'enforce'] as const;
export type FraudGuardMode = (typeof FRAUD_GUARD_MODES)[number];

export const FRAUD_GUARD_DEFAULTS = {
  mode: 'enforce',
  windowSeconds: 3_600,
  minSends: 30,
  minConversion: 0.1,
  blockSeconds: 43_200,
} as const;

export const fraudGuardSchema = z
  .object({
    mode: z
      .enum(FRAUD_GUARD_MODES)
      .default(FRAUD_GUARD_DEFAULTS.mode)
      .describe(
        '`enforce` (default) blocks a prefix that looks pumped; `monitor` records the decision ' +
          'and blocks nothing; `off` counts and records nothing',
      ),
    windowSeconds: z
      .number()
      .int()
      .min(60)
      .max(86_400)
      .default(FRAUD_GUARD_DEFAULTS.windowSeconds)
      .describe('Sliding window over which sends and approvals are counted (s); default 3600'),
    minSends: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(FRAUD_GUARD_DEFAULTS.minSends)
      .describe(
        'Sends to one prefix within the window before its conversion is judged; default 30',
      ),
    minConversion: z
      .number()
      .min(0)
      .max(1)
      .default(FRAUD_GUARD_DEFAULTS.minConversion)
      .describe(
        'Approvals per send (0–1) a prefix must keep once it has `minSends`; below it the ' +
          'prefix is blocked; default 0.1',
      ),
    blockSeconds: z
      .number()
      .int()
      .min(60)
      .max(30 * 86_400)
      .default(FRAUD_GUARD_DEFAULTS.blockSeconds)
      .describe('How long a block lasts (s); default 43200 (12 hours)'),
  })
  .strict()
  .describe(
    'SMS-pumping guard for sms, whatsapp and voice: sends and approvals are counted per number ' +
      'prefix (the number without its last 4 digits) and per country; a prefix with at least ' +
      '`minSends` sends in the window and a conversion under `minConversion` is blocked for ' +
      '`blockSeconds` (403 `blocked_by_fraud_guard`). Fails open on counting (the rate limits, ' +
      'which fail closed, still bound the volume)',
  )
  .meta({ id: 'FraudGuardSettings' });

export type FraudGuardSettings = z.output<typeof fraudGuardSchema>;

/**
 * Channels that cost money per message and can be pumped: sms, whatsapp and voice (calls to
 * premium ranges are the oldest toll fraud), never email.
 */
export function guardedChannel(channel: Channel): boolean {
  return channel === 'sms' || channel === 'whatsapp' || channel === 'voice';
}

/** Digits left off a number to give its prefix. */
export const PREFIX_HIDDEN_DIGITS = 4;

/** An E.164 number without its last 4 digits: `+905551249001` → `+90555124`. */
export function numberPrefix(e164: string): string {
  return e164.slice(0, Math.max(1, e164.length - PREFIX_HIDDEN_DIGITS));
}

/** What a decision records about the counts that led to it. */
export interface FraudReasons {
  sends: number;
  approvals: number;
  /** approvals / sends, rounded to 4 decimals. */
  conversion: number;
  minSends: number;
  minConversion: number;
  windowSeconds: number;
  /** The same counts for the number's country, for context (never decides alone). */
  country: { code: string; sends: number; approvals: number; conversion: number };
}

/** `block`: sends to the prefix are refused until it ends; `monitor`: recorded only. */
export type FraudAction = 'block' | 'monitor';

/** One recorded decision of the guard. */
export interface FraudDecision {
  id: string;
  appId: string;
  prefix: string;
  country: string;
  channel: Channel;
  action: FraudAction;
  reasons: FraudReasons;
  createdAt: number;
  expiresAt: number;
  /** When an operator lifted it (DELETE /v1/fraud/blocks/{id}); null while not lifted. */
  liftedAt: number | null;
}

export const conversionOf = (sends: number, approvals: number): number =>
  sends === 0 ? 1 : Math.round((Math.min(approvals, sends) / sends) * 10_000) / 10_000;

/**
 * Whether counts look like pumping: enough sends in the window, too few of them approved.
 * Approvals may outnumber sends (an approval of a code sent before the window); that reads
 * as full conversion.
 */
export function looksPumped(sends: number, approvals: number, s: FraudGuardSettings): boolean {
  return sends >= s.minSends && Math.min(approvals, sends) / sends < s.minConversion;
}

/** A decision's state at `now`, as listed. */
export function decisionStatus(
  d: Pick<FraudDecision, 'action' | 'expiresAt' | 'liftedAt'>,
  now: number,
): 'active' | 'monitor' | 'expired' | 'lifted' {
  if (d.liftedAt !== null) return 'lifted';
  if (d.expiresAt <= now) return 'expired';
  return d.action === 'block' ? 'active' : 'monitor';
}
