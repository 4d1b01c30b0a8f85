import { Agent, request } from 'node:http';
import { percentile } from './percentile.ts';
import type { Workload } from './workloads.ts';

/**
 * A constant-rate load: requests start at evenly spaced times, `rate` per second across
 * `connections` kept-alive connections, each connection running the workload's requests in
 * turn as autocannon does. autocannon's own rate limit sends each connection's share of a
 * second back to back and then waits for the next second, so a "half load" meets the server
 * as bursts at full concurrency; here the load is half at every moment, which is what a
 * latency at half of peak load means.
 *
 * A request whose start time passes while every connection is busy starts as soon as one is
 * free, and its latency is counted from the time it was due (no coordinated omission): a
 * server that falls behind shows it in the percentiles.
 */
export interface PacedOptions {
  connections: number;
  rate: number;
  seconds: number;
}

/** The parts of an autocannon result `measure` reads. */
export interface PacedResult {
  duration: number;
  requests: { total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const TIMEOUT_MS = 10_000;

/** A connection's context: the workload's own fields, and when its current request was due. */
export interface PacedContext {
  dueAt?: number;
}

export async function firePaced(workload: Workload, options: PacedOptions): Promise<PacedResult> {
  const { connections, rate, seconds } = options;
  const url = new URL(workload.url);
  const interval = 1000 / rate;
  const started = performance.now();
  const end = started + seconds * 1000;
  let slot = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;

  /** Waits for the next start time; resolves at once when it has already passed. */
  async function nextStart(): Promise<number | undefined> {
    const due = started + slot++ * interval;
    if (due >= end) return undefined;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return due;
  }

  function send(agent: Agent, req: Workload['requests'][number], context: PacedContext) {
    const made =
      typeof req.setupRequest === 'function' ? req.setupRequest({ ...req }, context) : req;
    const body = typeof made.body === 'string' ? made.body : undefined;
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const call = request(
        {
          host: url.hostname,
          port: url.port,
          method: made.method ?? 'GET',
          path: made.path ?? '/',
          agent,
          timeout: TIMEOUT_MS,
          headers: {
            ...(made.headers ?? {}),
            ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
          response.on('error', reject);
        },
      );
      call.on('timeout', () => call.destroy(new Error('timeout')));
      call.on('error', reject);
      call.end(body);
    });
  }

  async function connection(): Promise<void> {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const context: PacedContext = {};
    try {
      for (let turn = 0; ; turn++) {
        const due = await nextStart();
        if (due === undefined) return;
        const req = workload.requests[turn % workload.requests.length];
        if (!req) return;
        context.dueAt = due;
        try {
          const answer = await send(agent, req, context);
          latencies.push(performance.now() - due);
          if (answer.status < 200 || answer.status >= 300) non2xx++;
          if (typeof req.onResponse === 'function') {
            req.onResponse(answer.status, answer.body, context, undefined);
          }
        } catch (error) {
          if ((error as Error).message === 'timeout') timeouts++;
          else errors++;
        }
      }
    } finally {
      agent.destroy();
    }
  }

  await Promise.all(Array.from({ length: connections }, () => connection()));
  const duration = (performance.now() - started) / 1000;
  return {
    duration,
    requests: { total: latencies.length },
    latency: latencySummary(latencies),
    non2xx,
    errors,
    timeouts,
  };
}

/** Whole milliseconds, as autocannon reports them; zeros when nothing was answered. */
export function latencySummary(latencies: readonly number[]): PacedResult['latency'] {
  let sum = 0;
  // A loop, not Math.max(...latencies): the latencies of a fast server, a hundred thousand
  // and more, overflow the call stack as arguments.
  let max = 0;
  for (const latency of latencies) {
    sum += latency;
    if (latency > max) max = latency;
  }
  return {
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    average: Math.round(latencies.length > 0 ? sum / latencies.length : 0),
    max: Math.round(max),
  };
}
