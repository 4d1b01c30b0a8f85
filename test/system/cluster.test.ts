import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countSentBy,
  createAppWithClusterCli,
  inParallel,
  jobStatuses,
  leasedBetween,
  sandboxMessageCounts,
  sentByProcess,
  waitUntil,
} from '../helpers/cluster.ts';
import { type Client, createClient } from '../helpers/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import {
  cleanupProcesses,
  readSandboxCode,
  type ServerProcess,
  startServerProcess,
} from '../helpers/process.ts';

const SECRET = 'cluster-integration-server-secret-0123456789';
/** The killed instance's lease: short, so its survivor takes over within the test. */
const SHORT_LEASE_MS = 3_000;

/** A US number per index; each test uses its own range so no start supersedes another's. */
const destination = (n: number) => `+1415555${String(n).padStart(4, '0')}`;

/**
 * Clustered mode as operators run it: separate otpd processes on one PostgreSQL database,
 * same OTPD_SECRET, each with its own dispatcher. Requests alternate between the instances
 * the way a round-robin load balancer would send them.
 */
describe('two otpd instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let a: ServerProcess;
  let b: ServerProcess;
  let appId: string;
  let apiKey: string;
  let viaA: Client;
  let viaB: Client;
  /** Round-robin, as a load balancer would: even requests to A, odd ones to B. */
  const alternate = (i: number) => (i % 2 === 0 ? viaA : viaB);

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { OTPD_DATABASE_URL: database.url, OTPD_SECRET: SECRET };
    // Both start at once on an empty database: their migrations take turns through a lock.
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    const app = await createAppWithClusterCli(env);
    appId = app.id;
    apiKey = app.apiKey;
    viaA = createClient(a.url, app.apiKey);
    viaB = createClient(b.url, app.apiKey);
    // These tests send hundreds of codes to one range of numbers and verify few of them: the
    // SMS-pumping guard would rightly block the range (it has its own fraud-guard tests).
    const put = await viaA.request('PUT', '/v1/settings', { fraudGuard: { mode: 'off' } });
    if (put.status !== 200) throw new Error(`settings: ${put.text}`);
  }, 60_000);

  afterAll(async () => {
    await cleanupProcesses();
    await database?.drop();
  });

  it('200 concurrent wrong checks across both instances spend exactly maxAttempts (I2)', async () => {
    const created = await viaA.post('/v1/verifications', { to: destination(1) });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const code = await readSandboxCode(viaB, id);
    const wrong = code === '000000' ? '000001' : '000000';

    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        alternate(i).post(`/v1/verifications/${id}/check`, { code: wrong }),
      ),
    );
    expect(answers.filter((r) => r.status === 200 && r.body.valid === false)).toHaveLength(200);
    expect(answers.filter((r) => r.body.reason === 'incorrect_code')).toHaveLength(4);
    expect(answers.filter((r) => r.body.reason === 'max_attempts_reached')).toHaveLength(196);

    for (const client of [viaA, viaB]) {
      const read = await client.get(`/v1/verifications/${id}`);
      expect(read.body).toMatchObject({
        attempts: 5,
        maxAttempts: 5,
        attemptsRemaining: 0,
        status: 'max_attempts_reached',
      });
    }
    const right = await viaB.post(`/v1/verifications/${id}/check`, { code });
    expect(right.body).toMatchObject({ valid: false, reason: 'max_attempts_reached' });
  });

  it('500 verifications started across both are each dispatched exactly once', async () => {
    const started = await inParallel(500, 50, (i) =>
      alternate(i).post('/v1/verifications', {
        to: destination(1_000 + i),
        clientIp: `2001:db8:${i.toString(16)}::1`,
      }),
    );
    const ids = started.map((outcome) => {
      if (outcome.status === 'rejected') throw outcome.reason;
      expect(outcome.value.status).toBe(201);
      return outcome.value.body.id as string;
    });
    expect(new Set(ids).size).toBe(500);

    await waitUntil(
      'every job of the 500 marked sent',
      async () => (await jobStatuses(database.client, ids)).sent === 500,
      30_000,
    );
    const counts = await sandboxMessageCounts(database.client, appId, ids);
    expect(counts.size).toBe(500);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    const reads = await inParallel(500, 50, (i) => alternate(i).get(`/v1/verifications/${ids[i]}`));
    const delivery = reads.map((r) => (r.status === 'fulfilled' ? r.value.body.delivery : r));
    expect(delivery.filter((d) => d?.status === 'sent')).toHaveLength(500);

    // Each dispatcher logs every message it handed to a provider: together once per id.
    const idSet = new Set(ids);
    const byA = countSentBy(a, idSet);
    const byB = countSentBy(b, idSet);
    console.log(`500 verifications: instance A sent ${byA}, instance B sent ${byB}`);
    expect(byA + byB).toBe(500);
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
  }, 60_000);

  it('an instance killed mid-dispatch leaves its jobs to the other, none lost (I4)', async () => {
    // A leaves cleanly (SIGTERM finishes its round), so B is the one survivor. C, started
    // now, claims for SHORT_LEASE_MS; B keeps the default 30 s and polls every 50 ms.
    expect(await a.stop()).toEqual({ code: 0, signal: null });
    const c = await startServerProcess({ ...env, OTPD_DISPATCH_LEASE_MS: String(SHORT_LEASE_MS) });
    const viaC = createClient(c.url, apiKey);
    const destinations = Array.from({ length: 300 }, (_, i) => destination(2_000 + i));

    // Starts stream in while C's dispatcher delivers them. To kill C mid-dispatch for sure,
    // freeze it (SIGSTOP), look in the database for jobs it claimed and has not finished (a
    // pending job with a lease under SHORT_LEASE_MS is C's: A and B lease for 30 s), and
    // SIGKILL it while it is frozen there; otherwise let it run on and look again.
    let allStarted = false;
    const starting = inParallel(destinations.length, 20, (i) =>
      viaC.post('/v1/verifications', {
        to: destinations[i],
        clientIp: `2001:db8:${i.toString(16)}::1`,
      }),
    ).finally(() => {
      allStarted = true;
    });
    await waitUntil(
      'C to send its first messages',
      () => allStarted || sentByProcess(c).length >= 10,
      20_000,
      5,
    );
    // The verifications whose jobs C held when it died, read while it was frozen.
    let held: string[] = [];
    let freezes = 0;
    await waitUntil(
      'C to hold claimed jobs it has not finished',
      async () => {
        freezes++;
        c.child.kill('SIGSTOP');
        // Statements C sent before it froze finish meanwhile; it can send no more. A
        // transaction it leaves open is rolled back at the kill: its job stays pending.
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = Date.now();
        held = await leasedBetween(database.client, now, now + SHORT_LEASE_MS);
        c.child.kill(held.length > 0 ? 'SIGKILL' : 'SIGCONT');
        return held.length > 0;
      },
      20_000,
      // C runs between looks, well under its lease: frozen too long, it would see its jobs
      // taken over while alive, which is the lease's purpose but not this test's.
      150,
    );
    expect((await c.exited).signal).toBe('SIGKILL');
    const started = await starting;

    // A request in flight at the kill may or may not have committed; every committed one
    // counts, and every 201 must be among them.
    const { rows } = await database.client.query<{ id: string }>(
      'select id from verifications where app_id = $1 and destination = any($2)',
      [appId, destinations],
    );
    const committed = rows.map((r) => r.id);
    const accepted = started.flatMap((o) =>
      o.status === 'fulfilled' && o.value.status === 201 ? [o.value.body.id as string] : [],
    );
    expect(accepted.length).toBeGreaterThan(0);
    expect(committed).toEqual(expect.arrayContaining(accepted));

    await waitUntil(
      'B to deliver every verification C committed',
      async () => (await jobStatuses(database.client, committed)).sent === committed.length,
      SHORT_LEASE_MS + 20_000,
    );
    const counts = await sandboxMessageCounts(database.client, appId, committed);
    expect(counts.size).toBe(committed.length);
    const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    const { rows: claims } = await database.client.query<{ verification_id: string }>(
      'select verification_id from outbox_jobs where verification_id = any($1) and attempts > 1',
      [committed],
    );
    const takenOver = claims.map((r) => r.verification_id);
    const ids = new Set(committed);
    console.log(
      `SIGKILL mid-dispatch: ${accepted.length} accepted (201), ${committed.length} committed; ` +
        `C sent ${countSentBy(c, ids)} and held ${held.length} unfinished when killed ` +
        `(at freeze ${freezes}); ` +
        `B sent ${countSentBy(b, ids)}; ${takenOver.length} jobs taken over; ` +
        `duplicates: ${duplicates}`,
    );
    // B took over what C held; a second message only ever for a job C held when it died
    // (sent, not yet recorded): at least once, never more for any other job.
    expect(takenOver.length).toBeGreaterThan(0);
    expect(held).toEqual(expect.arrayContaining(takenOver));
    expect(held).toEqual(expect.arrayContaining(twice));
    expect(countSentBy(b, ids)).toBeGreaterThanOrEqual(takenOver.length);

    const reads = await inParallel(accepted.length, 50, (i) =>
      viaB.get(`/v1/verifications/${accepted[i]}`),
    );
    const sent = reads.filter(
      (r) => r.status === 'fulfilled' && r.value.body.delivery?.status === 'sent',
    );
    expect(sent).toHaveLength(accepted.length);
  }, 60_000);
});
