import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppStore } from '../../apps/app-store-ports.ts';
import { bodyProblemResponses, problems } from '../../http/schemas.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { Console } from '../console-graph.ts';
import { csrfMatches } from '../console-sessions.ts';
import type { AdminRecord, AdminRole, ConsoleSession } from '../console-store.ts';

export const CONSOLE_COOKIE = 'otpd_console';
export const CSRF_HEADER = 'x-csrf-token';
const COOKIE_PATH = '/console';

/** The console's operations: the session cookie, or none for signing in. */
export const SIGNED_IN = { tags: ['console'], security: [{ consoleSession: [] }] };
export const SIGNED_OUT = { tags: ['console'], security: [] as Record<string, string[]>[] };

/** What every console route can answer; POSTs also the body problems and a CSRF refusal. */
export const consoleProblems = problems(400, 401, 500, 503);
export const consoleBodyProblems = {
  ...consoleProblems,
  ...problems(403),
  ...bodyProblemResponses,
};

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession: { admin: AdminRecord; session: ConsoleSession; token: string } | null;
  }
}

export function readSessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header ? parseCookie(header)[CONSOLE_COOKIE] : undefined;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), scoped to
 * the console's paths, Secure over https. It lasts as long as the session's absolute expiry;
 * the idle expiry is the store's to enforce.
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: number,
): void {
  reply.header(
    'set-cookie',
    stringifySetCookie({
      name: CONSOLE_COOKIE,
      value: token,
      expires: new Date(expiresAt),
      httpOnly: true,
      sameSite: 'strict',
      path: COOKIE_PATH,
      secure: request.protocol === 'https',
    }),
  );
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header(
    'set-cookie',
    stringifySetCookie({
      name: CONSOLE_COOKIE,
      value: '',
      maxAge: 0,
      httpOnly: true,
      sameSite: 'strict',
      path: COOKIE_PATH,
      secure: request.protocol === 'https',
    }),
  );
}

/**
 * A preHandler: the request's live session (401 `console_session_required` without one)
 * and, for a method that changes something, the session's CSRF token in `X-CSRF-Token`
 * (403 `csrf_token_invalid` without it).
 */
export function requireConsoleSession(deps: { console: Pick<Console, 'sessions'> }) {
  return async (request: FastifyRequest) => {
    const token = readSessionToken(request);
    const live = await deps.console.sessions.resolve(token);
    if (!live || !token) {
      throw new OtpdError('console_session_required', 'sign in to the console first');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const header = request.headers[CSRF_HEADER];
      if (!csrfMatches(token, Array.isArray(header) ? header[0] : header)) {
        throw new OtpdError(
          'csrf_token_invalid',
          'send the csrfToken that sign-in or GET /console/api/me gave, as X-CSRF-Token',
        );
      }
    }
    request.consoleSession = { ...live, token };
  };
}

export function signedIn(request: FastifyRequest) {
  if (!request.consoleSession) throw new Error('route is missing the requireConsoleSession hook');
  return request.consoleSession;
}

/** The apps an admin may see: every app for an owner (undefined), else their own. */
export const visibleApps = (admin: AdminRecord) =>
  admin.role === 'owner' ? undefined : admin.appIds;

/**
 * Refuses (403 `console_role_forbidden`, saying `why`) an admin whose role is not one of
 * `roles`: viewers read, admins and owners also write, agents answer the inbox only.
 */
export function requireRole(admin: AdminRecord, roles: readonly AdminRole[], why: string): void {
  if (!roles.includes(admin.role)) throw new OtpdError('console_role_forbidden', why);
}

/**
 * Refuses (404 `console_app_not_found`, the same answer as for an app that does not exist)
 * an app outside the admin's apps; an owner manages every app.
 */
export function requireManagedApp(admin: AdminRecord, appId: string): void {
  if (admin.role !== 'owner' && !admin.appIds.includes(appId)) {
    throw new OtpdError('console_app_not_found', 'no such app among the apps you manage');
  }
}

/**
 * The apps a request is about: one app, or all the admin manages (every app for an owner).
 * An app they do not manage answers 404 `console_app_not_found`, as if it did not exist, so
 * ids are not probed.
 */
export async function appsAsked(
  store: Pick<AppStore, 'listApps'>,
  admin: AdminRecord,
  appId: string | undefined,
): Promise<readonly string[]> {
  const mine = visibleApps(admin) ?? (await store.listApps()).map((app) => app.id);
  if (appId === undefined) return mine;
  if (!mine.includes(appId)) {
    throw new OtpdError('console_app_not_found', 'no such app among the apps you manage');
  }
  return [appId];
}
