import type { FraudStore } from '../abuse/fraud-store-ports.ts';
import type { AppStore } from '../apps/app-store-ports.ts';
import type { SettingsStore } from '../settings/settings-store-ports.ts';
import type { SandboxStore } from '../verification/sandbox-store-ports.ts';
import type { VerificationStore } from '../verification/verification-store-ports.ts';
import type { WebhookStore } from '../webhooks/webhook-store-ports.ts';
import type { JobQueue } from '../workers/job-queue-ports.ts';
import type { IdempotencyStore } from './idempotency-store.ts';

export type { ClaimShare, JobQueue } from '../workers/job-queue-ports.ts';
export type * from './store-records.ts';
export type {
  AppStore,
  FraudStore,
  IdempotencyStore,
  SandboxStore,
  SettingsStore,
  VerificationStore,
  WebhookStore,
};

/**
 * Persistence. Every method that decides something does so atomically — in one
 * conditional statement or one transaction — and says so; callers never read, decide in
 * memory, then write. Every query is scoped by app id (I5).
 */
export interface Store
  extends JobQueue,
    AppStore,
    SettingsStore,
    VerificationStore,
    IdempotencyStore,
    SandboxStore,
    FraudStore,
    WebhookStore {
  /** Applies pending migrations; safe to run from several processes at once. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
