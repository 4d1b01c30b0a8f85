import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../console/audit-log.ts';
import { principalOf } from '../../http/auth.ts';
import { bodyProblemResponses, problemResponses } from '../../http/schemas.ts';
import { type FieldError, OtpdError } from '../../kernel/errors.ts';
import type { SettingsService } from '../settings-service.ts';

/**
 * The 400 of a settings document the service refused: each field named under `body`, as it
 * was sent, each error extended by `more` (the console adds the field's JSON pointer).
 */
export function invalidSettings(
  fieldErrors: readonly FieldError[],
  more: (error: FieldError) => object = () => ({}),
): OtpdError {
  const errors = fieldErrors.map((e) => ({
    ...e,
    field: e.field === '(document)' ? 'body' : `body.${e.field}`,
    ...more(e),
  }));
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new OtpdError('validation_failed', detail, { errors });
}

/**
 * The calling app's settings: read (secrets masked) and replaced whole. Each app sees and
 * changes only its own (I5).
 */
export async function settingsRoutes(
  app: FastifyInstance,
  deps: {
    settings: Pick<SettingsService, 'schema' | 'show' | 'replace'>;
    audit: Pick<AuditLog, 'record'>;
  },
) {
  const { settings, audit } = deps;
  const tags = ['settings'];
  const security = [{ bearerAuth: [] }];
  const document = settings.schema;

  app.get('/v1/settings', {
    config: { scope: 'settings:read' },
    schema: {
      tags,
      security,
      operationId: 'getSettings',
      summary: "The app's settings; secrets come back masked (`••••` and the last 4 characters)",
      response: { 200: document, ...problemResponses },
    },
    handler: async (request, reply) => {
      const shown = await settings.show(principalOf(request).app.id);
      if (!shown) throw new Error('authenticated app has no settings row');
      reply.header('settings-revision', String(shown.revision));
      return shown.settings;
    },
  });

  app.put('/v1/settings', {
    config: { scope: 'settings:write' },
    schema: {
      tags,
      security,
      operationId: 'replaceSettings',
      summary: "Replace the app's settings whole; fields left out take their defaults",
      description:
        'A secret sent back in its masked form keeps the stored secret, so a document read ' +
        'with GET can be edited and sent back. An invalid document is refused with 400 ' +
        'naming every bad field, and nothing is saved. A saved change is written to the ' +
        'audit log as `settings.updated` by the key, each changed value listed, secrets masked.',
      body: document,
      response: { 200: document, ...problemResponses, ...bodyProblemResponses },
    },
    // The body is validated by the service, after masked secrets are swapped for the stored
    // ones: the schema above documents it, the service enforces it.
    validatorCompiler: () => (value) => ({ value }),
    handler: async (request, reply) => {
      const { app: caller, keyId } = principalOf(request);
      const appId = caller.id;
      const outcome = await settings.replace(appId, request.body);
      if (outcome.status === 'app_not_found') throw new Error('authenticated app has no row');
      if (outcome.status === 'invalid') throw invalidSettings(outcome.errors);
      await audit.record({
        actor: `key:${keyId}`,
        action: 'settings.updated',
        appId,
        details: { revision: outcome.revision, changes: outcome.changes },
      });
      request.log.info({ appId, revision: outcome.revision }, 'app settings replaced');
      reply.header('settings-revision', String(outcome.revision));
      return outcome.settings;
    },
  });
}
