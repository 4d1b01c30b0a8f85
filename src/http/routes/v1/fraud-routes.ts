import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionStatus, type FraudDecision } from '../../../domain/fraud.ts';
import { CHANNELS } from '../../../domain/recipients.ts';
import type { Clock } from '../../../ports/clock.ts';
import type { FraudGuard } from '../../../services/fraud-guard.ts';
import { principalOf } from '../../auth.ts';
import { bodyProblemResponses, problemResponses } from '../../schemas.ts';

const timestamp = z.iso.datetime();

const fraudDecisionSchema = z
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

const listQuery = z.object({
  all: z
    .enum(['true', 'false'])
    .default('false')
    .describe('`true` also lists decisions that expired or were lifted'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const iso = (ms: number) => new Date(ms).toISOString();

function decisionView(d: FraudDecision, now: number) {
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

/** The SMS-pumping guard's decisions of the calling app: listed and lifted (I5). */
export async function fraudRoutes(
  app: FastifyInstance,
  deps: { fraud: Pick<FraudGuard, 'list' | 'lift'>; clock: Clock },
) {
  const { fraud, clock } = deps;
  const tags = ['fraud'];
  const security = [{ bearerAuth: [] }];
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/v1/fraud/blocks', {
    config: { scope: 'settings:read' },
    schema: {
      tags,
      security,
      operationId: 'listFraudBlocks',
      summary: "The SMS-pumping guard's decisions, newest first",
      description:
        'Live decisions by default: blocks in force (`active`) and monitor-mode records ' +
        '(`monitor`), each with its reasons. `?all=true` adds the expired and lifted ones.',
      querystring: listQuery,
      response: { 200: z.object({ data: z.array(fraudDecisionSchema) }), ...problemResponses },
    },
    handler: async (request) => {
      const { all, limit } = request.query;
      const decisions = await fraud.list(principalOf(request).app.id, {
        includeEnded: all === 'true',
        limit,
      });
      const now = clock.now();
      return { data: decisions.map((d) => decisionView(d, now)) };
    },
  });

  typed.delete('/v1/fraud/blocks/:id', {
    config: { scope: 'settings:write' },
    schema: {
      tags,
      security,
      operationId: 'liftFraudBlock',
      summary: 'Lift a decision: sends to its range go through again',
      description:
        'The range starts counting afresh. Lifting a lifted decision answers it unchanged; ' +
        "another app's decision is 404.",
      params: z.object({ id: z.string().min(1).max(64).describe('Decision id') }),
      response: { 200: fraudDecisionSchema, ...problemResponses, ...bodyProblemResponses },
    },
    handler: async (request) => {
      const appId = principalOf(request).app.id;
      const lifted = await fraud.lift(appId, request.params.id);
      return decisionView(lifted, clock.now());
    },
  });
}
