import { type Kysely, type Migration, sql } from 'kysely';

export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    // What each key may do, space-separated. A key made before scopes existed could do
    // everything, and still can: every scope of this version, written out (a scope added
    // later is not granted to old keys by itself). New keys always name theirs.
    await db.schema
      .alterTable('api_keys')
      .addColumn('scopes', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const all =
      'verifications messages:read settings:read settings:write conversations analytics:read';
    await sql`update api_keys set scopes = ${all}`.execute(db);
  },
};
