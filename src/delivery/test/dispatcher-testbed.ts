import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { defaultAppSettings } from '../../../test/helpers/app-settings.ts';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock.ts';
import { openSendGate } from '../../abuse/send-gate.ts';
import type { Channel } from '../../kernel/recipients.ts';
import { createHmacKeyring } from '../../keyring/hmac-keyring.ts';
import { createLogger } from '../../observability/logger.ts';
import type { Keyring } from '../../ports/keyring.ts';
import type { OutboxJob, Store } from '../../ports/store.ts';
import { noopTelemetry } from '../../ports/telemetry.ts';
import { toJob } from '../../store/rows.ts';
import type { OutboxJobsTable } from '../../store/schema.ts';
import { createSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { createVerificationService } from '../../verification/verifications.ts';
import { createDispatcher } from '../dispatcher.ts';
import { type OutboundMessage, type Provider, ProviderError } from '../provider-ports.ts';

/*
 * What the dispatcher-*.test.ts files share: a dispatcher over a real SQLite store, with
 * scripted providers, a fake clock and a read-only view of the outbox rows.
 */

export const LEASE_MS = 30_000;
const logger = createLogger('silent');

/** What a scripted provider does with the n-th message it is handed (n from 1). */
export type Behaviour = (message: OutboundMessage, call: number) => void;

export interface TestProvider extends Provider {
  /** Every message it was handed, whether it accepted it or not. */
  calls: OutboundMessage[];
  /** The messages it accepted. */
  delivered: OutboundMessage[];
  behave(behaviour: Behaviour): void;
}

export function testProvider(name: string, initial: Behaviour = () => {}): TestProvider {
  let behaviour = initial;
  const provider: TestProvider = {
    name,
    calls: [],
    delivered: [],
    behave(next) {
      behaviour = next;
    },
    async send(message) {
      provider.calls.push(message);
      behaviour(message, provider.calls.length);
      provider.delivered.push(message);
      return { providerMessageId: `${name}-${provider.calls.length}` };
    },
  };
  return provider;
}

export const failing =
  (code: string, retryable: boolean): Behaviour =>
  () => {
    throw new ProviderError(code, retryable);
  };

export const appId = 'app_acme';

export interface DispatcherTestbed {
  /** The folder of the store's file, `otpd.db`. */
  dir: string;
  store: Store;
  clock: FakeClock;
  primary: TestProvider;
  backup: TestProvider;
  /** The providers of every channel, in order; tests may replace the list. */
  providers: Provider[];
  services(options?: { keyring?: Keyring }): ReturnType<typeof createVerificationService>;
  dispatcher(options?: { store?: Store }): ReturnType<typeof createDispatcher>;
  /** The outbox rows of a verification as stored, oldest first. */
  jobsOf(verificationId: string): OutboxJob[];
  onlyJob(verificationId: string): OutboxJob;
  close(): Promise<void>;
}

/** A fresh store in a temporary folder with the app `app_acme`, and providers primary, backup. */
export async function openDispatcherTestbed(): Promise<DispatcherTestbed> {
  const dir = await mkdtemp(join(tmpdir(), 'otpd-dispatcher-'));
  const file = join(dir, 'otpd.db');
  const store = createSqliteStore(file);
  await store.migrate();
  const probe = new Database(file, { readonly: true });
  const clock = createFakeClock();
  const keyring = createHmacKeyring('x'.repeat(32));
  await store.createApp({ id: appId, name: 'Acme', createdAt: clock.now() });
  const primary = testProvider('primary');
  const backup = testProvider('backup');

  const bed: DispatcherTestbed = {
    dir,
    store,
    clock,
    primary,
    backup,
    providers: [primary, backup],
    services(options = {}) {
      return createVerificationService({
        store,
        keyring: options.keyring ?? keyring,
        clock,
        telemetry: noopTelemetry,
        logger,
        notifyOutbox: () => {},
        settingsFor: async () => defaultAppSettings(),
        gate: openSendGate(),
      });
    },
    dispatcher(options = {}) {
      const on = options.store ?? store;
      return createDispatcher({
        store: on,
        appName: async (id) => (await on.getApp(id))?.name,
        keyring,
        clock,
        logger,
        telemetry: noopTelemetry,
        providersFor: (_appId: string, _channel: Channel) => bed.providers,
        intervalMs: 1_000,
        leaseMs: LEASE_MS,
      });
    },
    jobsOf(verificationId) {
      const rows = probe
        .prepare('select * from outbox_jobs where verification_id = ? order by created_at, id')
        .all(verificationId) as OutboxJobsTable[];
      return rows.map(toJob);
    },
    onlyJob(verificationId) {
      const jobs = bed.jobsOf(verificationId);
      expect(jobs).toHaveLength(1);
      return jobs[0] as OutboxJob;
    },
    async close() {
      probe.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return bed;
}

/** The code a message's text carries. */
export const codeIn = (message: OutboundMessage | undefined): string => {
  const code = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1];
  if (!code) throw new Error(`no code in "${message?.body}"`);
  return code;
};
