import type { Selectable } from 'kysely';
import type {
  ChatButton,
  ConversationMessage,
  ConversationRecord,
  ConversationStatus,
  MessageAuthor,
  MessageVerification,
  MessengerSession,
} from '../messenger/conversation-store.ts';
import type {
  ConversationMessagesTable,
  ConversationsTable,
  MessengerSessionsTable,
} from './schema.ts';

/* The web messenger's rows as its store port names them: the same on both databases. */

// PostgreSQL returns bigint columns as strings; SQLite returns numbers.
export const num = (v: number | string): number => Number(v);

export function toConversation(row: Selectable<ConversationsTable>): ConversationRecord {
  return {
    id: row.id,
    appId: row.app_id,
    status: row.status as ConversationStatus,
    phone: row.phone,
    name: row.name,
    email: row.email,
    locale: row.locale,
    agentId: row.agent_id,
    lastSequence: num(row.last_sequence),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
  };
}

export function toMessage(row: Selectable<ConversationMessagesTable>): ConversationMessage {
  return {
    id: row.id,
    appId: row.app_id,
    conversationId: row.conversation_id,
    sequence: num(row.sequence),
    author: row.author as MessageAuthor,
    text: row.text,
    image: row.image,
    buttons: JSON.parse(row.buttons) as ChatButton[],
    verification:
      row.verification === null ? null : (JSON.parse(row.verification) as MessageVerification),
    createdAt: num(row.created_at),
  };
}

export function toSession(row: Selectable<MessengerSessionsTable>): MessengerSession {
  return {
    id: row.id,
    appId: row.app_id,
    conversationId: row.conversation_id,
    tokenHash: row.token_hash,
    expiresAt: num(row.expires_at),
    revokedAt: row.revoked_at === null ? null : num(row.revoked_at),
  };
}
