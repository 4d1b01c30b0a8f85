import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/** Time spent in one SQL text, summed over its executions. */
export interface SqlStat {
  sql: string;
  calls: number;
  micros: number;
}

/**
 * Times every statement better-sqlite3 executes in this process, by SQL text. It wraps the
 * Statement methods once, before any database opens; each call is synchronous, so the time
 * measured is the whole of SQLite's work for it (parse excluded: statements are prepared
 * once), including converting rows to JavaScript objects.
 */
export function instrumentSqlite() {
  const stats = new Map<string, SqlStat>();
  const probe = new SqliteDatabase(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = prototype[method] as (...args: unknown[]) => unknown;
    prototype[method] = function (this: { source: string }, ...args: unknown[]) {
      const started = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        const micros = Number(process.hrtime.bigint() - started) / 1000;
        const stat = stats.get(this.source) ?? { sql: this.source, calls: 0, micros: 0 };
        stat.calls++;
        stat.micros += micros;
        stats.set(this.source, stat);
      }
    };
  }
  return {
    reset: () => stats.clear(),
    snapshot: (): SqlStat[] => [...stats.values()].sort((a, b) => b.micros - a.micros),
  };
}

/**
 * Times every query a `pg` client sends in this process, by SQL text: from the call to the
 * result, so the time is the round trip to PostgreSQL plus any wait for this process's event
 * loop to read the answer, not CPU. Counts are exact: statements per request.
 */
export function instrumentPostgres() {
  const stats = new Map<string, SqlStat>();
  const prototype = pg.Client.prototype as unknown as Record<string, unknown>;
  const original = prototype.query as (...args: unknown[]) => unknown;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: unknown } | undefined;
    const text = typeof first === 'string' ? first : first?.text;
    const result = original.apply(this, args);
    if (typeof text !== 'string' || !(result instanceof Promise)) return result;
    const started = process.hrtime.bigint();
    const record = () => {
      const micros = Number(process.hrtime.bigint() - started) / 1000;
      const stat = stats.get(text) ?? { sql: text, calls: 0, micros: 0 };
      stat.calls++;
      stat.micros += micros;
      stats.set(text, stat);
    };
    // A side chain only: the caller still sees the query's own rejection.
    result.then(record, record);
    return result;
  };
  return {
    reset: () => stats.clear(),
    snapshot: (): SqlStat[] => [...stats.values()].sort((a, b) => b.micros - a.micros),
  };
}

export const SQLITE_STATS_TITLE =
  'SQLite statements during the measurement (better-sqlite3 calls, row conversion included):';
export const POSTGRES_STATS_TITLE =
  'PostgreSQL statements during the measurement (wall time from send to result, not CPU):';

/** A table of the heaviest statements, per request served. */
export function formatSqlStats(
  stats: SqlStat[],
  requests: number,
  title = SQLITE_STATS_TITLE,
): string {
  const total = stats.reduce((sum, s) => sum + s.micros, 0);
  const calls = stats.reduce((sum, s) => sum + s.calls, 0);
  const line = (perReq: number, perCall: number, callsPerReq: number, sql: string) =>
    `${perReq.toFixed(1).padStart(8)}${perCall.toFixed(1).padStart(9)}` +
    `${callsPerReq.toFixed(2).padStart(8)}  ${sql}`;
  const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 110);
  return [
    title,
    `${'µs/req'.padStart(8)}${'µs/call'.padStart(9)}${'n/req'.padStart(8)}  sql`,
    ...stats
      .slice(0, 20)
      .map((s) =>
        line(s.micros / requests, s.micros / s.calls, s.calls / requests, oneLine(s.sql)),
      ),
    line(total / requests, total / Math.max(1, calls), calls / requests, '(all statements)'),
  ].join('\n');
}
