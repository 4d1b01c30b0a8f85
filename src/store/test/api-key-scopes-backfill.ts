import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAppService, hashApiKey } from '../../apps/apps.ts';
import { API_SCOPES } from '../../apps/domain/api-scopes.ts';
import { runMigrations } from '../../database/migration-runner.ts';
import type { Store } from '../../ports/store.ts';
import { STORE_MIGRATIONS } from '../migrations/index.ts';
import type { PreDialectDatabase } from './dialect-ids-backfill.ts';

/** Migration 0014 leaves every key made before scopes existed able to do everything. */
export function describeApiKeyScopesBackfill(
  name: string,
  open: () => Promise<PreDialectDatabase>,
) {
  describe(`migration 0014_api_key_scopes: ${name}`, () => {
    it('gives keys made before it every scope; keys made after have what they were given', async () => {
      const subject = await open();
      let store: Store | undefined;
      try {
        const before = Object.fromEntries(
          Object.entries(STORE_MIGRATIONS).filter(([key]) => key < '0014'),
        );
        await runMigrations(subject.db, subject.dialect, before);
        // The rows as the version before scopes wrote them.
        await sql`insert into apps (id, name, created_at) values ('app_old', 'Old', 1)`.execute(
          subject.db,
        );
        const oldKey = 'otpd_old-key-made-before-scopes-existed-0123456789';
        await sql`insert into api_keys (id, app_id, key_hash, prefix, created_at)
          values ('key_old', 'app_old', ${hashApiKey(oldKey)}, 'otpd_old-ke', 1)`.execute(
          subject.db,
        );
        await subject.db.destroy();
        store = subject.openStore();
        await store.migrate();

        const apps = createAppService({ store, clock: { now: () => 2 } });
        expect((await apps.authenticate(oldKey))?.scopes).toEqual([...API_SCOPES]);
        const issued = await apps.createKey('app_old', ['messages:read']);
        expect((await apps.authenticate(issued?.apiKey ?? ''))?.scopes).toEqual(['messages:read']);
        const listed = await apps.listKeys('app_old');
        expect(listed.map((k) => k.scopes)).toEqual([[...API_SCOPES], ['messages:read']]);
      } finally {
        await store?.close();
        await subject.cleanup();
      }
    });
  });
}
