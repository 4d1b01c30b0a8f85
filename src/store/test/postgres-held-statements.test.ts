import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import { preparingPool } from '../postgres/preparing-pool.ts';
import { prepare } from '../prepared.ts';
import type { Database } from '../schema.ts';
import { watchQueries } from './postgres-recorded-store.ts';

// On a pipelining connection a transaction's `begin`, and the writes whose answer nobody
// reads, go out with the statement after them, one round trip for all; these tests hold that,
// and that the transaction is still one.
let database: TestDatabase;
let db: Kysely<Database>;
let schema: string;
/** Each query a connection was given, and how many of its queries were unanswered then. */
let given: { text: string; unanswered: number }[];

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
  await database.client.query(`create table ${schema}.t (id integer primary key)`);
  const pool = new pg.Pool({ connectionString: created.url, max: 1, pipeline: true });
  pool.on('connect', (client) =>
    watchQueries(client, (text, unanswered) => given.push({ text, unanswered })),
  );
  db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  given = [];
});

const insert = (id: number) => sql`insert into t (id) values (${id})`;
/** An insert compiled once whose answer nobody reads. */
const heldInsert = () =>
  prepare(
    (p: { id: number }) => ({
      compile: () => sql`insert into t (id) values (${p.id}) /* unread */`.compile(db),
    }),
    { unread: true },
  );
const ids = async () =>
  (await database.client.query(`select id from ${schema}.t order by id`)).rows.map((r) => r.id);

describe('PostgreSQL: a pipelined begin', () => {
  it('goes out with the first statement, unanswered, and the transaction commits', async () => {
    await db.transaction().execute(async (trx) => {
      await insert(1).execute(trx);
      await insert(2).execute(trx);
    });
    expect(given.map((g) => [g.text.split(' ')[0], g.unanswered])).toEqual([
      ['begin', 0],
      ['insert', 1],
      ['insert', 0],
      ['commit', 0],
    ]);
    expect(await ids()).toEqual([1, 2]);
  });

  it('rolls the whole transaction back when a statement fails', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await insert(1).execute(trx);
      await insert(1).execute(trx);
    });
    await expect(failing).rejects.toThrow(/duplicate key/);
    expect(await ids()).toEqual([]);
    // The connection is usable again, outside a transaction and in one.
    await insert(3).execute(db);
    await db.transaction().execute((trx) => insert(4).execute(trx));
    expect(await ids()).toEqual([3, 4]);
  });

  it('sends nothing for a transaction without statements', async () => {
    await db.transaction().execute(async () => undefined);
    await expect(
      db.transaction().execute(async () => {
        throw new Error('given up');
      }),
    ).rejects.toThrow('given up');
    expect(given).toEqual([]);
  });

  it('takes a write nobody reads along with the next statement, here the commit', async () => {
    const insertUnread = heldInsert();
    await db.transaction().execute((trx) => insertUnread(trx, { id: 1 }));
    expect(given.map((g) => [g.text.split(' ')[0], g.unanswered])).toEqual([
      ['begin', 0],
      ['insert', 1],
      ['commit', 2],
    ]);
    expect(await ids()).toEqual([1]);
  });

  it("reports a held write's own error at the next statement, and rolls back", async () => {
    const insertUnread = heldInsert();
    const failing = db.transaction().execute(async (trx) => {
      await insert(1).execute(trx);
      await insertUnread(trx, { id: 1 });
    });
    await expect(failing).rejects.toThrow(/duplicate key/);
    expect(await ids()).toEqual([]);
    // Outside a transaction such a write runs at once.
    await insertUnread(db, { id: 2 });
    expect(await ids()).toEqual([2]);
  });
});
