import type { Kysely } from 'kysely';
import type {
  ConversationMessage,
  ConversationStore,
  NewConversationMessage,
} from '../messenger/conversation-store.ts';
import { num, toConversation, toMessage, toSession } from './conversation-rows.ts';
import type { Database } from './schema.ts';

/** Inserts a message under the sequence its conversation's row just gave it. */
async function insertMessage(
  trx: Kysely<Database>,
  m: NewConversationMessage,
  sequence: number,
): Promise<ConversationMessage> {
  const row = await trx
    .insertInto('conversation_messages')
    .values({
      id: m.id,
      app_id: m.appId,
      conversation_id: m.conversationId,
      sequence,
      author: m.author,
      text: m.text,
      image: m.image,
      buttons: JSON.stringify(m.buttons),
      verification: m.verification === null ? null : JSON.stringify(m.verification),
      created_at: m.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMessage(row);
}
/** The web messenger's store over Kysely (see messenger/conversation-store.ts). */
export function createConversationQueries(db: Kysely<Database>): ConversationStore {
  return {
    async openConversation(c) {
      // No conflict target: the only unique constraints are the id and the open-phone index.
      const inserted = await db
        .insertInto('conversations')
        .values({
          id: c.id,
          app_id: c.appId,
          status: c.status,
          phone: c.phone,
          name: c.name,
          email: c.email,
          locale: c.locale,
          last_sequence: 0,
          agent_id: null,
          created_at: c.createdAt,
          updated_at: c.updatedAt,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { conversation: toConversation(inserted), created: true };
      const open = await db
        .selectFrom('conversations')
        .selectAll()
        .where('app_id', '=', c.appId)
        .where('phone', '=', c.phone)
        .where('status', '<>', 'closed')
        .executeTakeFirst();
      if (!open) throw new Error('conversation neither inserted nor found open');
      return { conversation: toConversation(open), created: false };
    },

    async getConversation(appId, id) {
      const row = await db
        .selectFrom('conversations')
        .selectAll()
        .where('app_id', '=', appId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toConversation(row);
    },

    async listConversations(appId, filter) {
      let query = db.selectFrom('conversations').selectAll().where('app_id', '=', appId);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.phone) query = query.where('phone', '=', filter.phone);
      if (filter.before) query = query.where('id', '<', filter.before);
      const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
      return rows.map(toConversation);
    },

    async listInbox(appIds, filter) {
      if (appIds.length === 0 || filter.statuses.length === 0) return [];
      let query = db
        .selectFrom('conversations')
        .selectAll()
        .where('app_id', 'in', [...appIds])
        .where('status', 'in', [...filter.statuses]);
      if (filter.before) query = query.where('id', '<', filter.before);
      if (filter.updatedSince !== undefined) {
        query = query.where('updated_at', '>=', filter.updatedSince);
      }
      const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
      return rows.map(toConversation);
    },

    async changeConversationStatus(appId, id, from, to, now) {
      const row = await db
        .updateTable('conversations')
        .set({ status: to, agent_id: null, updated_at: now })
        .where('app_id', '=', appId)
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .returningAll()
        .executeTakeFirst();
      return row && toConversation(row);
    },

    async takeConversation(appId, id, agentId, now) {
      const row = await db
        .updateTable('conversations')
        .set({ status: 'agent', agent_id: agentId, updated_at: now })
        .where('app_id', '=', appId)
        .where('id', '=', id)
        .where('status', 'in', ['bot', 'waiting'])
        .returningAll()
        .executeTakeFirst();
      return row && toConversation(row);
    },

    async releaseConversation(appId, id, agentId, now) {
      const row = await db
        .updateTable('conversations')
        .set({ status: 'bot', agent_id: null, updated_at: now })
        .where('app_id', '=', appId)
        .where('id', '=', id)
        .where('status', '=', 'agent')
        .where('agent_id', '=', agentId)
        .returningAll()
        .executeTakeFirst();
      return row && toConversation(row);
    },

    appendMessage(m, heldBy) {
      return db.transaction().execute(async (trx) => {
        let update = trx
          .updateTable('conversations')
          .set((eb) => ({ last_sequence: eb('last_sequence', '+', 1), updated_at: m.createdAt }))
          .where('app_id', '=', m.appId)
          .where('id', '=', m.conversationId)
          .where('status', '!=', 'closed');
        if (heldBy !== undefined) {
          update = update.where('status', '=', 'agent').where('agent_id', '=', heldBy);
        }
        const counted = await update.returning('last_sequence').executeTakeFirst();
        if (!counted) return undefined;
        return insertMessage(trx, m, num(counted.last_sequence));
      });
    },

    closeConversation(m, agentId) {
      return db.transaction().execute(async (trx) => {
        let update = trx
          .updateTable('conversations')
          .set((eb) => ({
            status: 'closed',
            agent_id: null,
            last_sequence: eb('last_sequence', '+', 1),
            updated_at: m.createdAt,
          }))
          .where('app_id', '=', m.appId)
          .where('id', '=', m.conversationId)
          .where('status', '!=', 'closed');
        if (agentId !== undefined) {
          // Not another's: a conversation held through the API (no agent id) is not this agent's.
          update = update.where((eb) =>
            eb.or([eb('status', '!=', 'agent'), eb('agent_id', '=', agentId)]),
          );
        }
        const closed = await update.returningAll().executeTakeFirst();
        if (!closed) return undefined;
        const message = await insertMessage(trx, m, num(closed.last_sequence));
        return { conversation: toConversation(closed), message };
      });
    },

    async listMessages(appId, conversationId, after, limit) {
      const rows = await db
        .selectFrom('conversation_messages')
        .selectAll()
        .where('app_id', '=', appId)
        .where('conversation_id', '=', conversationId)
        .where('sequence', '>', after)
        .orderBy('sequence', 'asc')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async getMessage(appId, conversationId, id) {
      const row = await db
        .selectFrom('conversation_messages')
        .selectAll()
        .where('app_id', '=', appId)
        .where('conversation_id', '=', conversationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toMessage(row);
    },

    async createSession(s) {
      await db
        .insertInto('messenger_sessions')
        .values({
          id: s.id,
          app_id: s.appId,
          conversation_id: s.conversationId,
          token_hash: s.tokenHash,
          expires_at: s.expiresAt,
          revoked_at: s.revokedAt,
        })
        .execute();
    },

    async findSession(appId, tokenHash, now) {
      const row = await db
        .selectFrom('messenger_sessions')
        .selectAll()
        .where('app_id', '=', appId)
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row && toSession(row);
    },

    async revokeSession(appId, tokenHash, now) {
      const result = await db
        .updateTable('messenger_sessions')
        .set({ revoked_at: now })
        .where('app_id', '=', appId)
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
