import type { Clock } from '../../kernel/clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { ConversationNotice } from '../../messenger/conversation-events.ts';
import type { ConversationService } from '../../messenger/conversation-service.ts';
import {
  CONVERSATION_STATUSES,
  type ConversationRecord,
  type ConversationStatus,
} from '../../messenger/conversation-store.ts';
import {
  type AgentEmails,
  inboxConversationView,
  inboxMessageView,
} from './console-inbox-views.ts';

/**
 * How far before its Last-Event-ID a resumed stream reads again: longer than a notice takes
 * to be stored, published and read, and than the clocks of a cluster's instances differ. What
 * it sends twice, the page recognises by id and sequence.
 */
export const RESUME_MARGIN_MS = 60_000;
/** At most this many changed conversations are sent again on a resume (the newest). */
const RESUME_LIMIT = 500;
/** At most this many conversations of the inbox are known as it was when the stream opened. */
const KNOWN_LIMIT = 1_000;
const PAGE = 100;

const inInbox = (status: ConversationStatus) => status === 'waiting' || status === 'agent';

interface Told {
  status: ConversationStatus;
  agentId: string | null;
  /**
   * The sequence of the last message sent, or of the newest when it was first seen; null for
   * what the page read for itself when the stream opened (its list).
   */
  sequence: number | null;
}

export interface InboxStreamDeps {
  conversations: Pick<ConversationService, 'mustGet' | 'messages' | 'inbox'>;
  emails: () => Promise<AgentEmails>;
  clock: Clock;
}

/**
 * What one console stream tells its page about the inbox of `appIds`: a `conversation` event
 * when a conversation enters the inbox (`waiting`, `agent`), changes holder or leaves it, and
 * a `message` event for each message of a conversation while it is in the inbox (and the one
 * that took it out). Every event's id is the time its read began, so a reconnect's
 * Last-Event-ID says from when to read again (`resume`).
 *
 * Work runs one step at a time, in order: a notice only wakes the stream, and what it sends
 * always comes from the store, from the last sequence it sent of that conversation.
 */
export function createInboxStream(
  deps: InboxStreamDeps,
  appIds: readonly string[],
  write: (frame: string) => void,
) {
  const told = new Map<string, Told>();
  let emails: AgentEmails = new Map();
  let readAt = deps.clock.now();
  /** When the last notice arrived: what a bus outage may have lost came after it. */
  let heardAt = readAt;
  let queue = Promise.resolve();
  let onFailure: (error: unknown) => void = () => {};

  const event = (name: string, data: unknown) =>
    write(`id: ${readAt}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`);

  async function find(appId: string, id: string): Promise<ConversationRecord | undefined> {
    try {
      return await deps.conversations.mustGet(appId, id);
    } catch (error) {
      if (error instanceof OtpdError && error.code === 'conversation_not_found') return undefined;
      throw error;
    }
  }

  /** Sends messages after `after` (and, resuming, only those since `since`); the last sent. */
  async function sendMessages(c: ConversationRecord, after: number, since?: number) {
    let last = after;
    for (;;) {
      const page = await deps.conversations.messages(c.appId, c.id, last, PAGE);
      for (const m of page) {
        if (since === undefined || m.createdAt >= since) event('message', inboxMessageView(m));
        last = m.sequence;
      }
      if (page.length < PAGE) return last;
    }
  }

  /**
   * Tells the page what changed of `c` since it last told it. `from.sequence`: the notice's
   * message, the first to send of a conversation not followed yet; `from.since`: a resume,
   * which sends every change since then.
   */
  async function sync(c: ConversationRecord, from: { sequence?: number; since?: number }) {
    const before = told.get(c.id);
    const changed = !before || before.status !== c.status || before.agentId !== c.agentId;
    if (from.since !== undefined || (changed && (before || inInbox(c.status)))) {
      if (c.agentId !== null && !emails.has(c.agentId)) emails = await deps.emails();
      event('conversation', inboxConversationView(c, emails));
    }
    let sequence = c.lastSequence;
    if (before || inInbox(c.status)) {
      const known = before?.sequence ?? null;
      const after = known ?? (from.sequence === undefined ? 0 : from.sequence - 1);
      const last = await sendMessages(c, after, known === null ? from.since : undefined);
      sequence = Math.max(last, known === null ? c.lastSequence : 0);
    }
    if (inInbox(c.status)) told.set(c.id, { status: c.status, agentId: c.agentId, sequence });
    else told.delete(c.id);
  }

  /**
   * The inbox as the page finds it when it lists it (after the stream opened): a conversation
   * of it that later leaves (handed back, closed) is then told, though the stream sent
   * nothing of it before.
   */
  async function know() {
    const open = await deps.conversations.inbox(appIds, {
      statuses: ['waiting', 'agent'],
      limit: KNOWN_LIMIT,
    });
    for (const c of open) told.set(c.id, { status: c.status, agentId: c.agentId, sequence: null });
  }

  /** Every conversation of the apps changed since `since`, oldest first. */
  async function sweep(since: number) {
    const changed = await deps.conversations.inbox(appIds, {
      statuses: CONVERSATION_STATUSES,
      updatedSince: since,
      limit: RESUME_LIMIT,
    });
    for (const c of changed.reverse()) await sync(c, { since });
  }

  function run(step: () => Promise<void>) {
    queue = queue
      .then(async () => {
        readAt = deps.clock.now();
        await step();
      })
      .catch((error) => onFailure(error));
  }

  // The inbox as it is when the stream opens is the page's to list; events are what follows.
  const ready = know();
  queue = ready.catch(() => {});

  return {
    /** Resolves once the stream knows the inbox as it opens; rejects when it cannot read it. */
    ready,
    /** What to do when a step fails (the route logs it and ends the stream). */
    onFailure(handler: (error: unknown) => void) {
      onFailure = handler;
    },
    /** A notice of one of the apps, or `null`: anything may have been missed since the last step. */
    wake(notice: ConversationNotice | null) {
      if (notice === null) {
        const since = heardAt - RESUME_MARGIN_MS;
        run(() => sweep(since));
        return;
      }
      heardAt = deps.clock.now();
      run(async () => {
        const c = await find(notice.appId, notice.conversationId);
        if (c) await sync(c, { sequence: notice.sequence });
      });
    },
    /** A reconnect: everything changed since shortly before the page's Last-Event-ID. */
    resume(lastEventId: number) {
      run(() => sweep(lastEventId - RESUME_MARGIN_MS));
    },
    /**
     * A comment that keeps proxies from closing a quiet stream, and an id: every notice before
     * it has been handled, so a reconnect needs to read only from about now.
     */
    heartbeat() {
      run(async () => write(`: ping\nid: ${readAt}\n\n`));
    },
    /** Resolves when every step asked for so far has run. */
    settled: () => queue,
  };
}
