import type { Compilable, CompiledQuery, Insertable, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Where a per-call value goes in a query built once: Kysely sees it as an ordinary value
 * and compiles it to a bound parameter (`?`, `$n`); each call puts its own value there.
 */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * The SQL text of every query compiled once, with the name a PostgreSQL connection keeps it
 * under (postgres/preparing-pool.ts): a fixed set, one per prepare() call and column set.
 */
const namesBySql = new Map<string, string>();

/** The statement name of a query compiled once; undefined for any other SQL. */
export function preparedName(sql: string): string | undefined {
  return namesBySql.get(sql);
}

/** Whether every query compiled once to this SQL was declared `unread` (see prepare). */
const unreadBySql = new Map<string, boolean>();

/** Whether nobody reads the answer of this SQL: a write compiled once with `unread`. */
export function isUnread(sql: string): boolean {
  return unreadBySql.get(sql) === true;
}

/** Runs a compiled query on the database or inside the caller's transaction. */
type Runner = Pick<Kysely<Database>, 'executeQuery'>;

export interface PrepareOptions {
  /**
   * Nobody reads the query's answer (its rows, its count) and its failure may surface at the
   * next statement of the transaction: inside a PostgreSQL transaction it may then go out
   * with that statement, in the same round trip (postgres/preparing-pool.ts), and answer no
   * rows at once. Outside a transaction, and on SQLite, it runs as any other query.
   */
  unread?: boolean;
}

/**
 * A query built and compiled by Kysely once, then run per call with that call's values
 * bound as parameters: the hot paths skip building and compiling the same query on every
 * request. `build` receives the parameters as stand-ins typed like the values they stand
 * for, so the query keeps Kysely's typing; the stand-ins may go only where Kysely binds a
 * value (no `if` on them, no arrays for `in`). A value is never spliced into the SQL text.
 */
export function prepare<P extends Record<string, unknown>, R>(
  build: (params: P) => Compilable<R>,
  options: PrepareOptions = {},
): (runner: Runner, params: P) => Promise<QueryResult<R>> {
  const slots = new Proxy({} as P, {
    get: (_target, name) => new Slot(String(name)),
  });
  const compiled: CompiledQuery<R> = build(slots).compile();
  if (!namesBySql.has(compiled.sql)) namesBySql.set(compiled.sql, `otpd_${namesBySql.size + 1}`);
  const unread = options.unread === true && unreadBySql.get(compiled.sql) !== false;
  unreadBySql.set(compiled.sql, unread);
  const positions = compiled.parameters.map((value) =>
    value instanceof Slot ? value.name : undefined,
  );
  return (runner, params) => {
    const parameters = compiled.parameters.map((value, i) => {
      const name = positions[i];
      return name === undefined ? value : (params[name] ?? null);
    });
    return runner.executeQuery({ ...compiled, parameters });
  };
}

/** The columns a row gives: a column left undefined keeps its default, as in Kysely's insert. */
export const definedColumns = (row: Record<string, unknown>) =>
  Object.keys(row).filter((column) => row[column] !== undefined);

type Insert<Row> = (runner: Runner, row: Row) => Promise<QueryResult<unknown>>;

/**
 * An insert of whole rows into `table`, compiled once per set of columns a row gives
 * (a column left undefined keeps its default, as Kysely's own insert does).
 */
export function prepareInsert<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
): Insert<Insertable<Database[T]>> {
  const insertRows = prepareInsertRows(db, table);
  return (runner, row) => insertRows(runner, [row]);
}

/**
 * An insert of several rows into `table` in one statement, compiled once per number of rows
 * and set of columns each gives. At least one row.
 */
export function prepareInsertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  options: PrepareOptions = {},
): Insert<Insertable<Database[T]>[]> {
  const byShape = new Map<string, Insert<Record<string, unknown>>>();
  return (runner, rows) => {
    const given = rows.map((row) => definedColumns(row as Record<string, unknown>));
    const key = given.map((columns) => columns.join(',')).join(';');
    let insert = byShape.get(key);
    if (insert === undefined) {
      insert = prepare(
        (slots: Record<string, unknown>) =>
          db
            .insertInto(table)
            // The columns are the rows' own, typed by the caller's row type (rows.ts).
            .values(
              given.map((columns, i) =>
                Object.fromEntries(columns.map((column) => [column, slots[`${i}.${column}`]])),
              ) as never,
            ),
        options,
      );
      byShape.set(key, insert);
    }
    const params: Record<string, unknown> = {};
    for (const [i, row] of rows.entries()) {
      for (const [column, value] of Object.entries(row)) params[`${i}.${column}`] = value;
    }
    return insert(runner, params);
  };
}
