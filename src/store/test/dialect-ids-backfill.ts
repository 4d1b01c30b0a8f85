import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../database/migration-runner.ts';
import type { Store } from '../../ports/store.ts';
import { STORE_MIGRATIONS } from '../migrations/index.ts';

/** A database at the schema before migration 0008, and the store over the same database. */
export interface PreDialectDatabase {
  db: Kysely<unknown>;
  dialect: 'sqlite' | 'postgres';
  /** Opens the store (after `db` has done its set-up); the store's own migrate comes next. */
  openStore: () => Store;
  cleanup: () => Promise<void>;
}

/** Migration 0008 gives apps created before it their dialect identities, on every database. */
export function describeDialectIdBackfill(name: string, open: () => Promise<PreDialectDatabase>) {
  describe(`migration 0008_app_dialect_ids: ${name}`, () => {
    it('backfills distinct identities for existing apps', async () => {
      const subject = await open();
      let store: Store | undefined;
      try {
        const before = Object.fromEntries(
          Object.entries(STORE_MIGRATIONS).filter(([key]) => key < '0008'),
        );
        await runMigrations(subject.db, subject.dialect, before);
        for (const id of ['app_old1', 'app_old2', 'app_old3']) {
          await sql`insert into apps (id, name, created_at) values (${id}, ${id}, ${1})`.execute(
            subject.db,
          );
        }
        await subject.db.destroy();
        store = subject.openStore();
        await store.migrate();
        const apps = await store.listApps();
        expect(apps.map((a) => a.id).sort()).toEqual(['app_old1', 'app_old2', 'app_old3']);
        for (const app of apps) {
          expect(app.dialects?.twilioAccountSid).toMatch(/^AC[0-9a-f]{32}$/);
          expect(app.dialects?.twilioServiceSid).toMatch(/^VA[0-9a-f]{32}$/);
          expect(app.dialects?.beemAppId).toBeGreaterThanOrEqual(100_000_000);
        }
        const accountSids = new Set(apps.map((a) => a.dialects?.twilioAccountSid));
        expect(accountSids.size).toBe(3);
      } finally {
        await store?.close();
        await subject.cleanup();
      }
    });
  });
}
