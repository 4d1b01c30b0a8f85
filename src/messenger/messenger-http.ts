import type { FastifyRequest } from 'fastify';
import { OtpdError } from '../domain/errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConversationEvents } from './conversation-events.ts';
import type { ConversationService } from './conversation-service.ts';
import type { ConversationRecord } from './conversation-store.ts';
import type { GateService, Visitor } from './gate-service.ts';
import { readCookie, SESSION_COOKIE } from './messenger-cookies.ts';
import type { Sessions } from './sessions.ts';

/** What the messenger's public routes run on. */
export interface MessengerRouteDeps {
  gate: GateService;
  sessions: Sessions;
  conversations: ConversationService;
  events: ConversationEvents;
  clock: Clock;
}

export const PUBLIC = { security: [] as Record<string, string[]>[], tags: ['messenger'] };

/** The visitor as the request shows them: the connection's (or trusted proxy's) address. */
export function visitorOf(request: FastifyRequest, locale?: string): Visitor {
  const header = request.headers['accept-language'];
  return { ip: request.ip, locale, acceptLanguage: Array.isArray(header) ? header[0] : header };
}

/** The conversation of the request's session cookie; 401 without a live one. */
export async function sessionConversation(
  deps: Pick<MessengerRouteDeps, 'gate' | 'sessions'>,
  request: FastifyRequest,
  appId: string,
): Promise<ConversationRecord> {
  await deps.gate.assertEnabled(appId);
  const conversation = await deps.sessions.resolve(appId, readCookie(request, SESSION_COOKIE));
  if (!conversation) {
    throw new OtpdError(
      'messenger_session_required',
      'no chat is open in this browser: verify your phone number to start one',
    );
  }
  return conversation;
}
