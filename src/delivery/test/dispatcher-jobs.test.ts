import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeClock } from '../../../test/helpers/fake-clock.ts';
import type { Store } from '../../ports/store.ts';
import { createSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import {
  appId,
  codeIn,
  type DispatcherTestbed,
  LEASE_MS,
  openDispatcherTestbed,
  type TestProvider,
} from './dispatcher-testbed.ts';

describe('dispatcher: leases, canceled, expired and resent jobs', () => {
  let bed: DispatcherTestbed;
  let dir: string;
  let store: Store;
  let clock: FakeClock;
  let primary: TestProvider;
  let backup: TestProvider;
  let services: DispatcherTestbed['services'];
  let dispatcher: DispatcherTestbed['dispatcher'];
  let jobsOf: DispatcherTestbed['jobsOf'];
  let onlyJob: DispatcherTestbed['onlyJob'];

  beforeEach(async () => {
    bed = await openDispatcherTestbed();
    ({ dir, store, clock, primary, backup, services, dispatcher, jobsOf, onlyJob } = bed);
  });
  afterEach(() => bed.close());

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
