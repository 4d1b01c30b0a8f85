import { ApiProblem } from './api.ts';
import type { Words } from './catalogue.ts';

/** A sentence for a refusal: when to try again for limits, never a bare status. */
export function sentenceFor(error: unknown, words: Words): string {
  if (!(error instanceof ApiProblem)) return words.say('failed');
  switch (error.code) {
    case 'network':
      return words.say('network');
    case 'rate_limited': {
      const at = new Date(Date.now() + (error.retryAfterMs ?? 60_000));
      const time = at.toLocaleTimeString(words.locale, { hour: '2-digit', minute: '2-digit' });
      return words.say('rateLimited', { time });
    }
    case 'invalid_recipient':
    case 'validation_failed':
      return words.say('invalidPhone');
    case 'verification_not_found':
    case 'verification_not_pending':
      return words.say('expired');
    case 'messenger_not_found':
      return words.say('unavailable');
    case 'conversation_closed':
      return words.say('chatClosed');
    default:
      return error.status >= 500 || !error.detail ? words.say('failed') : error.detail;
  }
}
