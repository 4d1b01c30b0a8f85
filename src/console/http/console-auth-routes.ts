import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bodyProblemResponses, problems } from '../../http/schemas.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { Console } from '../console-graph.ts';
import { csrfTokenOf } from '../console-sessions.ts';
import type { AdminRecord } from '../console-store.ts';
import {
  clearSessionCookie,
  consoleBodyProblems,
  consoleProblems,
  readSessionToken,
  requireConsoleSession,
  SIGNED_IN,
  SIGNED_OUT,
  setSessionCookie,
  signedIn,
} from './console-http.ts';
import {
  loginBody,
  sessionSchema,
  totpConfirmBody,
  totpConfirmed,
  totpEnrolment,
} from './console-schemas.ts';
import { adminView } from './console-views.ts';

export interface ConsoleRouteDeps {
  console: Console;
}

/** Signing in and out, who is signed in, and turning TOTP on. */
export async function consoleAuthRoutes(app: FastifyInstance, deps: ConsoleRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { sessions, audit, totp } = deps.console;
  const session = requireConsoleSession(deps);
  const idleMinutes = Math.round(sessions.times.idleMs / 60_000);
  const sessionView = (admin: AdminRecord, token: string, expiresAt: number) => ({
    admin: adminView(admin),
    csrfToken: csrfTokenOf(token),
    expiresAt: new Date(expiresAt).toISOString(),
    idleMinutes,
  });

  api.post('/console/api/login', {
    schema: {
      ...SIGNED_OUT,
      operationId: 'consoleLogin',
      summary: 'Sign in with email and password (and an authenticator code when TOTP is on)',
      description:
        'Sets the session cookie. Failed attempts are limited per account and per address ' +
        '(429 with `Retry-After`); an unknown email and a wrong password get the same answer.',
      body: loginBody,
      response: {
        200: sessionSchema,
        ...problems(400, 401, 429, 500, 503),
        ...bodyProblemResponses,
      },
    },
    handler: async (request, reply) => {
      const signed = await deps.console.login(request.body, request.ip);
      setSessionCookie(request, reply, signed.token, signed.expiresAt);
      return sessionView(signed.admin, signed.token, signed.expiresAt);
    },
  });

  api.post('/console/api/logout', {
    onRequest: session,
    schema: {
      ...SIGNED_IN,
      operationId: 'consoleLogout',
      summary: 'Sign out: the session ends at once, in every copy of the cookie',
      response: { 204: z.null().describe('Signed out'), ...consoleBodyProblems },
    },
    handler: async (request, reply) => {
      const { admin } = signedIn(request);
      await sessions.revoke(readSessionToken(request));
      await audit.record({ actor: `admin:${admin.email}`, action: 'console.logout' });
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  });

  api.get('/console/api/me', {
    onRequest: session,
    schema: {
      ...SIGNED_IN,
      operationId: 'getConsoleSession',
      summary: 'The signed-in admin and the CSRF token of the session',
      response: { 200: sessionSchema, ...consoleProblems },
    },
    handler: async (request) => {
      const { admin, session: live, token } = signedIn(request);
      return sessionView(admin, token, live.expiresAt);
    },
  });

  api.post('/console/api/totp', {
    onRequest: session,
    schema: {
      ...SIGNED_IN,
      operationId: 'enrolConsoleTotp',
      summary:
        'Start turning TOTP on: a new secret as an otpauth URI and QR code, and recovery codes',
      description: 'Nothing changes for sign-in until the first code confirms the secret.',
      response: { 200: totpEnrolment, ...consoleBodyProblems },
    },
    handler: async (request) => {
      const { admin } = signedIn(request);
      const enrolment = await totp.enrol(admin);
      await audit.record({
        actor: `admin:${admin.email}`,
        action: 'console.totp_enrolment_started',
      });
      return enrolment;
    },
  });

  api.post('/console/api/totp/confirm', {
    onRequest: session,
    schema: {
      ...SIGNED_IN,
      operationId: 'confirmConsoleTotp',
      summary: 'Turn TOTP on with the first code the authenticator shows',
      body: totpConfirmBody,
      response: { 200: totpConfirmed, ...consoleBodyProblems, ...problems(409) },
    },
    handler: async (request) => {
      const { admin: stale } = signedIn(request);
      const admin = await deps.console.store.getAdmin(stale.id);
      if (!admin?.totpPending) {
        throw new OtpdError('console_totp_not_pending', 'start with POST /console/api/totp');
      }
      const enabled = await totp.confirm(admin, request.body.code.replace(/\s/g, ''));
      if (enabled) {
        await audit.record({ actor: `admin:${admin.email}`, action: 'console.totp_enabled' });
      }
      return { enabled };
    },
  });
}
