/**
 * How fast the message log answers typical searches at 1,000,000 entries (SQLite, the
 * embedded mode's own `messages.db`). Not part of `npm test`:
 *
 *   node --import tsx bench/message-log-search.ts [--rows 1000000] [--runs 20]
 *
 * Fills a throw-away log (rows written straight through one prepared statement, in
 * batches, after the log's own migrations), then times each search through the log's real
 * `list` (the query `/v1/messages` and the console run): the median and the slowest of
 * `--runs` runs, each a different value of the filter. The data: 90% of the rows belong to
 * one app, spread over 30 days; 100,000 destinations; a txCode per verification; statuses
 * mostly `delivered`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createSqliteMessageLog } from '../src/message-log/adapters/sqlite-message-log.ts';
import type { MessageFilters } from '../src/message-log/message-log-ports.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '20' },
  },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const DAY = 86_400_000;
const T_END = Date.parse('2026-06-01T00:00:00Z');
const T_START = T_END - 30 * DAY;
const DESTINATIONS = 100_000;
const STATUSES = [
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'sent',
  'failed',
  'undelivered',
];
const COUNTRIES = ['TR', 'TR', 'TR', 'GB', 'DE', 'US', 'TZ'];

// A small deterministic generator: the same data on every run.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
const destination = (i: number) => `+90555${String(1_000_000 + i).slice(1)}`;

const dir = mkdtempSync(join(tmpdir(), 'otpd-bench-log-'));
const file = join(dir, 'messages.db');
const log = createSqliteMessageLog(file);

try {
  await log.migrate();
  const fillStart = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    `insert into message_log (id, app_id, verification_id, channel, destination, country,
       provider, provider_message_id, status, timeline, latency_ms, error_code, tx_code,
       device_id, message_id, created_at)
     values (?, ?, ?, 'sms', ?, ?, ?, ?, ?, ?, 40, null, ?, ?, ?, ?)`,
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const createdAt = T_START + Math.floor((i / ROWS) * 30 * DAY);
      const status = pick(STATUSES);
      const timeline = JSON.stringify([
        { status: status === 'failed' ? 'failed' : 'sent', at: createdAt },
        ...(status === 'delivered' ? [{ status, at: createdAt + 900 }] : []),
      ]);
      insert.run(
        `msg_${String(createdAt).padStart(14, '0')}${String(i).padStart(8, '0')}`,
        random() < 0.9 ? 'app_main' : `app_${Math.floor(random() * 20)}`,
        `ver_${i}`,
        destination(Math.floor(random() * DESTINATIONS)),
        pick(COUNTRIES),
        pick(['gw-a', 'gw-b', 'twilio']),
        `pm_${i}`,
        status,
        timeline,
        `TX-${i}`,
        `dev-${i % 50_000}`,
        `order-${i}`,
        createdAt,
      );
    }
  });
  for (let from = 0; from < ROWS; from += 50_000) batch(from, Math.min(ROWS, from + 50_000));
  db.close();
  const fillSeconds = (performance.now() - fillStart) / 1000;

  const searches: [string, (run: number) => MessageFilters][] = [
    ['newest page (no filter)', () => ({})],
    ['by destination', (run) => ({ to: destination(run * 997) })],
    ['by txCode', (run) => ({ txCode: `TX-${run * 40_000 + 7}` })],
    ['by messageId', (run) => ({ messageId: `order-${run * 40_000 + 11}` })],
    [
      'by status + one day',
      (run) => ({
        status: 'failed',
        from: T_END - (run + 2) * DAY,
        until: T_END - (run + 1) * DAY,
      }),
    ],
    ['by country, newest page', () => ({ country: 'GB' })],
    ['by provider + status', () => ({ provider: 'twilio', status: 'undelivered' })],
  ];
  console.log(
    `message log: ${ROWS.toLocaleString('en')} rows filled in ${fillSeconds.toFixed(1)} s`,
  );
  console.log('search (page of 50, app_main)        median     slowest');
  for (const [name, filters] of searches) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await log.list(['app_main'], filters(run), null, 50);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] as number;
    const slowest = times.at(-1) as number;
    console.log(
      `${name.padEnd(36)} ${median.toFixed(2).padStart(7)} ms ${slowest.toFixed(2).padStart(8)} ms`,
    );
  }
} finally {
  await log.close();
  rmSync(dir, { recursive: true, force: true });
}
