import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/auth.ts';
import { problems } from '../../http/schemas.ts';
import type { AuditLog } from '../audit-log.ts';
import { auditPage } from './console-audit-routes.ts';
import { auditList, auditQuery } from './console-schemas.ts';

/** `GET /v1/audit`: the audit entries of the API key's app, newest first, in cursor pages. */
export async function auditRoutes(app: FastifyInstance, deps: { audit: Pick<AuditLog, 'list'> }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/v1/audit', {
    // Who changed what in the app's settings and keys: read by those who may read settings.
    config: { scope: 'settings:read' },
    schema: {
      tags: ['audit'],
      security: [{ bearerAuth: [] }],
      operationId: 'listAudit',
      summary: "The app's audit log, newest first: settings changes, keys, unblocks, exports",
      querystring: auditQuery,
      response: { 200: auditList, ...problems(400, 401, 500, 503) },
    },
    handler: async (request) => auditPage(deps.audit, request.query, [principalOf(request).app.id]),
  });
}
