import type { Phrase, Words } from './catalogue.ts';
import type { InboxConversation, InboxMessage } from './inbox-api.ts';

/** What the Inbox page keeps: pure helpers over the list and the open chat. */

export interface OpenChat {
  conversation: InboxConversation;
  messages: InboxMessage[];
}

/** Who the visitor is, as a person reads it: their name, else their phone. */
export const visitorName = (c: InboxConversation, words: Words) =>
  c.name ?? c.phone ?? words.say('inboxVisitor');

/** Where the conversation is, in words: waiting, with you, with another agent, … */
export function statusText(c: InboxConversation, words: Words, me: string): string {
  if (c.status === 'waiting') return words.say('inboxWaiting');
  if (c.status === 'bot') return words.say('inboxWithBot');
  if (c.status === 'closed') return words.say('inboxClosed');
  if (c.agent?.id === me) return words.say('inboxWithYou');
  return c.agent?.email
    ? words.say('inboxWithAgent', { email: c.agent.email })
    : words.say('inboxWithSomeone');
}

/** The newer of two copies of a conversation (the list's, an event's, an answer's). */
export const newer = (a: InboxConversation, b: InboxConversation) =>
  b.updatedAt >= a.updatedAt || b.lastSequence > a.lastSequence ? b : a;

/**
 * The list after a change of one conversation: it stays while it waits or is with an agent,
 * and leaves when it goes back to the bot or closes. Waiting ones first, longest waiting on
 * top; then those with agents, the latest first.
 */
export function withChange(list: InboxConversation[], c: InboxConversation): InboxConversation[] {
  const old = list.find((o) => o.id === c.id);
  const next = old ? newer(old, c) : c;
  const rest = list.filter((o) => o.id !== c.id);
  const kept = next.status === 'waiting' || next.status === 'agent' ? [...rest, next] : rest;
  return sorted(kept);
}

export function sorted(list: InboxConversation[]): InboxConversation[] {
  const waiting = list.filter((c) => c.status === 'waiting');
  const others = list.filter((c) => c.status !== 'waiting');
  waiting.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  others.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return [...waiting, ...others];
}

/** Adds messages by sequence, each once, whether an answer or the stream brought it first. */
export function merged(list: InboxMessage[], more: InboxMessage[]): InboxMessage[] {
  const bySequence = new Map(list.map((m) => [m.sequence, m]));
  for (const m of more) bySequence.set(m.sequence, m);
  return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
}

/** What a refused action says on the page. */
export function refusalPhrase(code: string): Phrase {
  if (code === 'conversation_taken') return 'inboxTakenElsewhere';
  if (code === 'conversation_not_taken') return 'inboxNotTaken';
  if (code === 'conversation_closed') return 'inboxIsClosed';
  return 'failed';
}
