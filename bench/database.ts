import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * The PostgreSQL server `--clustered` benchmarks on, through its maintenance database; the
 * same default as the PostgreSQL tests.
 */
export const BENCH_POSTGRES_ADMIN_URL =
  process.env.OTPD_BENCH_POSTGRES_URL ??
  process.env.OTPD_TEST_POSTGRES_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  /** Drops the database and every connection still open to it; safe to call twice. */
  drop(): Promise<void>;
}

async function onAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: BENCH_POSTGRES_ADMIN_URL,
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
  } catch (error) {
    const safe = new URL(BENCH_POSTGRES_ADMIN_URL);
    safe.password = '';
    throw new Error(
      `cannot reach PostgreSQL at ${safe.host} (${error instanceof Error ? error.message : error}); ` +
        'start it or point OTPD_BENCH_POSTGRES_URL at a server',
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates `otpd_bench_<random>`, empty: the otpd under test migrates it at start. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `otpd_bench_${randomBytes(6).toString('hex')}`;
  await onAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(BENCH_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await onAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) in /proc/<pid>/stat. */
const MICROS_PER_TICK = 10_000;

/**
 * CPU time (user + system, µs) of every process named `postgres` on this machine: the
 * server and its backends, the bench's connections among them. Undefined where /proc is
 * not readable (not Linux). Other clients' queries count too, so bench on a quiet server.
 */
export function postgresCpuMicros(): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (stat.slice(open + 1, close) !== 'postgres') continue;
    // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(close + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * MICROS_PER_TICK;
}
