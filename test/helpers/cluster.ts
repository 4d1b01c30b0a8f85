import type { Client as PgClient } from 'pg';
import { runCliInThisProcess, type ServerProcess } from './process.ts';

/**
 * Runs `task(0…count-1)` with at most `concurrency` in flight and returns the outcomes in
 * order; a rejected task is kept as its error, so one refused request never hides the rest.
 */
export async function inParallel<T>(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<T>,
): Promise<PromiseSettledResult<T>[]> {
  const outcomes: PromiseSettledResult<T>[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      try {
        outcomes[i] = { status: 'fulfilled', value: await task(i) };
      } catch (reason) {
        outcomes[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return outcomes;
}

/** Polls `probe` every `intervalMs` until it returns true; fails naming `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The verification ids an instance's dispatcher logged "message sent" for (pino JSON on stdout). */
export function sentByProcess(server: ServerProcess): string[] {
  const ids: string[] = [];
  for (const line of server.stdout().split('\n')) {
    if (!line.includes('"message sent"')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; verificationId?: string };
      if (entry.msg === 'message sent' && entry.verificationId) ids.push(entry.verificationId);
    } catch {}
  }
  return ids;
}

/** How many of `ids` the process logged "message sent" for. */
export function countSentBy(server: ServerProcess, ids: ReadonlySet<string>): number {
  return sentByProcess(server).filter((id) => ids.has(id)).length;
}

/**
 * `otpd apps create` against the cluster's database, run in this process (a set-up step):
 * the app id and its first key.
 */
export async function createAppWithClusterCli(
  env: Record<string, string>,
  name = 'Cluster Shop',
): Promise<{ id: string; apiKey: string }> {
  const result = await runCliInThisProcess(['apps', 'create', '--name', name, '--json'], env);
  if (result.code !== 0) throw new Error(`apps create failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Sandbox messages per verification id, read straight from the shared database. */
export async function sandboxMessageCounts(
  db: PgClient,
  appId: string,
  verificationIds: readonly string[],
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ verification_id: string; n: string }>(
    `select verification_id, count(*) as n from sandbox_messages
      where app_id = $1 and verification_id = any($2) group by verification_id`,
    [appId, verificationIds],
  );
  return new Map(rows.map((r) => [r.verification_id, Number(r.n)]));
}

/** Outbox jobs of these verifications by status, e.g. `{sent: 498, pending: 2}`. */
export async function jobStatuses(
  db: PgClient,
  verificationIds: readonly string[],
): Promise<Record<string, number>> {
  const { rows } = await db.query<{ status: string; n: string }>(
    'select status, count(*) as n from outbox_jobs where verification_id = any($1) group by status',
    [verificationIds],
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * The verifications of pending jobs whose lease ends after `from` and no later than `to`:
 * claimed by someone with a lease that short, not finished.
 */
export async function leasedBetween(db: PgClient, from: number, to: number): Promise<string[]> {
  const { rows } = await db.query<{ verification_id: string }>(
    `select verification_id from outbox_jobs
      where status = 'pending' and lease_until > $1 and lease_until <= $2`,
    [from, to],
  );
  return rows.map((r) => r.verification_id);
}
