import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { firePaced, latencySummary } from '../paced.ts';
import type { Workload } from '../workloads.ts';

/* The bench's constant-rate load: how many requests it starts, and that a late start counts. */

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** A loopback server that answers each request after `holdMs`. */
async function serve(holdMs: number): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    setTimeout(() => res.end('{}'), holdMs);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function workload(url: string, seen: number[]): Workload {
  return {
    name: 'paced',
    description: 'GET /',
    url,
    requests: [{ method: 'GET', path: '/', onResponse: (status) => seen.push(status) }],
    expected: { 'GET /': 200 },
    tally: {},
  };
}

describe('firePaced', () => {
  it('starts rate × seconds requests, every one answered', async () => {
    const seen: number[] = [];
    const result = await firePaced(workload(await serve(0), seen), {
      connections: 4,
      rate: 100,
      seconds: 0.5,
    });
    expect(result.requests.total).toBe(50);
    expect(seen).toEqual(Array(50).fill(200));
    expect(result).toMatchObject({ non2xx: 0, errors: 0, timeouts: 0 });
  });

  it('counts a late start in the latency, from when the request was due', async () => {
    // One connection, a request due every 10 ms, each answered after 30 ms: the 20th starts
    // about 400 ms after it was due, so the slowest latency is far above the 30 ms hold.
    const seen: number[] = [];
    const result = await firePaced(workload(await serve(30), seen), {
      connections: 1,
      rate: 100,
      seconds: 0.2,
    });
    expect(result.requests.total).toBe(20);
    expect(result.latency.max).toBeGreaterThanOrEqual(30 * 20 - 10 * 20);
  });

  it('summarises as many latencies as a fast server answers', () => {
    // Half a million: passed as arguments to Math.max they overflowed the call stack.
    const latencies = Array.from({ length: 500_000 }, (_, i) => (i % 1000) / 10);
    latencies[123_456] = 250.4;
    expect(latencySummary(latencies)).toEqual({ p50: 50, p99: 99, average: 50, max: 250 });
    expect(latencySummary([])).toEqual({ p50: 0, p99: 0, average: 0, max: 0 });
  });
});
