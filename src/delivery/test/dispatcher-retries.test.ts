import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { Store } from '../../ports/store.ts';
import {
  appId,
  type DispatcherTestbed,
  failing,
  LEASE_MS,
  openDispatcherTestbed,
  type TestProvider,
} from './dispatcher-testbed.ts';

describe('dispatcher: retries, backoff and failing a verification', () => {
  let bed: DispatcherTestbed;
  let store: Store;
  let clock: FakeClock;
  let primary: TestProvider;
  let backup: TestProvider;
  let services: DispatcherTestbed['services'];
  let dispatcher: DispatcherTestbed['dispatcher'];
  let onlyJob: DispatcherTestbed['onlyJob'];

  beforeEach(async () => {
    bed = await openDispatcherTestbed();
    ({ store, clock, primary, backup, services, dispatcher, onlyJob } = bed);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await bed.close();
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
    bed.providers = [];
    const v = await services().start({ id: appId }, { to: '+905551234567' });
    await dispatcher().runOnce();
    expect(onlyJob(v.id)).toMatchObject({ status: 'failed', lastError: 'no_provider' });
    expect((await store.getVerification(appId, v.id))?.reason).toBe('delivery_failed');
  });
});
