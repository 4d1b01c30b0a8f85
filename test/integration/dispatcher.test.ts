import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSendGate } from '../../src/abuse/send-gate.ts';
import { createDispatcher } from '../../src/delivery/dispatcher.ts';
import {
  type OutboundMessage,
  type Provider,
  ProviderError,
} from '../../src/delivery/provider-ports.ts';
import type { Channel } from '../../src/kernel/recipients.ts';
import { createHmacKeyring } from '../../src/keyring/hmac-keyring.ts';
import { createLogger } from '../../src/observability/logger.ts';
import type { Keyring } from '../../src/ports/keyring.ts';
import type { OutboxJob, Store } from '../../src/ports/store.ts';
import { noopTelemetry } from '../../src/ports/telemetry.ts';
import { toJob } from '../../src/store/rows.ts';
import type { OutboxJobsTable } from '../../src/store/schema.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { createVerificationService } from '../../src/verification/verifications.ts';
import { defaultAppSettings } from '../helpers/app-settings.ts';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.ts';

const LEASE_MS = 30_000;
const logger = createLogger('silent');

/** What a scripted provider does with the n-th message it is handed (n from 1). */
type Behaviour = (message: OutboundMessage, call: number) => void;

interface TestProvider extends Provider {
  /** Every message it was handed, whether it accepted it or not. */
  calls: OutboundMessage[];
  /** The messages it accepted. */
  delivered: OutboundMessage[];
  behave(behaviour: Behaviour): void;
}

