import type { FastifyInstance, FastifyRequest, HTTPMethods, RouteOptions } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { OtpdError } from '../kernel/errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Which methods serve a path, for telling 405 from 404. */
    routeMethods: RouteMethods;
  }
}

export interface RouteMethods {
  /** The methods whose routes match this URL (path and query), sorted; empty when none. */
  allowedFor(url: string): string[];
}

/**
 * Mirrors every route the app registers into a second router of the same kind as Fastify's,
 * which answers what Fastify's does not: for a path no route serves with this method, which
 * methods do serve it. Call before any route is registered; its onRoute hook sees them all.
 */
export function trackRouteMethods(app: FastifyInstance): RouteMethods {
  const router = FindMyWay({ ignoreTrailingSlash: false, caseSensitive: true });
  const methods = new Set<HTTPMethod>();
  const noop = () => undefined;
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat() as HTTPMethods[]) {
      const upper = method.toUpperCase() as HTTPMethod;
      methods.add(upper);
      // Fastify has already refused a duplicate; the mirror only needs one entry.
      if (!router.hasRoute(upper, route.url)) router.on(upper, route.url, noop);
    }
  });
  const routeMethods: RouteMethods = {
    allowedFor(url) {
      return [...methods].filter((method) => router.find(method, url) !== null).sort();
    },
  };
  app.decorate('routeMethods', routeMethods);
  return routeMethods;
}

/**
 * Why nothing answered this request: a path some other method serves is 405 with the methods
 * in `Allow`; any other path is 404. The query string (which may hold a destination) is never
 * echoed.
 */
export function unroutedError(request: FastifyRequest): OtpdError {
  // An absolute-form target (`http://host/path`) is named by its path alone.
  const path = (request.url.split('?')[0] ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const allow = request.server.routeMethods.allowedFor(request.url);
  if (allow.length > 0) {
    return new OtpdError(
      'method_not_allowed',
      `${path} does not serve ${request.method}; it serves ${allow.join(', ')}`,
      { allow },
    );
  }
  return new OtpdError('route_not_found', `${request.method} ${path || '/'} does not exist`);
}
