import type { Kysely } from 'kysely';
import type { SandboxStore } from '../verification/sandbox-store-ports.ts';
import { toSandboxMessage } from './rows.ts';
import type { Database } from './schema.ts';

type SandboxQueries = Pick<
  SandboxStore,
  'insertSandboxMessage' | 'listSandboxMessages' | 'purgeSandboxMessages'
>;

export function createSandboxQueries(db: Kysely<Database>): SandboxQueries {
  return {
    async insertSandboxMessage(m) {
      await db
        .insertInto('sandbox_messages')
        .values({
          id: m.id,
          app_id: m.appId,
          verification_id: m.verificationId,
          destination: m.to,
          channel: m.channel,
          body: m.body,
          created_at: m.createdAt,
        })
        .execute();
    },

    async listSandboxMessages(appId, { to, limit }) {
      let query = db.selectFrom('sandbox_messages').selectAll().where('app_id', '=', appId);
      if (to !== undefined) query = query.where('destination', 'in', to);
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toSandboxMessage);
    },

    async purgeSandboxMessages(t) {
      const result = await db
        .deleteFrom('sandbox_messages')
        .where('created_at', '<', t)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