function testProvider(name: string, initial: Behaviour = () => {}): TestProvider {
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

const failing =
  (code: string, retryable: boolean): Behaviour =>
  () => {
    throw new ProviderError(code, retryable);
  };

describe('dispatcher', () => {
  let dir: string;
  let store: Store;
  let probe: Database.Database;
  let clock: FakeClock;
  let keyring: Keyring;
  let primary: TestProvider;
  let backup: TestProvider;
  /** The providers of every channel, in order; tests may replace the list. */
  let providers: Provider[];
  const appId = 'app_acme';

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otpd-dispatcher-'));
    const file = join(dir, 'otpd.db');
    store = createSqliteStore(file);
    await store.migrate();
    probe = new Database(file, { readonly: true });
    clock = createFakeClock();
    keyring = createHmacKeyring('x'.repeat(32));
    await store.createApp({ id: appId, name: 'Acme', createdAt: clock.now() });
    primary = testProvider('primary');
    backup = testProvider('backup');
    providers = [primary, backup];
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    probe.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  function services(options: { keyring?: Keyring } = {}) {
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
  }

  function dispatcher(options: { store?: Store } = {}) {
    return createDispatcher({
      store: options.store ?? store,
      keyring,
      clock,
      logger,
      telemetry: noopTelemetry,
      providersFor: (_appId: string, _channel: Channel) => providers,
      intervalMs: 1_000,
      leaseMs: LEASE_MS,
    });
  }

  /** The outbox rows of a verification as stored, oldest first. */
  function jobsOf(verificationId: string): OutboxJob[] {
    const rows = probe
      .prepare('select * from outbox_jobs where verification_id = ? order by created_at, id')
      .all(verificationId) as OutboxJobsTable[];
    return rows.map(toJob);
  }

  function onlyJob(verificationId: string): OutboxJob {
    const jobs = jobsOf(verificationId);
    expect(jobs).toHaveLength(1);
    return jobs[0] as OutboxJob;
  }

  const codeIn = (message: OutboundMessage | undefined): string => {
    const code = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1];
    if (!code) throw new Error(`no code in "${message?.body}"`);
    return code;
  };

  it('delivers a queued code that checks out', async () => {
    const v = await services().start({ id: appId }, { to: '+905551234567' });
    expect(await dispatcher().runOnce()).toBe(1);

    expect(primary.delivered).toHaveLength(1);
    expect(backup.calls).toHaveLength(0);
    expect(primary.delivered[0]).toMatchObject({
      appId,
      verificationId: v.id,
      channel: 'sms',
      to: '+905551234567',
      locale: 'en',
    });
    expect(primary.delivered[0]?.body).toContain('Acme');
    expect(onlyJob(v.id)).toMatchObject({ status: 'sent', codeCiphertext: null, attempts: 1 });
    expect(await store.getVerification(appId, v.id)).toMatchObject({
      deliveryStatus: 'sent',
      deliveryProvider: 'primary',
    });
    const outcome = await services().check(appId, v.id, codeIn(primary.delivered[0]));
    expect(outcome.valid).toBe(true);
    expect(await dispatcher().runOnce()).toBe(0);
  });

  it('fails over to the next provider in the same round', async () => {
    primary.behave(failing('rate_limited', true));
    const v = await services().start({ id: appId }, { to: '+905551234567' });

    expect(await dispatcher().runOnce()).toBe(1);
    expect(primary.calls).toHaveLength(1);
    expect(backup.delivered).toHaveLength(1);
    expect(backup.delivered[0]?.body).toBe(primary.calls[0]?.body);
    expect(onlyJob(v.id)).toMatchObject({ status: 'sent', codeCiphertext: null, attempts: 1 });
    expect(await store.getVerification(appId, v.id)).toMatchObject({
      status: 'pending',
      deliveryStatus: 'sent',
      deliveryProvider: 'backup',
    });
  });

  it('fails over past a non-retryable failure too', async () => {
    primary.behave(failing('unsupported_destination', false));
    const v = await services().start({ id: appId }, { to: '+905551234567' });
    await dispatcher().runOnce();
    expect(backup.delivered).toHaveLength(1);
    expect((await store.getVerification(appId, v.id))?.deliveryProvider).toBe('backup');
  });

  it('reschedules with backoff when every provider fails retryably, then delivers', async () => {
    // Jitter is drawn from Math.random; pin it so the schedule is exact.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    primary.behave(failing('timeout', true));
    backup.behave(failing('unavailable', true));
    const v = await services().start({ id: appId }, { to: '+905551234567' });
    const d = dispatcher();

    expect(await d.runOnce()).toBe(1);
    const first = onlyJob(v.id);
    // Attempt 1: half of the 1 s window.
    expect(first).toMatchObject({
      status: 'pending',
      attempts: 1,
      leaseUntil: null,
      nextAttemptAt: clock.now() + 500,
      lastError: 'backup: unavailable',
    });
    expect(first.codeCiphertext).not.toBeNull();
    expect(await store.getVerification(appId, v.id)).toMatchObject({
      status: 'pending',
      deliveryStatus: 'queued',
    });

    // Not due yet: nothing is tried again.
    clock.advance(499);
    expect(await d.runOnce()).toBe(0);
    expect(primary.calls).toHaveLength(1);

    clock.advance(1);
    expect(await d.runOnce()).toBe(1);
    expect(onlyJob(v.id)).toMatchObject({ attempts: 2, nextAttemptAt: clock.now() + 1_000 });

    backup.behave(() => {});
    clock.advance(1_000);
    expect(await d.runOnce()).toBe(1);
    expect(backup.delivered).toHaveLength(1);
    expect(onlyJob(v.id)).toMatchObject({ status: 'sent', attempts: 3, codeCiphertext: null });
    expect((await store.getVerification(appId, v.id))?.deliveryProvider).toBe('backup');
  });

  it('never schedules a retry past the expiry, and fails the verification when time runs out', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    primary.behave(failing('timeout', true));
    backup.behave(failing('timeout', true));
    const v = await services().start({ id: appId }, { to: '+905551234567', ttlSeconds: 60 });
    const d = dispatcher();

    let rounds = 0;
    while ((await store.getVerification(appId, v.id))?.status === 'pending') {
      expect(await d.runOnce()).toBe(1);
      rounds++;
      const job = onlyJob(v.id);
      if (job.status !== 'pending') break;
      expect(job.nextAttemptAt).toBeGreaterThan(clock.now());
      expect(job.nextAttemptAt).toBeLessThan(v.expiresAt);
      clock.set(job.nextAttemptAt);
    }
    // Delays of 990, 1980, 3960, 7920, 15840 ms fit in 60 s; the sixth (31680) would not.
    expect(rounds).toBe(6);
    expect(clock.now()).toBeLessThan(v.expiresAt);
    expect(onlyJob(v.id)).toMatchObject({
      status: 'failed',
      codeCiphertext: null,
      lastError: 'backup: timeout',
    });
    expect(await store.getVerification(appId, v.id)).toMatchObject({
      status: 'failed',
      reason: 'delivery_failed',
      deliveryStatus: 'failed',
    });
    expect([primary.calls.length, backup.calls.length]).toEqual([6, 6]);
  });

  it('fails the verification at once when every provider refuses for good', async () => {
    primary.behave(failing('invalid_number', false));
    backup.behave(failing('blocked', false));
    const v = await services().start({ id: appId }, { to: '+905551234567' });

    expect(await dispatcher().runOnce()).toBe(1);
    expect(onlyJob(v.id)).toMatchObject({
      status: 'failed',
      codeCiphertext: null,
      leaseUntil: null,
      lastError: 'backup: blocked',
    });
    expect(await store.getVerification(appId, v.id)).toMatchObject({
      status: 'failed',
      reason: 'delivery_failed',
    });
    clock.advance(LEASE_MS);
    expect(await dispatcher().runOnce()).toBe(0);
    expect(primary.calls).toHaveLength(1);
  });

  it('retries when any provider may succeed later, even if the last refused for good', async () => {
    primary.behave(failing('timeout', true));
    backup.behave(failing('invalid_number', false));
    const v = await services().start({ id: appId }, { to: '+905551234567' });
    await dispatcher().runOnce();
    expect(onlyJob(v.id)).toMatchObject({ status: 'pending', lastError: 'backup: invalid_number' });
    expect((await store.getVerification(appId, v.id))?.status).toBe('pending');
  });

  it('fails the verification when its channel has no provider', async () => {
    providers = [];
    const v = await services().start({ id: appId }, { to: '+905551234567' });
    await dispatcher().runOnce();
    expect(onlyJob(v.id)).toMatchObject({ status: 'failed', lastError: 'no_provider' });
    expect((await store.getVerification(appId, v.id))?.reason).toBe('delivery_failed');
  });

  it('keeps delivering the rest of a round when a provider crashes on one job', async () => {
    const poisoned = '+905551234567';
    const crash = (message: OutboundMessage) => {
      // Not a ProviderError, and thrown synchronously: a provider with a bug.
      if (message.to === poisoned) throw new TypeError('cannot read properties of undefined');
    };
    providers = [
      {
        name: 'buggy',
        send(message) {
          crash(message);
          return Promise.resolve({ providerMessageId: null });
        },
      },
    ];
    const service = services();
    const bad = await service.start({ id: appId }, { to: poisoned });
    const good = [
      await service.start({ id: appId }, { to: '+447911123456' }),
      await service.start({ id: appId }, { to: '+14155550100' }),
    ];

    expect(await dispatcher().runOnce()).toBe(3);
    for (const v of good) expect(onlyJob(v.id).status).toBe('sent');
    // A crash counts as retryable: the job stays queued with the error recorded.
    expect(onlyJob(bad.id)).toMatchObject({
      status: 'pending',
      lastError: 'buggy: provider_crashed',
      leaseUntil: null,
    });
    expect((await store.getVerification(appId, bad.id))?.status).toBe('pending');
  });

  it('fails an undecryptable job without holding up the others', async () => {
    const foreign = services({ keyring: createHmacKeyring('y'.repeat(32)) });
    const unreadable = await foreign.start({ id: appId }, { to: '+905551234567' });
    const service = services();
    const good = [
      await service.start({ id: appId }, { to: '+447911123456' }),
      await service.start({ id: appId }, { to: '+14155550100' }),
    ];

    expect(await dispatcher().runOnce()).toBe(3);
    expect(primary.delivered.map((m) => m.verificationId).sort()).toEqual(
      good.map((v) => v.id).sort(),
    );
    for (const v of good) expect(onlyJob(v.id).status).toBe('sent');
    expect(onlyJob(unreadable.id)).toMatchObject({
      status: 'failed',
      codeCiphertext: null,
      lastError: 'ciphertext_unreadable',
    });
    expect(await store.getVerification(appId, unreadable.id)).toMatchObject({
      status: 'failed',
      reason: 'delivery_failed',
    });
  });

  it('takes over a job whose dispatcher died once the lease ends', async () => {
    const v = await services().start({ id: appId }, { to: '+905551234567' });
    const dead = createSqliteStore(join(dir, 'otpd.db'));
    try {
      const taken = await dead.claimDueJobs(clock.now(), LEASE_MS, 10);
      expect(taken.map((j) => j.verificationId)).toEqual([v.id]);
    } finally {
      await dead.close();
    }

    const alive = dispatcher();
    clock.advance(LEASE_MS - 1);
    expect(await alive.runOnce()).toBe(0);
    expect(primary.calls).toHaveLength(0);

    clock.advance(1);
    expect(await alive.runOnce()).toBe(1);
    expect(primary.delivered).toHaveLength(1);
    expect(onlyJob(v.id)).toMatchObject({ status: 'sent', attempts: 2, codeCiphertext: null });
  });

  it('drops, unsent, the job of a verification canceled while the job was claimed', async () => {
    const service = services();
    const v = await service.start({ id: appId }, { to: '+905551234567' });
    // The cancel lands between the claim and the delivery, as it can with a real API.
    const racing: Store = {
      ...store,
      async claimDueJobs(now, leaseMs, limit) {
        const jobs = await store.claimDueJobs(now, leaseMs, limit);
        await service.cancel(appId, v.id);
        return jobs;
      },
    };

    expect(await dispatcher({ store: racing }).runOnce()).toBe(1);
    expect([primary.calls.length, backup.calls.length]).toEqual([0, 0]);
    expect(onlyJob(v.id)).toMatchObject({ status: 'canceled', codeCiphertext: null });
    expect(await store.getVerification(appId, v.id)).toMatchObject({
      status: 'canceled',
      reason: 'canceled_by_app',
      deliveryStatus: 'canceled',
    });
  });

  it('never claims the job of a verification canceled before the round', async () => {
    const service = services();
    const v = await service.start({ id: appId }, { to: '+905551234567' });
    await service.cancel(appId, v.id);
    expect(await dispatcher().runOnce()).toBe(0);
    expect([primary.calls.length, backup.calls.length]).toEqual([0, 0]);
    expect(onlyJob(v.id)).toMatchObject({ status: 'canceled', codeCiphertext: null });
  });

  it('drops the job of a verification that expired before delivery', async () => {
    const v = await services().start({ id: appId }, { to: '+905551234567', ttlSeconds: 60 });
    clock.advance(60_000);
    expect(await dispatcher().runOnce()).toBe(1);
    expect([primary.calls.length, backup.calls.length]).toEqual([0, 0]);
    expect(onlyJob(v.id)).toMatchObject({ status: 'canceled', codeCiphertext: null });
  });

  it('delivers only the newest code after a resend', async () => {
    const service = services();
    const v = await service.start({ id: appId }, { to: '+905551234567' });
    clock.advance(30_000);
    await service.resend(appId, v.id);
    expect(await dispatcher().runOnce()).toBe(1);
    expect(primary.delivered).toHaveLength(1);
    expect(jobsOf(v.id).map((j) => j.status)).toEqual(['canceled', 'sent']);
    const outcome = await service.check(appId, v.id, codeIn(primary.delivered[0]));
    expect(outcome.valid).toBe(true);
  });
});
