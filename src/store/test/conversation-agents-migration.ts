import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../database/migration-runner.ts';
import type { KyselyStore } from '../kysely-store.ts';
import { STORE_MIGRATIONS } from '../migrations/index.ts';
import type { PreDialectDatabase } from './dialect-ids-backfill.ts';

/** A database before a migration, and the store (with the conversations) over it. */
type EarlierDatabase = Omit<PreDialectDatabase, 'openStore'> & { openStore: () => KyselyStore };

/**
 * Migration 0018 records who took a conversation in the console. Conversations stored before
 * it were taken by no console agent: those an agent's API message took stay held, by no one
 * the console can name; waiting ones can be taken.
 */
export function describeConversationAgentsMigration(
  name: string,
  open: () => Promise<EarlierDatabase>,
) {
  describe(`migration 0018_conversation_agents: ${name}`, () => {
    it('reads earlier conversations as held by no console agent, and lets a waiting one be taken', async () => {
      const subject = await open();
      let store: KyselyStore | undefined;
      try {
        const before = Object.fromEntries(
          Object.entries(STORE_MIGRATIONS).filter(([key]) => key < '0018'),
        );
        await runMigrations(subject.db, subject.dialect, before);
        await sql`insert into apps (id, name, created_at) values ('app_old', 'Old', 1)`.execute(
          subject.db,
        );
        for (const [id, status] of [
          ['conv_old_api', 'agent'],
          ['conv_old_waiting', 'waiting'],
        ]) {
          await sql`insert into conversations
            (id, app_id, status, phone, name, email, locale, last_sequence, created_at, updated_at)
            values (${id}, 'app_old', ${status}, null, 'Ada', null, 'en', 3, 1, 1)`.execute(
            subject.db,
          );
        }
        await subject.db.destroy();
        store = subject.openStore();
        await store.migrate();

        expect(await store.getConversation('app_old', 'conv_old_api')).toMatchObject({
          status: 'agent',
          agentId: null,
          lastSequence: 3,
        });
        expect(await store.takeConversation('app_old', 'conv_old_api', 'adm_1', 2)).toBeUndefined();
        const taken = await store.takeConversation('app_old', 'conv_old_waiting', 'adm_1', 2);
        expect(taken).toMatchObject({ status: 'agent', agentId: 'adm_1', updatedAt: 2 });
      } finally {
        await store?.close();
        await subject.cleanup();
      }
    });
  });
}
