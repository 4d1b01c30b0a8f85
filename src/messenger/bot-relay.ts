import { z } from 'zod';
import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import type { Logger } from '../observability/logger.ts';
import { type OutboundClient, OutboundError } from '../ports/outbound.ts';
import { signStandardWebhook } from '../webhooks/domain/standard-signature.ts';
import type { ConversationMessage, ConversationRecord } from './conversation-store.ts';
import { type BotReply, botReplySchema } from './domain/bot-reply.ts';
import type { MessengerSettings } from './domain/messenger-settings.ts';

export type BotEventType =
  | 'conversation.started'
  | 'conversation.message'
  | 'conversation.postback'
  | 'conversation.handed_back'
  | 'conversation.closed';

export interface BotEvent {
  type: BotEventType;
  conversation: ConversationRecord;
  message?: ConversationMessage;
  postback?: { messageId: string; payload: string };
}

const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

const responseSchema = z.object({ messages: z.array(botReplySchema).max(20) }).partial();

/**
 * POSTs conversation events to the app's bot, signed per Standard Webhooks, through the
 * guarded client (SSRF guard, timeout, size limit), and returns the messages its answer
 * carries. Best effort and at most once: a bot that fails or answers something else is
 * logged and the visitor's message stays, waiting for a reply through the API.
 */
export function createBotRelay(deps: { outbound: OutboundClient; clock: Clock; logger: Logger }) {
  const { outbound, clock, logger } = deps;

  function payloadOf(event: BotEvent, now: number): string {
    const c = event.conversation;
    return JSON.stringify({
      type: event.type,
      timestamp: new Date(now).toISOString(),
      data: {
        appId: c.appId,
        conversationId: c.id,
        status: c.status,
        visitor: { phone: c.phone, name: c.name, email: c.email, locale: c.locale },
        ...(event.message && {
          message: {
            id: event.message.id,
            sequence: event.message.sequence,
            text: event.message.text,
          },
        }),
        ...(event.postback && { postback: event.postback }),
      },
    });
  }

  return async function relay(bot: MessengerSettings['bot'], event: BotEvent): Promise<BotReply[]> {
    if (!bot) return [];
    const now = clock.now();
    const body = payloadOf(event, now);
    const id = newId('evt', now);
    const headers = {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now / 1000)),
      'webhook-signature': signStandardWebhook(bot.secret, id, new Date(now), body),
    };
    const where = { appId: event.conversation.appId, conversationId: event.conversation.id };
    try {
      const response = await outbound.request({
        method: 'POST',
        url: bot.url,
        headers,
        body,
        timeoutMs: TIMEOUT_MS,
        maxResponseBytes: MAX_RESPONSE_BYTES,
      });
      if (response.status < 200 || response.status > 299) {
        logger.warn({ ...where, status: response.status }, 'bot refused a conversation event');
        return [];
      }
      if (!response.body.trim()) return [];
      const parsed = responseSchema.safeParse(JSON.parse(response.body));
      if (!parsed.success) {
        logger.warn(where, 'bot answered a body that is not {"messages": [...]}; ignored');
        return [];
      }
      return parsed.data.messages ?? [];
    } catch (error) {
      if (error instanceof OutboundError || error instanceof SyntaxError) {
        logger.warn({ ...where, failure: error.message }, 'conversation event not relayed to bot');
        return [];
      }
      throw error;
    }
  };
}

export type BotRelay = ReturnType<typeof createBotRelay>;
