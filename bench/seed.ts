/**
 * Fills an embedded otpd's files with `rows` past verifications of one app, as a store that
 * has served them would hold them: each verification (finished: approved, expired,
 * superseded, out of attempts or failed; none pending, so the expiry sweep has nothing to
 * do) and its delivery job (sent, its code erased) in `otpd.db`, and its message log entry
 * in `messages.db`. Rows are spread evenly over the 30 days before now, with time-ordered
 * ids as otpd makes them, to 10% the bench's own destinations and 90% a million others.
 *
 * Each table is filled by one INSERT … SELECT over a recursive CTE, its indexes dropped
 * before and built again after, in one transaction. The server child seeds after its app
 * exists and before its background workers start (they would wait on the write lock),
 * through one process per file, both at once (bench/seed-process.ts), so the otpd whose
 * memory the bench reads afterwards never held the seeding's caches.
 */
import { fork } from 'node:child_process';
import SqliteDatabase from 'better-sqlite3';
import { packageFile } from '../src/kernel/package-files.ts';

export type SeededFile = 'store' | 'message-log';

/** Seeds one file; returns the seconds it took. */
export function seedFile(kind: SeededFile, file: string, appId: string, rows: number): number {
  const started = performance.now();
  const now = Date.now();
  const params = { appId, rows, start: now - SPAN_MS, step: SPAN_MS / rows };
  const fills: Record<string, string> =
    kind === 'store'
      ? { verifications: VERIFICATIONS, outbox_jobs: OUTBOX_JOBS }
      : { message_log: MESSAGE_LOG };
  const db = new SqliteDatabase(file);
  try {
    db.pragma('busy_timeout = 60000');
    db.transaction(() => {
      for (const [table, fill] of Object.entries(fills)) {
        // Rows first, indexes after: building an index from sorted rows is many times
        // faster than growing it one random insert at a time.
        const indexes = db
          .prepare(
            `select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null`,
          )
          .all(table) as { name: string; sql: string }[];
        for (const { name } of indexes) db.exec(`drop index "${name}"`);
        db.prepare(fill).run(params);
        for (const { sql } of indexes) db.exec(sql);
      }
    })();
    // Copy the transaction into the database file now, not in otpd's first commit after it.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return (performance.now() - started) / 1000;
}

/** Seeds both files at once, each in a process of its own; returns the seconds it took. */
export async function seedInProcesses(
  files: { store: string; messageLog: string },
  appId: string,
  rows: number,
): Promise<number> {
  const started = performance.now();
  const seed = (kind: SeededFile, file: string) => {
    const child = fork(
      // Not beside this module: it also runs compiled into .bench/server.mjs.
      packageFile('bench', 'seed-process.ts'),
      [kind, file, appId, String(rows)],
      {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    return new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`seeding ${kind} exited with ${code}`)),
      );
    });
  };
  await Promise.all([seed('store', files.store), seed('message-log', files.messageLog)]);
  return (performance.now() - started) / 1000;
}

const SPAN_MS = 30 * 86_400_000;

/** `i` from 0 to rows-1 with its creation time `t` (ms), spread evenly over the span. */
const NUMBERS = `with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < $rows),
  seeded as (select i, cast($start + i * $step as integer) as t from n)`;

/** The 10 Crockford base32 digits of a 48-bit millisecond time, as newId() writes them. */
export const TIME_DIGITS = Array.from(
  { length: 10 },
  (_, k) => `substr('0123456789abcdefghjkmnpqrstvwxyz', ((t >> ${5 * (9 - k)}) & 31) + 1, 1)`,
).join(' || ');

/** A time-ordered id like newId()'s, the 16 "random" characters made of the row number. */
export const idSql = (prefix: string) => `'${prefix}_' || ${TIME_DIGITS} || printf('%016d', i)`;

const DESTINATION = `case when i % 10 = 0 then '+1415555' || printf('%04d', (i / 10) % 10000)
  else '+90555' || printf('%07d', (i * 7919) % 1000000) end`;

/** 60% approved, 25% expired, 8% superseded, 5% out of attempts, 2% failed delivery. */
const STATUS = `case when i % 100 < 60 then 'approved' when i % 100 < 85 then 'expired'
  when i % 100 < 93 then 'canceled' when i % 100 < 98 then 'max_attempts_reached' else 'failed' end`;
const REASON = `case when i % 100 < 60 then 'code_matched' when i % 100 < 85 then 'ttl_elapsed'
  when i % 100 < 93 then 'superseded' when i % 100 < 98 then 'too_many_attempts'
  else 'delivery_failed' end`;

const VERIFICATIONS = `${NUMBERS}
  insert into verifications (id, app_id, destination, country, channel, locale, status, reason,
    code_hash, code_key_id, code_length, attempts, max_attempts, sends, max_sends,
    resend_cooldown_ms, created_at, updated_at, expires_at, last_sent_at, approved_at,
    delivery_status, delivery_provider, delivery_updated_at)
  select ${idSql('ver')}, $appId, ${DESTINATION}, case when i % 10 = 0 then 'US' else 'TR' end,
    'sms', 'en', ${STATUS}, ${REASON},
    'seededhashseededhashseededhashseededhash123', 'k1', 6, 1 + i % 3, 5, 1, 5, 30000,
    t, t + 40000, t + 600000, t, case when i % 100 < 60 then t + 40000 end,
    case when i % 100 < 98 then 'delivered' else 'failed' end, 'bench-gateway', t + 2000
  from seeded`;

const OUTBOX_JOBS = `${NUMBERS}
  insert into outbox_jobs (id, app_id, verification_id, channel, destination, code_ciphertext,
    status, attempts, next_attempt_at, lease_until, last_error, created_at, updated_at)
  select ${idSql('job')}, $appId, ${idSql('ver')}, 'sms', ${DESTINATION}, null,
    case when i % 100 < 98 then 'sent' else 'failed' end, 1, t, null, null, t, t + 300
  from seeded`;

const MESSAGE_LOG = `${NUMBERS}
  insert into message_log (id, app_id, verification_id, channel, destination, country,
    provider, provider_message_id, status, timeline, latency_ms, error_code, tx_code,
    device_id, message_id, created_at)
  select ${idSql('msg')}, $appId, ${idSql('ver')}, 'sms', ${DESTINATION},
    case when i % 10 = 0 then 'US' else 'TR' end, 'bench-gateway', 'gw_' || i,
    case when i % 100 < 98 then 'delivered' else 'failed' end,
    '[{"status":"sent","at":' || t || '}]', 40, null, null, null, null, t
  from seeded`;
