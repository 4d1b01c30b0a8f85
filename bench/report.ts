import type { ScenarioResult } from './measure.ts';
import type { Options } from './options.ts';
import type { OutboxFigures } from './scenarios/embedded.ts';

const columns: [string, number, (r: ScenarioResult) => string][] = [
  ['scenario', -18, (r) => r.name],
  ['req/s', 8, (r) => Math.round(r.requestsPerSecond).toString()],
  ['p50 ms', 8, (r) => String(r.latencyMs.p50)],
  ['p99 ms', 8, (r) => String(r.latencyMs.p99)],
  ['check p99', 10, (r) => (r.checkLatencyMs ? r.checkLatencyMs.p99.toFixed(1) : '-')],
  ['non2xx', 7, (r) => String(r.non2xx)],
  ['errors', 7, (r) => String(r.errors + r.timeouts)],
  ['CPU µs/req', 11, (r) => r.cpuMicrosPerRequest.server.toFixed(0)],
  ['server', 7, (r) => r.coresUsed.server.toFixed(2)],
  ['autocannon', 11, (r) => r.coresUsed.loadGenerator.toFixed(2)],
];

const cell = (text: string, width: number) =>
  width < 0 ? text.padEnd(-width) : text.padStart(width);

/** One row per scenario: rate, latency, failures, CPU. */
export function scenarioTable(results: readonly ScenarioResult[]): string {
  const header = columns.map(([title, width]) => cell(title, width)).join('');
  const rows = results.map((r) => columns.map(([, width, get]) => cell(get(r), width)).join(''));
  return [
    header,
    ...rows,
    '(p50/p99: all requests, ms; check p99: the checks alone; CPU µs/req: server CPU time per',
    ' answered request; server, autocannon: cores busy)',
  ].join('\n');
}

/** What each scenario ran and how its requests were answered. */
export function scenarioDetails(results: readonly ScenarioResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.name}: ${r.description}; ${r.connections} connections`);
    for (const [kind, byStatus] of Object.entries(r.statuses)) {
      const counts = Object.entries(byStatus).map(([s, n]) => `${s} ×${n}`);
      lines.push(`  ${kind}: ${counts.join(', ')}`);
    }
    if (r.database) {
      lines.push(
        `  PostgreSQL (every postgres process on this machine): ${r.database.cpuMicrosPerRequest.toFixed(0)}` +
          ` CPU µs/req, ${r.database.cores.toFixed(2)} cores; otpd + PostgreSQL: ` +
          `${(r.cpuMicrosPerRequest.server + r.database.cpuMicrosPerRequest).toFixed(0)} CPU µs/req`,
      );
    }
  }
  return lines.join('\n');
}

export function runHeading(options: Options): string {
  return (
    `${options.connections} connections per server, ${options.duration} s each after ` +
    `${options.warmup} s warm-up; log level ${options.logLevel}` +
    (options.cpuProf ? '; CPU-profiled while measured (a little slower)' : '')
  );
}

export function outboxLine(outbox: OutboxFigures): string {
  const rate = (n: number) => `${Math.round(n / outbox.seconds)}/s`;
  return (
    `outbox (embedded, measured window): ${outbox.created} verifications created (${rate(outbox.created)}), ` +
    `${outbox.delivered} messages reached the gateway (${rate(outbox.delivered)}), ` +
    `${outbox.events} webhook events received; pending jobs ${outbox.backlogStart.jobs} → ` +
    `${outbox.backlogEnd.jobs}, pending webhook deliveries ${outbox.backlogStart.webhooks} → ` +
    `${outbox.backlogEnd.webhooks}`
  );
}
