import type { Writable } from 'node:stream';
import type { PostgresPoolClient } from 'kysely';
import pg, { type Pool } from 'pg';
import { coalesceWrites } from '../../kernel/coalesced-writes.ts';

export interface SharedConnection {
  /** The connection, opened on first use and again after it broke. */
  client(): Promise<PostgresPoolClient>;
  end(): Promise<void>;
}

/**
 * One connection with the pool's settings, outside the pool, that the hot path's reads share
 * (preparing-pool.ts says which). It pipelines: statements are written as they come, without waiting for
 * the answers before them, each with its own Sync, so one's failure is its own. And what the
 * requests of one turn of the event loop give it leaves in one write (coalesced-writes.ts),
 * answered by PostgreSQL in one read: one wake-up on each side where each statement took two.
 *
 * A connection that breaks fails the statements on it (as a pooled one would) and is
 * replaced on the next statement.
 */
export function sharedConnection(
  pool: Pool,
  prepare: (client: pg.Client) => PostgresPoolClient,
  onError: (error: Error) => void,
): SharedConnection {
  let opening: Promise<{ raw: pg.Client; prepared: PostgresPoolClient }> | undefined;
  let ended = false;

  function open() {
    const raw = new pg.Client({ ...pool.options, pipeline: true });
    const connected = raw.connect().then(() => {
      coalesceWrites((raw as unknown as { connection: { stream: Writable } }).connection.stream);
      return { raw, prepared: prepare(raw) };
    });
    const forget = () => {
      if (opening === connected) opening = undefined;
    };
    connected.catch(forget);
    raw.on('error', (error) => {
      forget();
      onError(error);
      raw.end().catch(() => {});
    });
    raw.on('end', forget);
    return connected;
  }

  return {
    async client() {
      if (ended) throw new Error('the database pool is closed');
      opening ??= open();
      return (await opening).prepared;
    },
    async end() {
      ended = true;
      const current = await opening?.catch(() => undefined);
      opening = undefined;
      await current?.raw.end().catch(() => {});
    },
  };
}
