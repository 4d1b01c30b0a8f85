import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { createKyselyStore, type KyselyStore } from '../kysely-store.ts';
import type { Database } from '../schema.ts';
import { preparingPool } from './preparing-pool.ts';

/** How long a new connection may take before the query that needed it fails. */
const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresStoreOptions {
  /** Most connections this process holds open (OTPD_DATABASE_POOL_SIZE). */
  poolSize: number;
  /**
   * An idle pooled connection broke (the server restarted, the network dropped). The pool
   * drops it and opens another on demand; without a listener pg would crash the process.
   */
  onIdleError?: (error: Error) => void;
}

/**
 * The clustered store: PostgreSQL through a `pg` pool. Tables live in the first schema of
 * the connection's search_path (`?options=-c%20search_path%3Dotpd` in the URL picks one).
 * bigint columns arrive as strings and are converted where rows are read (rows.ts).
 */
export function createPostgresStore(url: string, options: PostgresStoreOptions): KyselyStore {
  const pool = new Pool({
    connectionString: url,
    // One connection of the most allowed is the shared one (shared-connection.ts).
    max: Math.max(1, options.poolSize - 1),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Queries given to a connection at once are written at once (preparing-pool.ts sends a
    // transaction's `begin` with its first statement); Kysely still sends one at a time.
    pipeline: true,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  const onError = (error: Error) => options.onIdleError?.(error);
  const shared = options.poolSize > 1 ? { onError } : undefined;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingPool(pool, { shared }) }),
  });
  return createKyselyStore(db, 'postgres');
}

/** The URL without its password and query, to name the database in messages and logs. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'the configured database (OTPD_DATABASE_URL)';
  }
}
