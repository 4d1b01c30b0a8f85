import type { Channel } from '../domain/recipients.ts';

/** Business events counted for operators (Prometheus in production, a no-op in tests). */
export interface Telemetry {
  verificationCreated(channel: Channel): void;
  /** One call per evaluated or refused check, labelled with the outcome's status. */
  verificationChecked(channel: Channel, status: string): void;
  messageDispatched(channel: Channel, provider: string, outcome: 'sent' | 'retry' | 'failed'): void;
}

export const noopTelemetry: Telemetry = {
  verificationCreated() {},
  verificationChecked() {},
  messageDispatched() {},
};
