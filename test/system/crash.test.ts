import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inParallel } from '../helpers/cluster.ts';
import { type FakeGateway, type GatewayAnswer, startFakeGateway } from '../helpers/fake-gateway.ts';
import { createClient } from '../helpers/http-client.ts';
import {
  cleanupProcesses,
  createAppWithCli,
  startServerProcess,
  tempDir,
} from '../helpers/process.ts';

const COUNT = 200;
/** The restarted process takes over the dead one's claimed jobs after this long. */
const LEASE_MS = 1_000;
/** Hang guards for the polling loops below, not timing assertions. */
const WAIT_MS = 45_000;

/** A distinct US number per verification, so no per-destination limit is involved. */
const destination = (n: number) => `+1415556${String(n).padStart(4, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `missing` every 100 ms until it is empty; fails listing what is still missing. */
async function waitUntilNoneMissing(
  what: string,
  missing: () => Promise<string[]> | string[],
): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const left = await missing();
    if (left.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out: ${left.length} verifications never ${what}: ${left.join(', ')}`);
    }
    await sleep(100);
  }
}

/**
 * I4, end to end: an accepted verification survives `kill -9` of the only process, and the
 * restarted process delivers it (at least once).
 */
describe('a crash after accepting verifications', () => {
  let gateway: FakeGateway;
  /** Until the kill, the gateway holds its answers: the first jobs are mid-dispatch then. */
  let releaseHeld: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    releaseHeld = resolve;
  });

  beforeAll(async () => {
    gateway = await startFakeGateway(async (): Promise<GatewayAnswer> => {
      await held;
      await sleep(100 + Math.floor(Math.random() * 300));
      return { status: 200, body: { ok: true } };
    });
  });
  afterEach(() => cleanupProcesses());
  afterAll(() => gateway.close());

  /** The verification ids the gateway received, as often as it received each. */
  const received = () => gateway.requests.map((r) => JSON.parse(r.body).id as string);

  it('loses none of them: the restarted process delivers every one', async () => {
    const dataDir = tempDir();
    const app = await createAppWithCli(dataDir);
    const env = {
      OTPD_DATA_DIR: dataDir,
      OTPD_ALLOW_NETWORKS: '127.0.0.0/8',
      OTPD_DISPATCH_LEASE_MS: String(LEASE_MS),
    };
    const first = await startServerProcess(env);
    const client = createClient(first.url, app.apiKey);
    const put = await client.request('PUT', '/v1/settings', {
      channels: {
        sms: {
          providers: [
            {
              type: 'http',
              name: 'slow-gateway',
              request: {
                method: 'POST',
                url: `${gateway.url}/send`,
                body: { to: '{{toDigits}}', text: '{{message}}', id: '{{verificationId}}' },
                encoding: 'json',
              },
              success: { status: [200] },
            },
          ],
        },
      },
      // Hundreds of codes to one number range, none verified: the SMS-pumping guard would
      // rightly block the range (it has its own tests).
      fraudGuard: { mode: 'off' },
    });
    expect(put.status, put.text).toBe(200);

    const started = await Promise.all(
      Array.from({ length: COUNT }, (_, i) =>
        client.post('/v1/verifications', {
          to: destination(i),
          clientIp: `2001:db8:${i.toString(16)}::1`,
        }),
      ),
    );
    expect(started.filter((r) => r.status !== 201).map((r) => r.text)).toEqual([]);
    const accepted = started.map((r) => r.body.id as string);
    expect(new Set(accepted).size).toBe(COUNT);

    // Some, not all, have reached the gateway: it answers none before the kill, and the
    // dispatcher claims at most one batch per round.
    await waitUntilNoneMissing('reached the gateway before the kill', () =>
      gateway.requests.length > 0 ? [] : ['(any)'],
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // The gateway runs in this process: let it read what the dead process had already sent.
    await sleep(200);
    const beforeKill = new Set(received());
    expect(beforeKill.size).toBeGreaterThan(0);
    expect(beforeKill.size).toBeLessThan(COUNT);
    releaseHeld();

    const second = await startServerProcess(env);
    const again = createClient(second.url, app.apiKey);
    await waitUntilNoneMissing('reached the gateway after the restart', () => {
      const reached = new Set(received());
      return accepted.filter((id) => !reached.has(id));
    });
    await waitUntilNoneMissing('read delivery "sent"', async () => {
      const reads = await inParallel(COUNT, 20, (i) =>
        again.get(`/v1/verifications/${accepted[i]}`),
      );
      return accepted.filter((_, i) => {
        const read = reads[i];
        return read?.status !== 'fulfilled' || read.value.body.delivery?.status !== 'sent';
      });
    });

    const all = received();
    const delivered = new Set(all).size;
    const duplicates = all.length - delivered;
    console.log(
      `crash test: ${accepted.length} accepted, ${delivered} delivered, ${duplicates} duplicates`,
    );
    expect(delivered).toBe(COUNT);
    // A second message only for a job that was in flight at the kill.
    const repeated = [...new Set(all.filter((id, i) => all.indexOf(id) !== i))];
    expect([...beforeKill]).toEqual(expect.arrayContaining(repeated));
  }, 90_000);
});
