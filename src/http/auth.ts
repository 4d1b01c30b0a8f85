import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppService, Principal } from '../apps/apps.ts';
import type { ApiScope } from '../apps/domain/api-scopes.ts';
import { OtpdError } from '../kernel/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /**
     * The API key scope a route needs. Every route behind an API key declares one
     * (`requireScopes` refuses to register one without); the OpenAPI document shows it.
     */
    scope?: ApiScope;
  }
}

/** The authenticated app of a request; only routes behind `requireApiKey` have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('route is missing the requireApiKey hook');
  return request.principal;
}

/**
 * Makes `principal` the request's caller if its key has the route's scope. Every way of
 * presenting a key (Bearer, the compatible APIs' Basic auth, Diyalog's token in the path)
 * ends here, so no route can forget the check. A route without a declared scope is refused
 * (fail closed); `requireScopes` keeps such a route from being registered at all.
 */
export function admit(request: FastifyRequest, principal: Principal): void {
  const needed = request.routeOptions.config.scope;
  // An unrouted path of a keyed API answers its own 404 or 405, not a scope refusal.
  if (needed === undefined && request.is404) {
    request.principal = principal;
    return;
  }
  if (!needed || !principal.scopes.includes(needed)) {
    throw new OtpdError(
      'insufficient_scope',
      needed
        ? `this API key does not have the scope ${needed}; create a key with --scope ${needed}`
        : 'this route takes no API key',
      { scope: needed ?? null },
    );
  }
  request.principal = principal;
}

/**
 * Refuses to register a route of `scope` (an encapsulated plugin whose routes take an API
 * key) that does not name the API key scope it needs: a new route cannot ship unguarded.
 */
export function requireScopes(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    if (!route.config?.scope) {
      throw new Error(`${route.method} ${route.url} must declare config.scope (an API key scope)`);
    }
  });
}

/** A preHandler that accepts `Authorization: Bearer <API key>` and nothing else. */
export function requireApiKey(apps: Pick<AppService, 'authenticate'>) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header) throw new OtpdError('missing_api_key', 'send Authorization: Bearer <API key>');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new OtpdError('invalid_api_key', 'use the Bearer scheme');
    const principal = await apps.authenticate(match[1]);
    if (!principal) throw new OtpdError('invalid_api_key', 'the key is unknown or revoked');
    admit(request, principal);
  };
}
