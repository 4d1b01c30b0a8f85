import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuditLog } from '../audit-log.ts';
import type { Console } from '../console-graph.ts';
import {
  consoleProblems,
  requireConsoleSession,
  SIGNED_IN,
  signedIn,
  visibleApps,
} from './console-http.ts';
import { auditList, auditQuery } from './console-schemas.ts';
import { auditListView } from './console-views.ts';

/** One page of the audit log, newest first, from a `cursor` (an earlier page's nextCursor). */
export async function auditPage(
  audit: Pick<AuditLog, 'list'>,
  query: { cursor?: string; limit: number },
  appIds: readonly string[] | undefined,
) {
  const before = query.cursor === undefined ? undefined : Number(query.cursor);
  return auditListView(await audit.list({ appIds, before, limit: query.limit }));
}

/** The audit log as the console shows it: entries of the admin's apps; owners see all. */
export async function consoleAuditRoutes(app: FastifyInstance, deps: { console: Console }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/console/api/audit', {
    onRequest: requireConsoleSession(deps),
    schema: {
      ...SIGNED_IN,
      operationId: 'listConsoleAudit',
      summary: "The audit log, newest first: the admin's apps' entries, every entry for an owner",
      querystring: auditQuery,
      response: { 200: auditList, ...consoleProblems },
    },
    handler: async (request) =>
      auditPage(deps.console.audit, request.query, visibleApps(signedIn(request).admin)),
  });
}
