import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import { preparingPool } from '../postgres/preparing-pool.ts';
import { prepare } from '../prepared.ts';
import type { Database } from '../schema.ts';

// A query compiled once runs as a named statement on PostgreSQL; these tests hold that, and
// that another process adding a column under a named `select *` breaks nothing.
let database: TestDatabase;
let db: Kysely<Database>;
let schema: string;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

beforeEach(async () => {
  await db?.destroy();
  const created = await database.createSchema();
  schema = created.name;
  await database.client.query(`create table ${schema}.t (id integer primary key, a text)`);
  await database.client.query(`insert into ${schema}.t values (1, 'one'), (2, 'two')`);
  // One connection, so every query below runs on the session whose statements are listed.
  const pool = new pg.Pool({ connectionString: created.url, max: 1 });
  db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
});

/** A raw query compiled once, with its parameters as prepare() binds them. */
const compiledOnce = <P extends Record<string, unknown>>(build: (p: P) => ReturnType<typeof sql>) =>
  prepare((p: P) => ({ compile: () => build(p).compile(db) }));

const byId = (tag: string) =>
  compiledOnce(
    (p: { id: number }) => sql`select * from t where id = ${p.id} /* ${sql.raw(tag)} */`,
  );

describe('PostgreSQL: queries compiled once', () => {
  it('run as named statements, parsed once per connection', async () => {
    const select = byId('named');
    expect((await select(db, { id: 1 })).rows).toEqual([{ id: 1, a: 'one' }]);
    expect((await select(db, { id: 2 })).rows).toEqual([{ id: 2, a: 'two' }]);
    const { rows } = await sql<{ name: string; statement: string }>`
      select name, statement from pg_prepared_statements`.execute(db);
    const named = rows.filter((r) => r.statement.includes('/* named */'));
    expect(named).toHaveLength(1);
    expect(named[0]?.name).toMatch(/^otpd_/);
  });

  it('keep answering after another process adds a column to what they select', async () => {
    const select = byId('outside');
    expect((await select(db, { id: 1 })).rows).toEqual([{ id: 1, a: 'one' }]);
    await database.client.query(`alter table ${schema}.t add column b text default 'b'`);
    expect((await select(db, { id: 1 })).rows).toEqual([{ id: 1, a: 'one', b: 'b' }]);
  });

  it('keep answering inside a transaction after a column is added', async () => {
    const update = compiledOnce(
      (p: { id: number; a: string }) =>
        sql`update t set a = ${p.a} where id = ${p.id} returning * /* in-tx */`,
    );
    const inTransaction = (a: string) =>
      db.transaction().execute(async (trx) => (await update(trx, { id: 2, a })).rows);
    expect(await inTransaction('deux')).toEqual([{ id: 2, a: 'deux' }]);
    await database.client.query(`alter table ${schema}.t add column b text default 'b'`);
    expect(await inTransaction('zwei')).toEqual([{ id: 2, a: 'zwei', b: 'b' }]);
  });
});
