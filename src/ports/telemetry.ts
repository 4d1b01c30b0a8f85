import type { Channel } from '../kernel/recipients.ts';

/** Business events counted for operators (Prometheus in production, a no-op in tests). */
export interface Telemetry {
  verificationCreated(channel: Channel): void;
  /** One call per evaluated or refused check, labelled with the outcome's status. */
  verificationChecked(channel: Channel, status: string): void;
  messageDispatched(channel: Channel, provider: string, outcome: 'sent' | 'retry' | 'failed'): void;
  /** A request a limit across verifications refused (`rate_limited`), by the limit's name. */
  limitReached(limit: string): void;
  /** The SMS-pumping guard recorded a decision (`block` or `monitor`) or refused a send. */
  fraudGuard(event: 'block' | 'monitor' | 'refused'): void;
  /** One webhook delivery attempt, by what became of the delivery. */
  webhookAttempt(outcome: 'delivered' | 'retry' | 'failed'): void;
}

export const noopTelemetry: Telemetry = {
  verificationCreated() {},
  verificationChecked() {},
  messageDispatched() {},
  limitReached() {},
  fraudGuard() {},
  webhookAttempt() {},
};
