import SqliteDatabase from 'better-sqlite3';

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

/** A table of the heaviest statements, per request served. */
export function formatSqlStats(stats: SqlStat[], requests: number): string {
  const total = stats.reduce((sum, s) => sum + s.micros, 0);
  const calls = stats.reduce((sum, s) => sum + s.calls, 0);
  const line = (perReq: number, perCall: number, callsPerReq: number, sql: string) =>
    `${perReq.toFixed(1).padStart(8)}${perCall.toFixed(1).padStart(9)}` +
    `${callsPerReq.toFixed(2).padStart(8)}  ${sql}`;
  const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 110);
  return [
    'SQLite statements during the measurement (better-sqlite3 calls, row conversion included):',
    `${'µs/req'.padStart(8)}${'µs/call'.padStart(9)}${'n/req'.padStart(8)}  sql`,
    ...stats
      .slice(0, 20)
      .map((s) =>
        line(s.micros / requests, s.micros / s.calls, s.calls / requests, oneLine(s.sql)),
      ),
    line(total / requests, total / Math.max(1, calls), calls / requests, '(all statements)'),
  ].join('\n');
}
