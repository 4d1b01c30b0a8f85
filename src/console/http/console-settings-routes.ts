import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppStore } from '../../apps/app-store-ports.ts';
import { testAttempt, testSendBody } from '../../delivery/http/test-send-routes.ts';
import type { TestSend } from '../../delivery/test-send.ts';
import { problems } from '../../http/schemas.ts';
import { OtpdError } from '../../kernel/errors.ts';
import { maskDestination } from '../../kernel/mask.ts';
import { invalidSettings } from '../../settings/http/settings-routes.ts';
import type { SettingsService } from '../../settings/settings-service.ts';
import type { Console } from '../console-graph.ts';
import type { AdminRole } from '../console-store.ts';
import { appParams } from './console-app-schemas.ts';
import {
  consoleBodyProblems,
  consoleProblems,
  requireConsoleSession,
  requireManagedApp,
  requireRole,
  SIGNED_IN,
  signedIn,
} from './console-http.ts';
import { settingsFormSchema } from './settings-form-schema.ts';
import { fieldPointer } from './settings-pointers.ts';

/** Params and query validated as on every route; the body passed on as it came. */
const bodyLeftToService: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? (value: unknown) => ({ value })
    : validatorCompiler({ ...route, schema: route.schema as z.ZodType });

const READERS: readonly AdminRole[] = ['owner', 'admin', 'viewer'];
const WRITERS: readonly AdminRole[] = ['owner', 'admin'];
const AGENTS_REFUSED = 'agents answer the inbox only';

const formSchema = z
  .record(z.string(), z.unknown())
  .describe(
    'JSON Schema (2020-12) of the settings document as PUT takes it. Provider and validator ' +
      'variants carry their plug-in’s `title` and `description`; `x-secret: true` marks a ' +
      'field read back masked, `x-secret-keys` a map whose values are secret under such keys, ' +
      '`x-builtIn` the values used per key where the document leaves them out.',
  );

/** The settings of the admin's apps: read, replaced whole, tried with a test message. */
export async function consoleSettingsRoutes(
  app: FastifyInstance,
  deps: {
    console: Console;
    settings: SettingsService;
    testSend: TestSend;
    store: Pick<AppStore, 'getApp'>;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireConsoleSession(deps);
  const { settings } = deps;
  const { audit } = deps.console;
  const document = settings.schema;
  const schema = settingsFormSchema({
    schema: document,
    providers: settings.plugins.providers,
    validators: settings.plugins.validators,
  });

  /** The admin, when they may read `appId`'s settings (and change them, with `write`). */
  const allowed = (request: FastifyRequest, appId: string, write: boolean) => {
    const { admin } = signedIn(request);
    requireRole(admin, READERS, AGENTS_REFUSED);
    requireManagedApp(admin, appId);
    if (write) requireRole(admin, WRITERS, 'a viewer reads settings but does not change them');
    return admin;
  };
  const notFound = () =>
    new OtpdError('console_app_not_found', 'no such app among the apps you manage');
  const refusals = { ...consoleProblems, ...problems(403, 404) };

  api.get('/console/api/settings/schema', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'getConsoleSettingsSchema',
      summary: 'The settings document as JSON Schema, with the plug-ins and the secret fields',
      description:
        'What the settings page generates its form from: `PUT .../settings` validates the ' +
        'same document. Agents answer the inbox only: 403.',
      response: { 200: formSchema, ...consoleProblems, ...problems(403) },
    },
    handler: async (request) => {
      requireRole(signedIn(request).admin, READERS, AGENTS_REFUSED);
      return schema;
    },
  });

  api.get('/console/api/apps/:appId/settings', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'getConsoleSettings',
      summary: "An app's settings; secrets come back masked, as `GET /v1/settings` shows them",
      params: appParams,
      response: { 200: document, ...refusals },
    },
    handler: async (request, reply) => {
      const { appId } = request.params;
      allowed(request, appId, false);
      const shown = await settings.show(appId);
      if (!shown) throw notFound();
      reply.header('settings-revision', String(shown.revision));
      return shown.settings;
    },
  });

  api.put('/console/api/apps/:appId/settings', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'replaceConsoleSettings',
      summary: "Replace an app's settings whole, as `PUT /v1/settings` does",
      description:
        'Validated exactly as `PUT /v1/settings`: a masked secret sent back keeps the stored ' +
        'one; an invalid document is refused with 400 naming every bad field (`field` as /v1 ' +
        'names it, `pointer` its JSON Pointer) and nothing is saved. The change is written to ' +
        'the audit log as `settings.updated`, each changed value listed, secrets masked.',
      params: appParams,
      body: document,
      response: { 200: document, ...refusals, ...consoleBodyProblems },
    },
    // As on /v1, the service validates the body once masked secrets are restored.
    validatorCompiler: bodyLeftToService,
    handler: async (request, reply) => {
      const { appId } = request.params;
      const admin = allowed(request, appId, true);
      const outcome = await settings.replace(appId, request.body);
      if (outcome.status === 'app_not_found') throw notFound();
      if (outcome.status === 'invalid') {
        throw invalidSettings(outcome.errors, (e) => ({
          pointer: fieldPointer(e.field, request.body),
        }));
      }
      await audit.record({
        actor: `admin:${admin.email}`,
        action: 'settings.updated',
        appId,
        details: { revision: outcome.revision, changes: outcome.changes },
      });
      request.log.info({ appId, revision: outcome.revision }, 'app settings replaced');
      reply.header('settings-revision', String(outcome.revision));
      return outcome.settings;
    },
  });

  api.post('/console/api/apps/:appId/settings/test-send', {
    onRequest,
    schema: {
      ...SIGNED_IN,
      operationId: 'consoleTestSend',
      summary: "Send one test message through an app's saved providers of a channel",
      description:
        'As `POST /v1/settings/test-send`: the providers are tried in order until one takes ' +
        'the message, and each attempt is answered with its outcome and the gateway’s answer ' +
        '(secrets masked). Written to the audit log as `settings.test_sent`, the destination ' +
        'masked.',
      params: appParams,
      body: testSendBody,
      response: {
        200: z.object({ attempts: z.array(testAttempt) }),
        ...refusals,
        ...consoleBodyProblems,
        ...problems(429),
      },
    },
    handler: async (request) => {
      const { appId } = request.params;
      const admin = allowed(request, appId, true);
      const target = await deps.store.getApp(appId);
      if (!target) throw notFound();
      const outcome = await deps.testSend(target, request.body);
      await audit.record({
        actor: `admin:${admin.email}`,
        action: 'settings.test_sent',
        appId,
        details: {
          channel: request.body.channel,
          to: maskDestination(request.body.to),
          attempts: outcome.attempts.map(({ provider, ok, error }) => ({ provider, ok, error })),
        },
      });
      return outcome;
    },
  });
}
