import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DATABASE_FILE } from '../src/deps/open-databases.ts';

/** Work otpd has accepted and not yet handed on: delivery jobs and webhook deliveries. */
export interface Backlog {
  /** Delivery jobs still pending (queued or being retried). */
  jobs: number;
  /** Webhook deliveries still pending. */
  webhooks: number;
}

/**
 * What the bench reads from an embedded otpd's files while it runs, on a read-only
 * connection of its own (WAL: it never blocks otpd's writes): the backlog. Clustered otpd
 * has no files here; its backlog is not read.
 */
export function createServerProbes(dataDir: string | undefined) {
  const store = dataDir === undefined ? undefined : join(dataDir, DATABASE_FILE);
  let reader: SqliteDatabase.Database | undefined;
  const open = () => {
    if (!store) return undefined;
    reader ??= new SqliteDatabase(store, { readonly: true });
    return reader;
  };
  return {
    backlog(): Backlog | undefined {
      const db = open();
      if (!db) return undefined;
      const count = (table: string) =>
        (
          db.prepare(`select count(*) as n from ${table} where status = 'pending'`).get() as {
            n: number;
          }
        ).n;
      return { jobs: count('outbox_jobs'), webhooks: count('webhook_deliveries') };
    },
    close: () => reader?.close(),
  };
}
