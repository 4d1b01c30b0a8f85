import { z } from 'zod';
import { CHANNELS } from '../../kernel/recipients.ts';
import { decisionStatus, type FraudDecision } from '../domain/fraud.ts';

/** The SMS-pumping guard's decisions as the API and the console show them. */

const timestamp = z.iso.datetime();

export const fraudDecisionSchema = z
  .object({
    id: z.string(),
    prefix: z.string().describe('The number range: an E.164 number without its last 4 digits'),
    country: z.string().describe('ISO 3166-1 alpha-2 country of the range; `ZZ` for none'),
    channel: z.enum(CHANNELS).describe('Channel of the send that led to the decision'),
    action: z
      .enum(['block', 'monitor'])
      .describe('`block`: sends refused (enforce mode); `monitor`: recorded only'),
    status: z
      .enum(['active', 'monitor', 'expired', 'lifted'])
      .describe('`active` blocks now; `monitor` is a live record that blocks nothing'),
    reasons: z
      .object({
        sends: z.number().int(),
        approvals: z.number().int(),
        conversion: z.number().describe('approvals / sends in the window'),
        minSends: z.number().int(),
        minConversion: z.number(),
        windowSeconds: z.number().int(),
        country: z.object({
          code: z.string(),
          sends: z.number().int(),
          approvals: z.number().int(),
          conversion: z.number(),
        }),
      })
      .describe("The counts in the window and the app's thresholds when it was decided"),
    createdAt: timestamp,
    expiresAt: timestamp,
    liftedAt: timestamp.nullable(),
  })
  .meta({ id: 'FraudDecision' });

export const fraudBlocksQuery = z.object({
  all: z
    .enum(['true', 'false'])
    .default('false')
    .describe('`true` also lists decisions that expired or were lifted'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const fraudBlockParams = z.object({
  id: z.string().min(1).max(64).describe('Decision id'),
});

const iso = (ms: number) => new Date(ms).toISOString();

export function decisionView(d: FraudDecision, now: number): z.infer<typeof fraudDecisionSchema> {
  return {
    id: d.id,
    prefix: d.prefix,
    country: d.country,
    channel: d.channel,
    action: d.action,
    status: decisionStatus(d, now),
    reasons: d.reasons,
    createdAt: iso(d.createdAt),
    expiresAt: iso(d.expiresAt),
    liftedAt: d.liftedAt === null ? null : iso(d.liftedAt),
  };
}

/**
 * What the audit log keeps of a lifted decision: the range as the decision names it. A
 * prefix is never a whole number (its last 4 digits are left off), so it stays as it is.
 */
export function unblockedAudit(actor: string, d: FraudDecision) {
  return {
    actor,
    action: 'fraud.unblocked',
    appId: d.appId,
    target: d.id,
    details: { prefix: d.prefix, country: d.country, channel: d.channel, action: d.action },
  };
}
