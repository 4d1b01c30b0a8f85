import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppService } from '../../apps/apps.ts';
import { problems } from '../../http/schemas.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { AppRecord } from '../../ports/store.ts';
import type { Console } from '../console-graph.ts';
import type { AdminRecord } from '../console-store.ts';
import {
  apiKeyView,
  appNameBody,
  appParams,
  appView,
  consoleApiKey,
  consoleApiKeyList,
  consoleApp,
  consoleAppList,
  consoleIssuedKey,
  keyParams,
  newKeyBody,
} from './console-app-schemas.ts';
import {
  consoleBodyProblems,
  consoleProblems,
  requireConsoleSession,
  requireManagedApp,
  requireRole,
  SIGNED_IN,
  signedIn,
} from './console-http.ts';

const NOT_FOR_AGENTS = 'an agent answers the inbox only';
const READ_ONLY = 'a viewer reads apps and keys but changes nothing';

/**
 * The app `appId` if the admin may act on it: agents never (403), an app outside the admin's
 * apps or missing as 404 `console_app_not_found`, then `write` refuses a viewer (403).
 */
async function managedApp(
  apps: Pick<AppService, 'getApp'>,
  admin: AdminRecord,
  appId: string,
  write: boolean,
): Promise<AppRecord> {
  requireRole(admin, ['owner', 'admin', 'viewer'], NOT_FOR_AGENTS);
  requireManagedApp(admin, appId);
  if (write) requireRole(admin, ['owner', 'admin'], READ_ONLY);
  const app = await apps.getApp(appId);
  if (!app) throw new OtpdError('console_app_not_found', 'no such app among the apps you manage');
  return app;
}

/** Apps (list, create, rename) and their API keys (list, issue with scopes, revoke). */
export async function consoleAppRoutes(
  app: FastifyInstance,
  deps: { console: Console; apps: AppService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireConsoleSession(deps);
  const { audit } = deps.console;
  const actor = (admin: AdminRecord) => `admin:${admin.email}`;
  const readProblems = { ...consoleProblems, ...problems(403) };

  api.get('/console/api/apps', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'listConsoleApps',
      summary: 'The apps the admin manages (every app for an owner)',
      description: 'Agents answer the inbox only: 403 `console_role_forbidden`.',
      response: { 200: consoleAppList, ...readProblems },
    },
    handler: async (request) => {
      const { admin } = signedIn(request);
      requireRole(admin, ['owner', 'admin', 'viewer'], NOT_FOR_AGENTS);
      const all = await deps.apps.listApps();
      const mine = admin.role === 'owner' ? all : all.filter((a) => admin.appIds.includes(a.id));
      return { data: mine.map(appView) };
    },
  });

  api.post('/console/api/apps', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'createConsoleApp',
      summary: 'Create an app, with no API key yet (owners only)',
      description:
        'Issue its keys with the scopes each needs (`POST /console/api/apps/{appId}/keys`). ' +
        'Only an owner creates apps: another admin would not manage the new app (403). ' +
        'Recorded in the audit log as `app.created`.',
      body: appNameBody,
      response: { 201: consoleApp, ...consoleBodyProblems },
    },
    handler: async (request, reply) => {
      const { admin } = signedIn(request);
      requireRole(admin, ['owner'], 'only an owner creates apps: an admin would not manage it');
      const created = await deps.apps.createAppWithoutKey(request.body.name);
      await audit.record({
        actor: actor(admin),
        action: 'app.created',
        appId: created.id,
        target: created.id,
        details: { name: created.name },
      });
      return reply.status(201).send(appView(created));
    },
  });

  api.patch('/console/api/apps/:appId', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'renameConsoleApp',
      summary: 'Rename an app the admin manages',
      description:
        'Owners and admins of the app; a viewer gets 403. Recorded in the audit log as ' +
        '`app.renamed` with the old and the new name.',
      params: appParams,
      body: appNameBody,
      response: { 200: consoleApp, ...consoleBodyProblems, ...problems(404) },
    },
    handler: async (request) => {
      const { admin } = signedIn(request);
      const { appId } = request.params;
      await managedApp(deps.apps, admin, appId, true);
      const renamed = await deps.apps.renameApp(appId, request.body.name);
      if (!renamed) throw new OtpdError('console_app_not_found', 'the app is gone');
      if (renamed.before !== renamed.app.name) {
        await audit.record({
          actor: actor(admin),
          action: 'app.renamed',
          appId,
          target: appId,
          details: { before: renamed.before, after: renamed.app.name },
        });
      }
      return appView(renamed.app);
    },
  });

  api.get('/console/api/apps/:appId/keys', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'listConsoleApiKeys',
      summary: "An app's API keys: prefix, scopes, created, revoked — never the key",
      params: appParams,
      response: { 200: consoleApiKeyList, ...readProblems, ...problems(404) },
    },
    handler: async (request) => {
      const { appId } = request.params;
      await managedApp(deps.apps, signedIn(request).admin, appId, false);
      return { data: (await deps.apps.listKeys(appId)).map(apiKeyView) };
    },
  });

  api.post('/console/api/apps/:appId/keys', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'createConsoleApiKey',
      summary: 'Issue an API key with the chosen scopes; the key is in this answer only',
      description:
        'Owners and admins of the app. The key is stored only as SHA-256: store it now. ' +
        'Recorded in the audit log as `key.created` with its id and scopes.',
      params: appParams,
      body: newKeyBody,
      response: { 201: consoleIssuedKey, ...consoleBodyProblems, ...problems(404) },
    },
    handler: async (request, reply) => {
      const { admin } = signedIn(request);
      const { appId } = request.params;
      await managedApp(deps.apps, admin, appId, true);
      const issued = await deps.apps.createKey(appId, request.body.scopes);
      if (!issued) throw new OtpdError('console_app_not_found', 'the app is gone');
      await audit.record({
        actor: actor(admin),
        action: 'key.created',
        appId,
        target: issued.key.id,
        details: { scopes: issued.key.scopes },
      });
      return reply.status(201).send({ key: apiKeyView(issued.key), apiKey: issued.apiKey });
    },
  });

  api.post('/console/api/apps/:appId/keys/:keyId/revoke', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'revokeConsoleApiKey',
      summary: 'Revoke an API key: requests with it are refused from now on',
      description:
        'Owners and admins of the app. Revoking a revoked key answers it as it is; a key of ' +
        'another app is 404 `console_api_key_not_found`. Recorded in the audit log as ' +
        '`key.revoked`.',
      params: keyParams,
      response: { 200: consoleApiKey, ...consoleBodyProblems, ...problems(404) },
    },
    handler: async (request) => {
      const { admin } = signedIn(request);
      const { appId, keyId } = request.params;
      await managedApp(deps.apps, admin, appId, true);
      const revoked = await deps.apps.revokeAppKey(appId, keyId);
      if (!revoked) throw new OtpdError('console_api_key_not_found', 'the app has no such key');
      if (revoked.revokedNow) {
        await audit.record({
          actor: actor(admin),
          action: 'key.revoked',
          appId,
          target: keyId,
        });
      }
      return apiKeyView(revoked.key);
    },
  });
}
