import type {
  ConversationMessage,
  ConversationRecord,
} from '../../messenger/conversation-store.ts';
import type { ConsoleStore } from '../console-store.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** Admin emails by id, to name who holds a conversation. */
export type AgentEmails = ReadonlyMap<string, string>;

/** Every admin's email by id (a console has a handful of admins): one read. */
export async function agentEmails(store: Pick<ConsoleStore, 'listAdmins'>): Promise<AgentEmails> {
  return new Map((await store.listAdmins()).map((admin) => [admin.id, admin.email]));
}

/** A conversation as the inbox shows it: the visitor's verified details, who holds it. */
export function inboxConversationView(c: ConversationRecord, emails: AgentEmails) {
  return {
    id: c.id,
    appId: c.appId,
    status: c.status,
    phone: c.phone,
    name: c.name,
    email: c.email,
    locale: c.locale,
    agent: c.agentId === null ? null : { id: c.agentId, email: emails.get(c.agentId) ?? null },
    lastSequence: c.lastSequence,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

/**
 * A message as an agent reads it. A message that delivered a verification code keeps its
 * text to itself: the code is the visitor's to confirm, never an agent's to read out. Hidden
 * postback payloads stay out too; the titles say what was offered.
 */
export function inboxMessageView(m: ConversationMessage) {
  const codeHidden = m.verification !== null && m.verification.code !== null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    sequence: m.sequence,
    author: m.author,
    text: codeHidden ? null : m.text,
    image: m.image,
    buttons: m.buttons.map((b) =>
      b.type === 'web_url'
        ? { type: b.type, title: b.title, url: b.url }
        : { type: b.type, title: b.title },
    ),
    codeHidden,
    createdAt: iso(m.createdAt),
  };
}
