import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { MessageLog } from '../message-log-ports.ts';
import { createKyselyMessageLog, type MessageLogBatching } from './kysely-message-log.ts';
import type { MessageLogDatabase } from './schema.ts';

export interface PostgresMessageLogOptions extends MessageLogBatching {
  poolSize: number;
  /** An idle pooled connection broke; the pool opens another on demand. */
  onIdleError?: (error: Error) => void;
}

/**
 * The message log in PostgreSQL, in the first schema of the URL's search_path. Its tables
 * (`message_log` and its own migration bookkeeping) never clash with the Store's, so the
 * URL may be the Store's own database.
 */
export function createPostgresMessageLog(
  url: string,
  options: PostgresMessageLogOptions,
): MessageLog {
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize,
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  const db = new Kysely<MessageLogDatabase>({ dialect: new PostgresDialect({ pool }) });
  return createKyselyMessageLog(db, 'postgres', options);
}
