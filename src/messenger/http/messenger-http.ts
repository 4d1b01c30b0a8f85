import type { FastifyRequest } from 'fastify';
import { bodyProblemResponses, problems } from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { ConversationEvents } from '../conversation-events.ts';
import type { ConversationService } from '../conversation-service.ts';
import type { ConversationRecord } from '../conversation-store.ts';
import type { GateService, Visitor } from '../gate-service.ts';
import type { Sessions } from '../sessions.ts';
import { readCookie, SESSION_COOKIE } from './messenger-cookies.ts';

/** What the messenger's public routes run on. */
export interface MessengerRouteDeps {
  gate: GateService;
  sessions: Sessions;
  conversations: ConversationService;
  events: ConversationEvents;
  clock: Clock;
}

export const PUBLIC = { security: [] as Record<string, string[]>[], tags: ['messenger'] };

/**
 * What every public route can answer: a bad path (400), an app with no messenger enabled
 * (404), a fault on our side (500), a server shutting down (503). No API key is read here,
 * so there is no 401 but a missing session's, and no limit but the gate's.
 */
export const publicProblems = problems(400, 404, 500, 503);
/** A POST reads its body, if any, as JSON: too large (413), another media type (415). */
export const publicBodyProblems = { ...publicProblems, ...bodyProblemResponses };

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
