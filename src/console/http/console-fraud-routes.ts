import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FraudDecision } from '../../abuse/domain/fraud.ts';
import type { FraudGuard } from '../../abuse/fraud-guard.ts';
import {
  decisionView,
  fraudBlockParams,
  fraudBlocksQuery,
  fraudDecisionSchema,
  unblockedAudit,
} from '../../abuse/http/fraud-views.ts';
import type { AppStore } from '../../apps/app-store-ports.ts';
import { problems } from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Console } from '../console-graph.ts';
import {
  appsAsked,
  consoleProblems,
  requireConsoleSession,
  requireRole,
  SIGNED_IN,
  signedIn,
} from './console-http.ts';

const consoleFraudBlock = fraudDecisionSchema
  .extend({ appId: z.string() })
  .meta({ id: 'ConsoleFraudBlock' });

const consoleFraudBlocksQuery = fraudBlocksQuery
  .extend({
    appId: z.string().min(1).max(64).optional().describe("One of the admin's apps; default all"),
  })
  .strict();

const view = (d: FraudDecision, now: number) => ({ ...decisionView(d, now), appId: d.appId });

/**
 * The SMS-pumping guard's decisions in the console: those of the admin's apps (every app for
 * an owner), and lifting one. Viewers read; admins and owners also lift; agents answer the
 * inbox only.
 */
export async function consoleFraudRoutes(
  app: FastifyInstance,
  deps: {
    console: Console;
    fraud: Pick<FraudGuard, 'list' | 'lift'>;
    clock: Clock;
    store: Pick<AppStore, 'listApps'>;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireConsoleSession(deps);

  api.get('/console/api/fraud/blocks', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'listConsoleFraudBlocks',
      summary: "The SMS-pumping guard's decisions of the admin's apps, newest first",
      description:
        'The decisions of `GET /v1/fraud/blocks` over the apps the admin manages (every app ' +
        'for an owner) or one of them (`appId`), each with its app. Agents: 403.',
      querystring: consoleFraudBlocksQuery,
      response: {
        200: z.object({ data: z.array(consoleFraudBlock) }),
        ...consoleProblems,
        ...problems(403, 404),
      },
    },
    handler: async (request) => {
      const { admin } = signedIn(request);
      requireRole(admin, ['owner', 'admin', 'viewer'], 'agents see the inbox only');
      const { appId, all, limit } = request.query;
      const apps = await appsAsked(deps.store, admin, appId);
      const decisions = await deps.fraud.list(apps, { includeEnded: all === 'true', limit });
      const now = deps.clock.now();
      return { data: decisions.map((d) => view(d, now)) };
    },
  });

  api.delete('/console/api/fraud/blocks/:id', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'liftConsoleFraudBlock',
      summary: 'Lift a decision of one of the admin’s apps: sends to its range go through again',
      description:
        'As `DELETE /v1/fraud/blocks/{id}`; the audit log records `fraud.unblocked` with the ' +
        "range. A lifted decision is answered unchanged; another app's is 404. Viewers and " +
        'agents: 403.',
      params: fraudBlockParams,
      response: { 200: consoleFraudBlock, ...consoleProblems, ...problems(403, 404) },
    },
    handler: async (request) => {
      const { admin } = signedIn(request);
      requireRole(admin, ['owner', 'admin'], 'viewers and agents cannot lift a block');
      const apps = await appsAsked(deps.store, admin, undefined);
      const { decision, lifted } = await deps.fraud.lift(apps, request.params.id);
      if (lifted) await deps.console.audit.record(unblockedAudit(`admin:${admin.email}`, decision));
      return view(decision, deps.clock.now());
    },
  });
}
