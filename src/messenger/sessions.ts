import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import type { ConversationRecord, ConversationStore } from './conversation-store.ts';

/** How long a visitor stays in the chat without verifying again. */
export const SESSION_TTL_MS = 7 * 24 * 3_600_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Visitor sessions: a random 256-bit token in the cookie, only its SHA-256 in the store, so
 * a copy of the database opens no chat. Expiring (`SESSION_TTL_MS`) and revocable.
 */
export function createSessions(deps: {
  conversations: Pick<
    ConversationStore,
    'createSession' | 'findSession' | 'revokeSession' | 'getConversation'
  >;
  clock: Clock;
}) {
  const { conversations, clock } = deps;
  return {
    /** A new session for the conversation; the token goes into the cookie and nowhere else. */
    async issue(appId: string, conversationId: string) {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      const expiresAt = now + SESSION_TTL_MS;
      await conversations.createSession({
        id: newId('ses', now),
        appId,
        conversationId,
        tokenHash: hashOf(token),
        expiresAt,
        revokedAt: null,
      });
      return { token, expiresAt };
    },

    /** The conversation of a live session, or undefined. */
    async resolve(
      appId: string,
      token: string | undefined,
    ): Promise<ConversationRecord | undefined> {
      if (!token) return undefined;
      const session = await conversations.findSession(appId, hashOf(token), clock.now());
      return session && conversations.getConversation(appId, session.conversationId);
    },

    /** Ends the session; true when it was live. */
    revoke(appId: string, token: string | undefined): Promise<boolean> {
      if (!token) return Promise.resolve(false);
      return conversations.revokeSession(appId, hashOf(token), clock.now());
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
