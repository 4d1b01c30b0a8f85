import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AnalyticsService } from '../../analytics/analytics-service.ts';
import {
  analyticsAnswer,
  analyticsAnswerFor,
  analyticsQuery,
} from '../../analytics/http/analytics-routes.ts';
import type { AppStore } from '../../apps/app-store-ports.ts';
import { problems } from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { Console } from '../console-graph.ts';
import {
  appsAsked,
  consoleProblems,
  requireConsoleSession,
  SIGNED_IN,
  signedIn,
} from './console-http.ts';

const consoleAnalyticsQuery = analyticsQuery.extend({
  appId: z.string().min(1).max(100).optional().describe("One of the admin's apps; default all"),
});

/** Analytics as the console shows them: the `/v1/analytics` numbers, over the admin's apps. */
export async function consoleAnalyticsRoutes(
  app: FastifyInstance,
  deps: {
    console: Console;
    analytics: AnalyticsService;
    clock: Clock;
    store: Pick<AppStore, 'listApps'>;
  },
) {
  app.withTypeProvider<ZodTypeProvider>().get('/console/api/analytics', {
    onRequest: requireConsoleSession(deps),
    schema: {
      ...SIGNED_IN,
      operationId: 'getConsoleAnalytics',
      summary: "Verifications, conversion and delivery of the admin's apps, per hour or day",
      description:
        'The numbers of `GET /v1/analytics`, summed over the apps the admin manages (every ' +
        'app for an owner) or over one of them (`appId`). Agents answer the inbox only: 403.',
      querystring: consoleAnalyticsQuery,
      response: { 200: analyticsAnswer, ...consoleProblems, ...problems(403, 404) },
    },
    handler: async (request) => {
      const { admin } = signedIn(request);
      if (admin.role === 'agent') {
        throw new OtpdError('console_role_forbidden', 'agents see the inbox only');
      }
      const { appId, ...query } = request.query;
      return analyticsAnswerFor(deps, await appsAsked(deps.store, admin, appId), query);
    },
  });
}
