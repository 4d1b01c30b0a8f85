import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitDialect, GroupCommitDriver } from '../group-commit-driver.ts';

interface Db {
  items: { id: string; parent: string | null };
}

let dir: string;
let file: string;
let handle: Database.Database;
let db: Kysely<Db>;
let commits: number;
const others: Database.Database[] = [];

/** A second handle on the file, as another process would have. */
function otherProcess(): Database.Database {
  const other = new Database(file, { timeout: 0 });
  others.push(other);
  return other;
}

function openStore(busyTimeoutMs = 2000, journalMode: 'wal' | 'delete' = 'wal'): void {
  handle = new Database(file, { timeout: 0 });
  handle.pragma(`journal_mode = ${journalMode}`);
  handle.pragma('foreign_keys = ON');
  // Counts the driver's shared COMMITs.
  const prepare = handle.prepare.bind(handle);
  handle.prepare = ((text: string) => {
    const statement = prepare(text);
    if (text === 'commit') {
      const run = statement.run.bind(statement);
      statement.run = (...args: unknown[]) => {
        commits++;
        return run(...args);
      };
    }
    return statement;
  }) as typeof handle.prepare;
  const statements = {
    prepare: (text: string) => prepare(text),
    close: () => {
      handle.close();
    },
  };
  db = new Kysely<Db>({
    dialect: new GroupCommitDialect(new GroupCommitDriver(handle, statements, busyTimeoutMs)),
  });
}

const insert = (id: string, parent: string | null = null) =>
  db.transaction().execute((trx) => trx.insertInto('items').values({ id, parent }).execute());

const committedIds = () =>
  (otherProcess().prepare('select id from items order by id').all() as { id: string }[]).map(
    (r) => r.id,
  );

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'otpd-group-commit-'));
  file = join(dir, 'test.db');
  const setup = new Database(file);
  setup.pragma('journal_mode = WAL');
  // A deferred foreign key is checked at COMMIT: the one way to make a COMMIT itself fail.
  setup.exec(`create table items (id text primary key,
    parent text references items (id) deferrable initially deferred)`);
  setup.close();
  commits = 0;
  openStore();
});

afterEach(async () => {
  await db.destroy();
  for (const other of others.splice(0)) other.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('group commit', () => {
  it('commits the transactions of one turn together, and each is committed when it resolves', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => insert(id)));
    expect(commits).toBe(1);
    expect(committedIds()).toEqual(['a', 'b', 'c', 'd']);
    await insert('e');
    await insert('f');
    expect(commits).toBe(3);
  });

  it('answers a write outside a transaction once it is committed', async () => {
    const written = db.insertInto('items').values({ id: 'a', parent: null }).execute();
    expect(committedIds()).toEqual([]);
    await written;
    expect(committedIds()).toEqual(['a']);
  });

  it('rolls back a transaction that fails without touching the others in its batch', async () => {
    await insert('z');
    const results = await Promise.allSettled([
      insert('a'),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 'b', parent: null }).execute();
        throw new Error('changed my mind');
      }),
      insert('z'), // a key taken: refused alone
      insert('c'),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(committedIds()).toEqual(['a', 'c', 'z']);
    expect(commits).toBe(2);
  });

  it('fails every transaction of a batch whose COMMIT fails, keeps none of them, and goes on', async () => {
    const results = await Promise.allSettled([insert('a'), insert('b', 'nobody'), insert('c')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committedIds()).toEqual([]);
    await insert('d');
    expect(committedIds()).toEqual(['d']);
  });

  it('keeps nothing of a batch SQLite rolled back on its own, and goes on', async () => {
    const lost = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 'a', parent: null }).execute();
      handle.exec('rollback'); // as SQLite does itself after a full disk or an I/O error
      await trx.insertInto('items').values({ id: 'b', parent: null }).execute();
    });
    await expect(lost).rejects.toThrow(/rolled back/);
    // Neither the write before nor the one after: 'b' did not commit on its own.
    expect(committedIds()).toEqual([]);
    await insert('c');
    expect(committedIds()).toEqual(['c']);
  });

  it('answers a read that saw uncommitted writes only once they are committed', async () => {
    let seen: { rows: number; committed: string[] } | undefined;
    let read: Promise<void> | undefined;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 'a', parent: null }).execute();
      // Asked while the transaction is open: it runs after it, inside the same batch.
      read = db
        .selectFrom('items')
        .select('id')
        .execute()
        .then((rows) => {
          seen = { rows: rows.length, committed: committedIds() };
        });
    });
    await read;
    expect(seen).toEqual({ rows: 1, committed: ['a'] });
  });

  it('answers a read at once, with no transaction, when nothing is pending', async () => {
    await insert('a');
    const before = commits;
    expect(await db.selectFrom('items').select('id').execute()).toHaveLength(1);
    expect(commits).toBe(before);
    expect(handle.inTransaction).toBe(false);
  });

  it('waits for another process to commit without blocking the event loop', async () => {
    const other = otherProcess();
    other.exec('begin immediate');
    other.prepare("insert into items (id) values ('theirs')").run();
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    setTimeout(() => other.exec('commit'), 100);
    await insert('mine');
    clearInterval(ticking);
    expect(ticks).toBeGreaterThan(3);
    expect(committedIds()).toEqual(['mine', 'theirs']);
  });

  it('gives up with SQLITE_BUSY when another process keeps the lock too long', async () => {
    await db.destroy();
    openStore(60);
    const other = otherProcess();
    other.exec('begin immediate');
    await expect(insert('a')).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('rollback');
    await insert('b');
    expect(committedIds()).toEqual(['b']);
  });

  it('waits, without blocking the event loop, for a read another connection holds up', async () => {
    // In WAL mode a read waits only while another connection rebuilds the WAL's index, which
    // no test can hold on to; a rollback journal's exclusive lock holds reads up the same way.
    handle.close();
    openStore(2000, 'delete');
    await insert('a');
    const other = otherProcess();
    other.exec('begin exclusive');
    other.prepare("insert into items (id) values ('theirs')").run();
    expect(() => handle.prepare('select id from items').all()).toThrow(/locked/);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    setTimeout(() => other.exec('commit'), 100);
    const rows = await db.selectFrom('items').select('id').orderBy('id').execute();
    clearInterval(ticking);
    expect(ticks).toBeGreaterThan(3);
    expect(rows.map((row) => row.id)).toEqual(['a', 'theirs']);
  });

  it('commits what is pending when the database is closed', async () => {
    const driver = new GroupCommitDriver(
      handle,
      {
        prepare: (t) => handle.prepare(t),
        close: () => {
          handle.close();
        },
      },
      1000,
    );
    const connection = await driver.acquireConnection();
    const pending = connection.executeQuery(
      CompiledQuery.raw("insert into items (id) values ('a')"),
    );
    const count = handle.prepare('select count(*) as n from items').pluck();
    for (let i = 0; i < 1000 && count.get() !== 1; i++) await Promise.resolve();
    expect(handle.inTransaction).toBe(true);
    await driver.destroy();
    await pending;
    expect(committedIds()).toEqual(['a']);
    openStore();
  });
});
