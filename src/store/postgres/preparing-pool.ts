import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { preparedName } from '../prepared.ts';

/**
 * The pool Kysely draws its connections from, where each query compiled once (prepared.ts)
 * runs as a named statement: each connection parses it once and, after a few runs, keeps
 * its plan, where an unnamed statement is parsed, analysed and planned on every call.
 *
 * A named statement whose rows are `*` breaks when another otpd migrates its table (a new
 * column changes what `*` is: "cached plan must not change result type"). Outside a
 * transaction the connection prepares it again under a new name and runs it once more;
 * inside one, where a failed statement would end the transaction, such a query runs
 * unnamed, as every query did before.
 */
export function preparingPool(pool: Pool): PostgresPool {
  const wrapped = new WeakMap<PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let preparing = wrapped.get(client);
      if (preparing === undefined) {
        preparing = preparingClient(client);
        wrapped.set(client, preparing);
      }
      return preparing;
    },
    end: () => pool.end(),
  };
}

/** The answer to a `begin`, `commit` or `rollback` that needed no round trip. */
const NOTHING_DONE = { command: 'BEGIN', rowCount: null, rows: [] };

/** PostgreSQL's error for a named statement whose result columns changed under it. */
const STALE_RESULT = 'cached plan must not change result type';

function preparingClient(client: PoolClient): PostgresPoolClient {
  let inTransaction = false;
  /** Names this connection re-prepared after a migration: the stale one stays unusable. */
  const renamed = new Map<string, string>();
  let renames = 0;

  const run = (text: string, values: unknown[]) => {
    const base = preparedName(text);
    if (base === undefined || (inTransaction && text.includes('*'))) {
      return client.query(text, values);
    }
    const named = () => client.query({ name: renamed.get(base) ?? base, text, values });
    return named().catch((error: unknown) => {
      if (!(error instanceof Error) || !error.message.includes(STALE_RESULT)) throw error;
      renamed.set(base, `${base}_${++renames}`);
      if (inTransaction) throw error;
      return named();
    });
  };

  /**
   * A `begin` not sent yet: on a pipelining connection it goes out with the transaction's
   * first statement, both written at once, which saves a round trip per transaction. Nothing
   * depends on its answer: a statement behind a failed `begin` fails with it.
   */
  let beginDeferred = false;
  const pipelining = (client as { pipeline?: boolean }).pipeline === true;

  const statement = (text: string, values: unknown[]) => {
    if (!beginDeferred) return run(text, values);
    beginDeferred = false;
    const begun = client.query('begin');
    const answered = run(text, values);
    return Promise.all([begun, answered]).then(([, result]) => result);
  };

  return {
    // biome-ignore lint/suspicious/noExplicitAny: one function behind both of Kysely's overloads
    query: ((text: any, values?: readonly unknown[]) => {
      if (typeof text !== 'string') return client.query(text);
      // Kysely opens and ends its transactions with these statements.
      if (text === 'begin' && pipelining) {
        inTransaction = true;
        beginDeferred = true;
        return Promise.resolve(NOTHING_DONE);
      }
      if (text === 'begin' || text.startsWith('start transaction')) inTransaction = true;
      else if (text === 'commit' || text === 'rollback') {
        inTransaction = false;
        // A transaction that sent no statement has nothing to end.
        if (beginDeferred) {
          beginDeferred = false;
          return Promise.resolve(NOTHING_DONE);
        }
      }
      return statement(text, [...(values ?? [])]) as Promise<PostgresQueryResult<unknown>>;
    }) as PostgresPoolClient['query'],
    release: () => client.release(),
  };
}
