import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { BUILT_IN_PROVIDER_NAMES } from '../kernel/provider-names.ts';
import type { Telemetry } from '../ports/telemetry.ts';

export interface PromTelemetry extends Telemetry {
  readonly registry: Registry;
  observeHttp(method: string, route: string, statusCode: number, seconds: number): void;
}

/** What every label may take stays a small set: a label value is a time series. */
export interface PromTelemetryOptions {
  /**
   * Provider names counted under their own label (OTPD_METRICS_PROVIDERS); any other is
   * `other`. Apps name their providers, so a gateway named by every app would otherwise add
   * series without end.
   */
  providers?: readonly string[];
}

/**
 * prom-client's default gauges that end in `_total`, a suffix Prometheus keeps for counters
 * (`promtool check metrics` refuses them); the same numbers remain by type in the unsuffixed
 * gauges (`otpd_nodejs_active_handles{type=…}`).
 */
const MISNAMED_DEFAULTS = [
  'otpd_nodejs_active_handles_total',
  'otpd_nodejs_active_requests_total',
  'otpd_nodejs_active_resources_total',
];

/** Prometheus metrics on a registry of their own, so each app instance counts separately. */
export function createPromTelemetry(options: PromTelemetryOptions = {}): PromTelemetry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'otpd_' });
  for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(name);
  const providers = new Set<string>(options.providers ?? BUILT_IN_PROVIDER_NAMES);
  const providerLabel = (name: string) => (providers.has(name) ? name : 'other');
  const created = new Counter({
    name: 'otpd_verifications_created_total',
    help: 'Verifications started, by channel',
    labelNames: ['channel'],
    registers: [registry],
  });
  const checked = new Counter({
    name: 'otpd_verifications_checked_total',
    help: 'Code checks answered, by channel and resulting status',
    labelNames: ['channel', 'status'],
    registers: [registry],
  });
  const dispatched = new Counter({
    name: 'otpd_messages_dispatched_total',
    help: 'Delivery attempts, by channel, provider (other: not in OTPD_METRICS_PROVIDERS) and outcome',
    labelNames: ['channel', 'provider', 'outcome'],
    registers: [registry],
  });
  const limited = new Counter({
    name: 'otpd_limit_refusals_total',
    help: 'Requests refused by a limit across verifications, by limit',
    labelNames: ['limit'],
    registers: [registry],
  });
  const fraud = new Counter({
    name: 'otpd_fraud_guard_events_total',
    help: 'SMS-pumping guard decisions recorded (block, monitor) and sends it refused',
    labelNames: ['event'],
    registers: [registry],
  });
  const webhooks = new Counter({
    name: 'otpd_webhook_attempts_total',
    help: 'Webhook delivery attempts, by outcome: delivered, retry or failed (given up)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const http = new Histogram({
    name: 'otpd_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    registry,
    verificationCreated: (channel) => created.inc({ channel }),
    verificationChecked: (channel, status) => checked.inc({ channel, status }),
    messageDispatched: (channel, provider, outcome) =>
      dispatched.inc({ channel, provider: providerLabel(provider), outcome }),
    limitReached: (limit) => limited.inc({ limit }),
    fraudGuard: (event) => fraud.inc({ event }),
    webhookAttempt: (outcome) => webhooks.inc({ outcome }),
    observeHttp: (method, route, statusCode, seconds) =>
      http.observe({ method, route, status_code: String(statusCode) }, seconds),
  };
}
