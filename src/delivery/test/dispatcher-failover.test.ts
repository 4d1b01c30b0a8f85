import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHmacKeyring } from '../../keyring/hmac-keyring.ts';
import type { Store } from '../../ports/store.ts';
import type { OutboundMessage } from '../provider-ports.ts';
import {
  appId,
  codeIn,
  type DispatcherTestbed,
  failing,
  openDispatcherTestbed,
  type TestProvider,
} from './dispatcher-testbed.ts';

describe('dispatcher: delivery and failover within a round', () => {
  let bed: DispatcherTestbed;
  let store: Store;
  let primary: TestProvider;
  let backup: TestProvider;
  let services: DispatcherTestbed['services'];
  let dispatcher: DispatcherTestbed['dispatcher'];
  let onlyJob: DispatcherTestbed['onlyJob'];

  beforeEach(async () => {
    bed = await openDispatcherTestbed();
    ({ store, primary, backup, services, dispatcher, onlyJob } = bed);
  });
  afterEach(() => bed.close());

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

  it('keeps delivering the rest of a round when a provider crashes on one job', async () => {
    const poisoned = '+905551234567';
    const crash = (message: OutboundMessage) => {
      // Not a ProviderError, and thrown synchronously: a provider with a bug.
      if (message.to === poisoned) throw new TypeError('cannot read properties of undefined');
    };
    bed.providers = [
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
});
