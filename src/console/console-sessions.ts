import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import type { AdminRecord, ConsoleSession, ConsoleStore } from './console-store.ts';

export interface SessionTimes {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after login, however active. */
  absoluteMs: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const tokenHash = (token: string) => sha256(`session\0${token}`);

/**
 * The CSRF token of a session: derived from the cookie's token, so it is bound to the
 * session, needs no storage and can be given again by `GET /console/api/me`. A page of
 * another origin can read neither (the cookie is HttpOnly, the answer same-origin).
 */
export const csrfTokenOf = (token: string) => sha256(`csrf\0${token}`);

export function csrfMatches(token: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenOf(token));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Console sessions: a random 256-bit token in the cookie, only its hash in the store, so a
 * copy of the database opens no session. Idle and absolute expiry; revocable.
 */
export function createConsoleSessions(deps: {
  store: Pick<
    ConsoleStore,
    'createConsoleSession' | 'touchConsoleSession' | 'revokeConsoleSession' | 'getAdmin'
  >;
  clock: Clock;
  times: SessionTimes;
}) {
  const { store, clock, times } = deps;
  return {
    times,
    async issue(adminId: string) {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      const expiresAt = now + times.absoluteMs;
      await store.createConsoleSession({
        id: newId('cses', now),
        adminId,
        tokenHash: tokenHash(token),
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        revokedAt: null,
      });
      return { token, expiresAt, csrfToken: csrfTokenOf(token) };
    },

    /** The live session of the token and its (enabled) admin, its idle time restarted. */
    async resolve(
      token: string | undefined,
    ): Promise<{ session: ConsoleSession; admin: AdminRecord } | undefined> {
      if (!token) return undefined;
      const session = await store.touchConsoleSession(tokenHash(token), clock.now(), times.idleMs);
      const admin = session && (await store.getAdmin(session.adminId));
      if (!session || !admin || admin.disabledAt !== null) return undefined;
      return { session, admin };
    },

    revoke(token: string | undefined): Promise<boolean> {
      if (!token) return Promise.resolve(false);
      return store.revokeConsoleSession(tokenHash(token), clock.now());
    },
  };
}

export type ConsoleSessions = ReturnType<typeof createConsoleSessions>;
