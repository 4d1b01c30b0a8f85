import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** The minimal server's table: one row per verification, no index beyond its key. */
const TABLE = `create table if not exists verifications (id text primary key,
  destination text not null, code_hash text not null, status text not null,
  attempts integer not null, expires_at bigint not null, created_at bigint not null)`;
const INSERT = "insert into verifications values ($1, $2, $3, 'pending', 0, $4, $5)";
const COUNT = `update verifications set attempts = attempts + 1 where id = $1
  and status = 'pending' and attempts < 5 returning code_hash`;

/** Writes a verification, and counts an attempt on one, returning its code's hash. */
export interface MinimalStore {
  insert(id: string, to: string, codeHash: string, expiresAt: number, now: number): Promise<void>;
  count(id: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** A fresh SQLite file (WAL, synchronous=NORMAL), each statement compiled once. */
export function sqliteMinimalStore(): MinimalStore {
  const dir = mkdtempSync(join(tmpdir(), 'otpd-bench-minimal-'));
  const db = new Database(join(dir, 'minimal.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(TABLE);
  const toSqlite = (sql: string) => sql.replace(/\$\d/g, '?');
  const insert = db.prepare(toSqlite(INSERT));
  const count = db.prepare(toSqlite(COUNT));
  return {
    async insert(...values) {
      insert.run(...values);
    },
    async count(id) {
      return (count.get(id) as { code_hash: string } | undefined)?.code_hash;
    },
    async close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL through a pool of `size` connections, each statement named so that a
 * connection parses and plans it once; every statement commits on its own.
 */
export async function postgresMinimalStore(url: string, size = 10): Promise<MinimalStore> {
  const pool = new pg.Pool({ connectionString: url, max: size });
  await pool.query(TABLE);
  return {
    async insert(...values) {
      await pool.query({ name: 'minimal-insert', text: INSERT, values });
    },
    async count(id) {
      const { rows } = await pool.query({ name: 'minimal-count', text: COUNT, values: [id] });
      return rows[0]?.code_hash;
    },
    close: () => pool.end(),
  };
}
