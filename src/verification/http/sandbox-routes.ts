import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/auth.ts';
import { problemResponses, sandboxList, sandboxQuery } from '../../http/schemas.ts';
import type { SandboxStore } from '../sandbox-store-ports.ts';
import { sandboxMessageView } from './verification-views.ts';

/**
 * The destinations `?to=` may mean. A query string turns an unescaped `+` into a space, so
 * `?to=+90555…` arrives as ` 90555…`: digits alone are an international number, or a
 * messenger id made of digits. Emails compare lower-cased.
 */
function storedForms(to: string): string[] {
  const trimmed = to.trim();
  if (/^\d+$/.test(trimmed)) return [`+${trimmed}`, trimmed];
  return [trimmed.includes('@') ? trimmed.toLowerCase() : trimmed];
}

/** Messages the sandbox (console) provider captured for the calling app. */
export async function sandboxRoutes(
  app: FastifyInstance,
  deps: { store: Pick<SandboxStore, 'listSandboxMessages'> },
) {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/sandbox/messages', {
    config: { scope: 'verifications' },
    schema: {
      tags: ['sandbox'],
      security: [{ bearerAuth: [] }],
      operationId: 'listSandboxMessages',
      summary: 'Messages the sandbox provider captured, newest first',
      querystring: sandboxQuery,
      response: { 200: sandboxList, ...problemResponses },
    },
    handler: async (request) => {
      const { to, limit } = request.query;
      const messages = await deps.store.listSandboxMessages(principalOf(request).app.id, {
        to: to === undefined ? undefined : storedForms(to),
        limit,
      });
      return { data: messages.map(sandboxMessageView) };
    },
  });
}
