import type { Writable } from 'node:stream';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { isUnread, preparedName } from '../prepared.ts';
import { type SharedConnection, sharedConnection } from './shared-connection.ts';

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
 *
 * On a pool whose connections pipeline (`pipeline: true`), a transaction's `begin` and the
 * writes whose answer nobody reads wait for the transaction's next statement and go out
 * with it: one round trip where each took its own.
 *
 * With `shared`, the hot path's reads outside a transaction go to one shared connection
 * (shared-connection.ts), where those of many requests leave together, instead of each
 * taking a connection of the pool.
 */
export function preparingPool(
  pool: Pool,
  options: { shared?: { onError: (error: Error) => void } } = {},
): PostgresPool {
  const wrapped = new WeakMap<PoolClient | pg.Client, PostgresPoolClient>();
  const prepared = (client: PoolClient | pg.Client) => {
    let preparing = wrapped.get(client);
    if (preparing === undefined) {
      // The shared connection is a plain client: nothing ever releases it.
      preparing = preparingClient(client as PoolClient);
      wrapped.set(client, preparing);
    }
    return preparing;
  };
  const exclusive = async () => prepared(await pool.connect());
  const shared = options.shared && sharedConnection(pool, prepared, options.shared.onError);
  return {
    connect: async () => (shared ? routingClient(shared, exclusive) : exclusive()),
    async end() {
      await shared?.end();
      await pool.end();
    },
  };
}

/**
 * What Kysely takes for a connection when a shared one is there. Plain reads compiled once
 * (`sharedRead`) go to the shared connection; the first other statement (a transaction's
 * `begin`, a write, a migration's session lock, anything written by hand) takes a connection
 * of the pool, and every later statement goes there too, until Kysely releases it.
 */
function routingClient(
  shared: SharedConnection,
  exclusive: () => Promise<PostgresPoolClient>,
): PostgresPoolClient {
  let own: Promise<PostgresPoolClient> | undefined;
  return {
    // biome-ignore lint/suspicious/noExplicitAny: one function behind both of Kysely's overloads
    query: ((text: any, values?: readonly unknown[]) => {
      if (own === undefined && (typeof text !== 'string' || !sharedRead(text))) own = exclusive();
      return (own ?? shared.client()).then((client) => client.query(text, values ?? []));
    }) as PostgresPoolClient['query'],
    release() {
      own?.then(
        (client) => client.release(),
        () => {},
      );
    },
  };
}

const sharedReads = new Map<string, boolean>();

/**
 * Whether a statement may go to the shared connection: a read compiled once (the hot path's
 * look-ups) that takes no lock. Such a read never waits for another transaction, so it never
 * holds up the statements queued behind it; and it commits nothing, where the writes, each
 * waiting for its commit to reach the disk, would wait their turn on one connection instead
 * of committing together from several.
 */
function sharedRead(text: string): boolean {
  // Only the fixed set of statements compiled once is remembered.
  if (preparedName(text) === undefined) return false;
  let shared = sharedReads.get(text);
  if (shared === undefined) {
    shared =
      text.startsWith('select ') &&
      !/\bfor (update|no key update|share|key share)\b|pg_advisory/.test(text);
    sharedReads.set(text, shared);
  }
  return shared;
}

const opensTransaction = (text: string) => text === 'begin' || text.startsWith('start transaction');

/** The answer to a statement held back or never needed: no rows, nothing counted. */
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
   * Statements held back on a pipelining connection: a transaction's `begin`, and inside a
   * transaction the writes whose answer nobody reads (prepared.ts, `unread`). They go out
   * with the transaction's next statement, all written at once, one round trip for all.
   * A held statement that fails fails the one it went out with, which the aborted
   * transaction would fail anyway, and its own error is the one reported.
   */
  let held: { text: string; values: unknown[] }[] = [];
  const pipelining = (client as { pipeline?: boolean }).pipeline === true;

  const statement = (text: string, values: unknown[]) => {
    if (held.length === 0) return run(text, values);
    // Corked, the statements leave in one write: pg corks each query's messages the same way.
    const socket = (client as { connection?: { stream?: Partial<Writable> } }).connection?.stream;
    socket?.cork?.();
    let sent: Promise<unknown>[];
    try {
      sent = [...held, { text, values }].map((s) => run(s.text, s.values));
    } finally {
      socket?.uncork?.();
    }
    held = [];
    return Promise.allSettled(sent).then((settled) => {
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      return (settled.at(-1) as PromiseFulfilledResult<unknown>).value;
    });
  };

  return {
    // biome-ignore lint/suspicious/noExplicitAny: one function behind both of Kysely's overloads
    query: ((text: any, values?: readonly unknown[]) => {
      if (typeof text !== 'string') return client.query(text);
      const given = [...(values ?? [])];
      // Kysely opens and ends its transactions with these statements.
      if (text === 'begin' && pipelining) {
        inTransaction = true;
        held.push({ text, values: given });
        return Promise.resolve(NOTHING_DONE);
      }
      if (inTransaction && pipelining && isUnread(text)) {
        held.push({ text, values: given });
        return Promise.resolve(NOTHING_DONE);
      }
      if (opensTransaction(text)) inTransaction = true;
      else if (text === 'commit' || text === 'rollback') {
        // A transaction that sent nothing yet has nothing to end; a rollback has no use for
        // the writes held back.
        const unsent = held[0]?.text === 'begin';
        if (text === 'rollback') held = [];
        if (unsent && held.length <= 1) {
          held = [];
          inTransaction = false;
          return Promise.resolve(NOTHING_DONE);
        }
        const ended = statement(text, given);
        inTransaction = false;
        return ended as Promise<PostgresQueryResult<unknown>>;
      }
      return statement(text, given) as Promise<PostgresQueryResult<unknown>>;
    }) as PostgresPoolClient['query'],
    release: () => client.release(),
  };
}
