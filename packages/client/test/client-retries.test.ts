import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { createOtpdClient, isProblem, type RetryOptions } from '../src/index.ts';
import { type ProxyAction, type SeenRequest, startProxy } from './loopback-proxy.ts';

/** Retries against a real otpd on a fake clock, with a loopback proxy for outages. */
describe('the otpd client retries', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let apiKey: string;
  let harnessClient: Awaited<ReturnType<TestServer['createApp']>>['client'];
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;

  beforeAll(async () => {
    server = await startServer({ clock });
    ({ apiKey, client: harnessClient } = await server.createApp('Retry Shop'));
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(() => server.close());

  /** Waits recorded instead of slept; each one moves otpd's clock as far (I8). */
  function recordingSleep() {
    const waits: number[] = [];
    const retry: RetryOptions = {
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    };
    return { waits, retry };
  }

  async function through(decide: (request: SeenRequest, index: number) => ProxyAction) {
    proxy = await startProxy(server.url, decide);
    return proxy;
  }

  it('waits out a 429 for the Retry-After the limit names, then succeeds with the same key', async () => {
    const { waits, retry } = recordingSleep();
    const otpd = createOtpdClient({ baseUrl: server.url, apiKey, retry });
    const settled = await otpd.api.PUT('/v1/settings', {
      body: { limits: { createPerClientIp: { max: 1, windowSeconds: 5 } } },
    });
    expect(settled.response.status).toBe(200);

    const seen = await through(() => ({ forward: true }));
    const viaProxy = createOtpdClient({ baseUrl: seen.url, apiKey, retry });
    await viaProxy.verifications.create({ to: '+14155550201', clientIp: '203.0.113.9' });
    const second = await viaProxy.verifications.create({
      to: '+14155550202',
      clientIp: '203.0.113.9',
    });
    expect(second.status).toBe('pending');

    // One wait: at least the 5 s Retry-After, at most 10% of it more (jitter).
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(5_000);
    expect(waits[0]).toBeLessThanOrEqual(5_500);
    const keys = seen.seen.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[2]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not wait longer than maxDelayMs: the 429 is thrown with its retryAfter', async () => {
    const { waits, retry } = recordingSleep();
    const otpd = createOtpdClient({ baseUrl: server.url, apiKey, retry });
    await otpd.api.PUT('/v1/settings', {
      body: { limits: { createPerClientIp: { max: 1, windowSeconds: 3_600 } } },
    });
    await otpd.verifications.create({ to: '+14155550203', clientIp: '203.0.113.10' });
    const error = await otpd.verifications
      .create({ to: '+14155550204', clientIp: '203.0.113.10' })
      .catch((e: unknown) => e);
    expect(isProblem(error, 'rate_limited')).toBe(true);
    if (!isProblem(error)) throw error;
    expect(error.retryAfter).toBe(3_600_000);
    expect(error.problem?.limit).toBe('createPerClientIp');
    expect(waits).toEqual([]);
    await otpd.api.PUT('/v1/settings', { body: { limits: {} } });
  });

  it('retries a 503 after its Retry-After and reuses the Idempotency-Key: one verification', async () => {
    const { waits, retry } = recordingSleep();
    const outage = { status: 503, headers: { 'retry-after': '1' }, body: 'maintenance' };
    const seen = await through((_, index) =>
      index === 0 ? { answer: outage } : { forward: true },
    );
    const otpd = createOtpdClient({ baseUrl: seen.url, apiKey, retry });
    const started = await otpd.verifications.create(
      { to: '+14155550205' },
      { idempotencyKey: 'order-205' },
    );
    expect(started.status).toBe('pending');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1_000);
    expect(waits[0]).toBeLessThanOrEqual(1_100);
    expect(seen.seen.map((r) => r.headers['idempotency-key'])).toEqual(['order-205', 'order-205']);
    expect(seen.seen[0]?.body).toBe(seen.seen[1]?.body);
  });

  it('retries a lost answer of a create with the same key: otpd replays the first one', async () => {
    const { waits, retry } = recordingSleep();
    const seen = await through((_, index) =>
      index === 0 ? { forwardThenDrop: true } : { forward: true },
    );
    const otpd = createOtpdClient({ baseUrl: seen.url, apiKey, retry });
    const started = await otpd.verifications.create({ to: '+14155550206', txCode: 'lost-206' });
    expect(waits).toHaveLength(1);
    const [first, second] = seen.seen;
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    // Both reached otpd: the first started the verification, the second got it replayed.
    const [created, replayed] = seen.answers;
    expect(created?.status).toBe(201);
    expect(JSON.parse(created?.body ?? '{}').id).toBe(started.id);
    expect(replayed?.headers.get('idempotent-replayed')).toBe('true');
    expect(JSON.parse(replayed?.body ?? '{}').id).toBe(started.id);
  });

  it('retries a lost answer of a check with its key, spending one attempt', async () => {
    const { retry } = recordingSleep();
    const direct = createOtpdClient({ baseUrl: server.url, apiKey });
    const started = await direct.verifications.create({ to: '+14155550207' });
    const seen = await through((request, index) =>
      index === 0 && request.path.endsWith('/check')
        ? { forwardThenDrop: true }
        : { forward: true },
    );
    const otpd = createOtpdClient({ baseUrl: seen.url, apiKey, retry });
    const code = await server.readCode(harnessClient, started.id);
    const outcome = await otpd.verifications.check(
      started.id,
      code === '000000' ? '111111' : '000000',
    );
    expect(seen.seen).toHaveLength(2);
    expect(seen.answers[1]?.headers.get('idempotent-replayed')).toBe('true');
    expect(outcome.valid).toBe(false);
    expect(outcome.attemptsRemaining).toBe(started.maxAttempts - 1);
  });

  it('never repeats a lost answer of a request without a key (resend)', async () => {
    const { waits, retry } = recordingSleep();
    const direct = createOtpdClient({ baseUrl: server.url, apiKey });
    const started = await direct.verifications.create({ to: '+14155550208' });
    clock.advance(30_000);
    const seen = await through(() => ({ forwardThenDrop: true }));
    const otpd = createOtpdClient({ baseUrl: seen.url, apiKey, retry });
    await expect(otpd.verifications.resend(started.id)).rejects.toThrow(TypeError);
    expect(seen.seen).toHaveLength(1);
    expect(waits).toEqual([]);
    expect((await direct.verifications.get(started.id)).sends).toBe(2);
  });

  it('retries a keyed request that otpd is still running, and no other 409', async () => {
    const { waits, retry } = recordingSleep();
    const running = {
      status: 409,
      headers: { 'retry-after': '1', 'content-type': 'application/problem+json' },
      body: JSON.stringify({ status: 409, code: 'idempotency_key_in_progress', detail: 'wait' }),
    };
    const seen = await through((_, index) =>
      index === 0 ? { answer: running } : { forward: true },
    );
    const otpd = createOtpdClient({ baseUrl: seen.url, apiKey, retry });
    const started = await otpd.verifications.create({ to: '+14155550209' });
    expect(seen.seen).toHaveLength(2);
    expect(waits).toHaveLength(1);

    await otpd.verifications.check(started.id, '000000');
    await otpd.verifications.check(started.id, '000000');
    await otpd.verifications.cancel(started.id);
    const sent = seen.seen.length;
    const refused = await otpd.verifications.resend(started.id).catch((e: unknown) => e);
    expect(isProblem(refused, 'verification_not_pending')).toBe(true);
    expect(seen.seen).toHaveLength(sent + 1);
  });

  it('stops waiting when the call is aborted', async () => {
    const outage = { status: 503, headers: { 'retry-after': '5' } };
    const seen = await through(() => ({ answer: outage }));
    const otpd = createOtpdClient({ baseUrl: seen.url, apiKey });
    const controller = new AbortController();
    const call = otpd.verifications.get('ver_any', { signal: controller.signal });
    while (seen.seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.seen).toHaveLength(1);
  });

  it('gives up after maxAttempts and answers the last 503 as a problem error', async () => {
    const { waits, retry } = recordingSleep();
    const problem = JSON.stringify({
      type: 'urn:otpd:problem:service_unavailable',
      title: 'Temporarily unavailable',
      status: 503,
      code: 'service_unavailable',
      detail: 'try again',
    });
    const seen = await through(() => ({
      answer: {
        status: 503,
        headers: { 'retry-after': '2', 'content-type': 'application/problem+json' },
        body: problem,
      },
    }));
    const otpd = createOtpdClient({
      baseUrl: seen.url,
      apiKey,
      retry: { ...retry, maxAttempts: 2 },
    });
    const error = await otpd.verifications.get('ver_any').catch((e: unknown) => e);
    expect(isProblem(error, 'service_unavailable')).toBe(true);
    expect(error).toMatchObject({ status: 503, detail: 'try again', retryAfter: 2_000 });
    expect(seen.seen).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });
});
