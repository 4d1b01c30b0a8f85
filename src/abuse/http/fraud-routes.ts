import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditLog } from '../../console/audit-log.ts';
import { principalOf } from '../../http/auth.ts';
import { bodyProblemResponses, problemResponses } from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { FraudGuard } from '../fraud-guard.ts';
import {
  decisionView,
  fraudBlockParams,
  fraudBlocksQuery,
  fraudDecisionSchema,
  unblockedAudit,
} from './fraud-views.ts';

/** The SMS-pumping guard's decisions of the calling app: listed and lifted (I5). */
export async function fraudRoutes(
  app: FastifyInstance,
  deps: {
    fraud: Pick<FraudGuard, 'list' | 'lift'>;
    clock: Clock;
    audit: Pick<AuditLog, 'record'>;
  },
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
      querystring: fraudBlocksQuery,
      response: { 200: z.object({ data: z.array(fraudDecisionSchema) }), ...problemResponses },
    },
    handler: async (request) => {
      const { all, limit } = request.query;
      const decisions = await fraud.list([principalOf(request).app.id], {
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
        'The range starts counting afresh; the audit log records `fraud.unblocked`. Lifting ' +
        "a lifted decision answers it unchanged; another app's decision is 404.",
      params: fraudBlockParams,
      response: { 200: fraudDecisionSchema, ...problemResponses, ...bodyProblemResponses },
    },
    handler: async (request) => {
      const { app: caller, keyId } = principalOf(request);
      const { decision, lifted } = await fraud.lift([caller.id], request.params.id);
      if (lifted) await deps.audit.record(unblockedAudit(`key:${keyId}`, decision));
      return decisionView(decision, clock.now());
    },
  });
}
