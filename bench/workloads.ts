import type autocannon from 'autocannon';
import { WEBHOOK_EVENTS } from '../src/settings/domain/settings.ts';

/** Response counts by request kind and status code, filled in as autocannon reads answers. */
export type StatusTally = Record<string, Record<string, number>>;

/** What a scenario needs to run: autocannon's target and requests, and what it expects. */
export interface Workload {
  name: string;
  description: string;
  url: string;
  requests: autocannon.Request[];
  /** Response statuses each request kind must answer; anything else counts as unexpected. */
  expected: Record<string, number>;
  tally: StatusTally;
  /** Latency in ms of every check answered (otpd only): from its send to its last byte. */
  checkLatencies?: number[];
}

function count(tally: StatusTally, kind: string, status: number): void {
  const byStatus = tally[kind] ?? {};
  tally[kind] = byStatus;
  byStatus[status] = (byStatus[status] ?? 0) + 1;
}

/** The ceiling: the smallest Fastify answer, no body parsing, no storage. */
export function helloWorkload(url: string): Workload {
  const tally: StatusTally = {};
  return {
    name: 'hello world',
    description: 'bare Fastify, GET / -> {"hello":"world"}',
    url,
    requests: [{ method: 'GET', path: '/', onResponse: (status) => count(tally, 'GET /', status) }],
    expected: { 'GET /': 200 },
    tally,
  };
}

/**
 * A random destination in +1 415 555 0000–9999. libphonenumber accepts every number in the
 * range as a valid US number (checked once for all 10,000), so no start is refused for its
 * destination; repeats supersede the destination's earlier pending verification, as they
 * would in production.
 */
/**
 * The benchmarked app's settings. Every limit is still counted — its cost is part of the hot
 * path — but set so high that none refuses: the workload sends to 10,000 numbers of one
 * country, far past the defaults. The SMS-pumping guard counts every send too, but only
 * records: the numbers share a few prefixes and are not all verified, which enforce mode
 * would block.
 */
const unlimited = { max: 1_000_000_000, windowSeconds: 60 };
export const BENCH_SETTINGS = {
  limits: {
    // Every request comes from the load generator's one address, which the per-IP limits count.
    createPerClientIp: unlimited,
    failedChecksPerDestinationAndIp: unlimited,
    sendsPerDestination: unlimited,
    failedChecksPerDestination: unlimited,
    sendsPerAppPerChannel: unlimited,
    sendsPerAppPerCountry: unlimited,
  },
  fraudGuard: { mode: 'monitor' },
};

/**
 * BENCH_SETTINGS with every part of a production app on: SMS through an `http` gateway and
 * a webhook subscribed to every event, both at the bench's loopback peers (bench/gateway.ts).
 */
export function benchSettingsWithPeers(peers: { smsUrl: string; webhookUrl: string }) {
  return {
    ...BENCH_SETTINGS,
    channels: {
      sms: {
        providers: [
          {
            type: 'http',
            name: 'bench-gateway',
            request: { url: peers.smsUrl, body: { to: '{{to}}', text: '{{message}}' } },
            success: { status: [200] },
            messageIdPointer: '/id',
          },
        ],
      },
    },
    webhooks: [
      {
        url: peers.webhookUrl,
        events: [...WEBHOOK_EVENTS],
        // A fixed signing secret: the receiver does not verify it, the bench only counts.
        secret: `whsec_${Buffer.alloc(24, 7).toString('base64')}`,
      },
    ],
  };
}

export function randomDestination(): string {
  return `+1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
}

/** The id in a verification's JSON; a regex, so the load generator spends little on it. */
const ID = /"id":"(ver_[0-9a-z]+)"/;

/**
 * otpd's hot path: each connection alternates `POST /v1/verifications` (a new code, hashed,
 * encrypted into the outbox, then delivered to the sandbox by the dispatcher) with
 * `POST /v1/verifications/{id}/check` of that verification. The check sends the wrong code
 * "000000" on purpose: it is a full check (HMAC, constant-time compare, atomic attempt
 * update) that answers 200 `incorrect_code`, and the workload needs no sandbox read.
 */
export function otpdWorkload(
  url: string,
  apiKey: string,
  mode: 'embedded' | 'clustered' = 'embedded',
): Workload {
  const tally: StatusTally = {};
  const checkLatencies: number[] = [];
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const create = 'POST /v1/verifications';
  const check = 'POST /v1/verifications/{id}/check';
  return {
    name: mode === 'embedded' ? 'otpd' : 'otpd (pg)',
    description:
      `${mode === 'embedded' ? 'embedded otpd (SQLite)' : 'clustered otpd (PostgreSQL + Redis)'}, ` +
      `${create} then ${check} with code "000000" (wrong on purpose)`,
    url,
    requests: [
      {
        method: 'POST',
        path: '/v1/verifications',
        headers,
        setupRequest: (request) => ({
          ...request,
          body: `{"to":"${randomDestination()}"}`,
        }),
        onResponse: (status, body, context: { id?: string }) => {
          count(tally, create, status);
          if (status === 201) context.id = ID.exec(body)?.[1];
        },
      },
      {
        method: 'POST',
        headers,
        body: '{"code":"000000"}',
        // After a failed start there is no id; the check then answers 404 and is counted.
        // autocannon calls setupRequest just before it writes the request (one at a time
        // per connection), so sentAt to onResponse is the check's own latency.
        setupRequest: (request, context: { id?: string; sentAt?: number }) => {
          context.sentAt = performance.now();
          return { ...request, path: `/v1/verifications/${context.id ?? 'missing'}/check` };
        },
        // A paced load (bench/paced.ts) says when the check was due: a late start counts.
        onResponse: (status, _body, context: { sentAt?: number; dueAt?: number }) => {
          count(tally, check, status);
          const from = context.dueAt ?? context.sentAt;
          if (from !== undefined) checkLatencies.push(performance.now() - from);
        },
      },
    ],
    expected: { [create]: 201, [check]: 200 },
    tally,
    checkLatencies,
  };
}

/** Responses whose status is not the one their request kind expects. */
export function unexpectedResponses(workload: Workload): number {
  let unexpected = 0;
  for (const [kind, byStatus] of Object.entries(workload.tally)) {
    for (const [status, n] of Object.entries(byStatus)) {
      if (Number(status) !== workload.expected[kind]) unexpected += n;
    }
  }
  return unexpected;
}
