import { webhookSignature } from '../dialects/domain/diyalog-signing.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Logger } from '../observability/logger.ts';
import type { Keyring } from '../ports/keyring.ts';
import { type OutboundClient, OutboundError } from '../ports/outbound.ts';
import type { WebhookDelivery } from '../ports/store.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import { createWorkPool } from '../workers/work-pool.ts';
import { DIYALOG_POSTBACK } from './domain/events.ts';
import { signStandardWebhook } from './domain/standard-signature.ts';
import { WEBHOOK_RETRY_DELAYS_MS } from './event-announcer.ts';
import type { WebhookStore } from './webhook-store-ports.ts';

/** Failures another try cannot change: the URL is not allowed, or the body cannot be read. */
const PERMANENT = new Set([
  'blocked_address',
  'invalid_url',
  'invalid_request',
  'webhook_removed',
  'payload_unreadable',
]);

export interface WebhookSenderDeps {
  store: Pick<
    WebhookStore,
    | 'claimDueWebhookDeliveries'
    | 'extendWebhookLease'
    | 'finishWebhookDelivery'
    | 'retryWebhookDelivery'
  >;
  outbound: OutboundClient;
  /** An app's webhooks and dialect settings, with their plaintext secrets. */
  settingsFor: (appId: string) => Promise<Pick<AppSettings, 'webhooks' | 'dialects'>>;
  /** Opens the encrypted body of a forwarded Diyalog press. */
  keyring: Pick<Keyring, 'decrypt'>;
  /** Counts attempts for operators; none when absent. */
  telemetry?: Pick<Telemetry, 'webhookAttempt'>;
  clock: Clock;
  logger: Logger;
  intervalMs: number;
  /** How long a claim holds a delivery; renewed every third of it while it is sent. */
  leaseMs?: number;
  /** Deliveries sent at once, all apps together. */
  concurrency?: number;
  /** Deliveries of one app sent at once: a hanging receiver holds up only its own app. */
  perApp?: number;
  /** Time allowed for one endpoint to answer (default 10 s). */
  timeoutMs?: number;
  /** A number in [0, 1) for the retry jitter; default Math.random. */
  random?: () => number;
}

/**
 * Defaults of the webhook sender's caps, as OTPD_WEBHOOK_*CONCURRENCY document them. A busy
 * app announces two or three events per verification, and on a loaded server each delivery
 * waits 10–20 ms for its turn: at 8 in flight one app's deliveries fell behind its own
 * creations at peak, at 32 they keep up. Four times that in all, so three apps whose
 * receivers hang still leave a quarter of the slots to the rest.
 */
export const WEBHOOK_DEFAULTS = { concurrency: 128, perApp: 32 } as const;

/** The delay before the try after attempt `attempts` (1-based), ±20 % so retries spread out. */
export function webhookRetryDelay(attempts: number, random: () => number = Math.random): number {
  const base =
    WEBHOOK_RETRY_DELAYS_MS[Math.min(attempts, WEBHOOK_RETRY_DELAYS_MS.length) - 1] ??
    WEBHOOK_RETRY_DELAYS_MS[0];
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Delivers queued events to webhook URLs, signed per Standard Webhooks (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`), at least once: a 2xx answer delivers; anything
 * else is tried again after a growing delay until the delivery's attempts are spent.
 * Requests go through the outbound guard like every app-configured URL. Deliveries go out
 * from a pool (at most `perApp` of one app), so a receiver that hangs delays only its own.
 */
export function createWebhookSender(deps: WebhookSenderDeps) {
  const { store, clock, logger } = deps;
  const leaseMs = deps.leaseMs ?? 60_000;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const random = deps.random ?? Math.random;

  /**
   * The signed request for a delivery, or why there is none: `webhook_removed` when its URL
   * is no longer the app's (the secrets stay in the settings: a URL no longer listed gets
   * nothing), `payload_unreadable` when no key of this server opens its body.
   */
  async function signedRequest(
    d: WebhookDelivery,
  ): Promise<{ headers: Record<string, string>; body: string } | string> {
    const settings = await deps.settingsFor(d.appId);
    if (d.eventType === DIYALOG_POSTBACK) {
      const { webhookUrl, secret } = settings.dialects.diyalog;
      if (webhookUrl !== d.url || secret === null) return 'webhook_removed';
      let body: string;
      try {
        body = deps.keyring.decrypt(d.payload, d.id);
      } catch {
        return 'payload_unreadable';
      }
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'otpd-webhooks',
        'x-signature': webhookSignature(secret, body),
      };
      return { headers, body };
    }
    const { eventType } = d;
    const hook =
      settings.webhooks.find((w) => w.url === d.url && w.events.includes(eventType)) ??
      settings.webhooks.find((w) => w.url === d.url);
    if (!hook) return 'webhook_removed';
    const sentAt = new Date(clock.now());
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'otpd-webhooks',
      'webhook-id': d.eventId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signStandardWebhook(hook.secret, d.eventId, sentAt, d.payload),
    };
    return { headers, body: d.payload };
  }

  /** Sends one attempt; a status code when the endpoint answered, else the failure's code. */
  async function attempt(
    d: WebhookDelivery,
  ): Promise<{ statusCode: number | null; error: string | null }> {
    const signed = await signedRequest(d);
    if (typeof signed === 'string') return { statusCode: null, error: signed };
    try {
      const response = await deps.outbound.request({
        method: 'POST',
        url: d.url,
        ...signed,
        timeoutMs,
        maxResponseBytes: 16 * 1024,
      });
      const ok = response.status >= 200 && response.status < 300;
      return { statusCode: response.status, error: ok ? null : `http_${response.status}` };
    } catch (error) {
      if (error instanceof OutboundError) return { statusCode: null, error: error.code };
      throw error;
    }
  }

  async function deliver(d: WebhookDelivery): Promise<void> {
    const { statusCode, error } = await attempt(d);
    const now = clock.now();
    const host = new URL(d.url).host;
    if (error === null) {
      await store.finishWebhookDelivery(d, { status: 'delivered', statusCode, error }, now);
      deps.telemetry?.webhookAttempt('delivered');
      logger.info({ deliveryId: d.id, eventType: d.eventType, host }, 'webhook delivered');
    } else if (d.attempts < d.attemptLimit && !PERMANENT.has(error)) {
      const nextAt = now + webhookRetryDelay(d.attempts, random);
      await store.retryWebhookDelivery(d, { statusCode, error }, nextAt, now);
      deps.telemetry?.webhookAttempt('retry');
      logger.warn({ deliveryId: d.id, host, error, nextAt }, 'webhook failed; will retry');
    } else {
      await store.finishWebhookDelivery(d, { status: 'failed', statusCode, error }, now);
      deps.telemetry?.webhookAttempt('failed');
      logger.warn({ deliveryId: d.id, host, error }, 'webhook failed; giving up');
    }
  }

  const pool = createWorkPool({
    claim: (limit, share) => store.claimDueWebhookDeliveries(clock.now(), leaseMs, limit, share),
    extend: (d, until) => store.extendWebhookLease(d, until),
    work: deliver,
    identify: (d) => ({ appId: d.appId, id: d.id }),
    clock,
    leaseMs,
    concurrency: deps.concurrency ?? WEBHOOK_DEFAULTS.concurrency,
    perApp: deps.perApp ?? WEBHOOK_DEFAULTS.perApp,
    intervalMs: deps.intervalMs,
    coalesceMs: 5,
    logger,
    name: 'webhook sender',
  });
  return { runOnce: pool.runOnce, start: pool.start, wake: pool.wake, stop: pool.stop };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
