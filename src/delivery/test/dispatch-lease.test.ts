import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAppSettings } from '../../../test/helpers/app-settings.ts';
import { waitUntil } from '../../../test/helpers/cluster.ts';
import { createTestDatabase } from '../../../test/helpers/postgres.ts';
import { openSendGate } from '../../abuse/send-gate.ts';
import { systemClock } from '../../kernel/clock.ts';
import { createHmacKeyring } from '../../keyring/hmac-keyring.ts';
import { createLogger } from '../../observability/logger.ts';
import type { Store } from '../../ports/store.ts';
import { noopTelemetry } from '../../ports/telemetry.ts';
import { createPostgresStore } from '../../store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { createVerificationService } from '../../verification/verifications.ts';
import { createDispatcher, type Dispatcher } from '../dispatcher.ts';
import type { OutboundMessage, Provider } from '../provider-ports.ts';

const logger = createLogger('silent');
const keyring = createHmacKeyring('lease-test-secret-0123456789abcdef');
/** Shorter than one send, as a lease configured below the slowest gateway would be. */
const LEASE_MS = 600;
const SEND_MS = 2_000;

/** Opens one database as two processes would: each its own store on the same data. */
type TwoStores = () => Promise<{ stores: [Store, Store]; drop(): Promise<void> }>;

const DATABASES: [string, TwoStores][] = [
  [
    'SQLite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'otpd-lease-'));
      const file = join(dir, 'otpd.db');
      const stores: [Store, Store] = [createSqliteStore(file), createSqliteStore(file)];
      return { stores, drop: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const database = await createTestDatabase();
      const stores: [Store, Store] = [
        createPostgresStore(database.url, { poolSize: 4 }),
        createPostgresStore(database.url, { poolSize: 4 }),
      ];
      return { stores, drop: () => database.drop() };
    },
  ],
];

/** A provider that takes `ms` to accept each message, or never answers with `'hang'`. */
function slowProvider(ms: number | 'hang') {
  const calls: OutboundMessage[] = [];
  let inFlight = 0;
  const provider: Provider & { calls: OutboundMessage[]; mostAtOnce: number } = {
    name: 'slow',
    calls,
    mostAtOnce: 0,
    async send(message) {
      calls.push(message);
      provider.mostAtOnce = Math.max(provider.mostAtOnce, ++inFlight);
      try {
        await new Promise((resolve) => {
          if (ms !== 'hang') setTimeout(resolve, ms);
        });
      } finally {
        inFlight--;
      }
      return { providerMessageId: `slow-${calls.length}` };
    },
  };
  return provider;
}

describe.each(DATABASES)('dispatch leases on %s', (_name, open) => {
  let stores: [Store, Store];
  let drop: () => Promise<void>;
  let running: Dispatcher[];
  const appId = 'app_lease';

  beforeEach(async () => {
    ({ stores, drop } = await open());
    await stores[0].migrate();
    await stores[1].migrate();
    await stores[0].createApp({ id: appId, name: 'Lease', createdAt: Date.now() });
    running = [];
  });
  afterEach(async () => {
    await Promise.all(running.map((d) => d.stop(0)));
    await Promise.all(stores.map((s) => s.close()));
    await drop();
  });

  function dispatcherOn(store: Store, provider: Provider, perProvider?: number): Dispatcher {
    const dispatcher = createDispatcher({
      perProvider,
      store,
      appName: async (id) => (await store.getApp(id))?.name,
      keyring,
      clock: systemClock,
      logger,
      telemetry: noopTelemetry,
      providersFor: () => [provider],
      intervalMs: 50,
      leaseMs: LEASE_MS,
    });
    running.push(dispatcher);
    return dispatcher;
  }

  async function queueOne(to = '+905551290001'): Promise<string> {
    const verifications = createVerificationService({
      store: stores[0],
      keyring,
      clock: systemClock,
      telemetry: noopTelemetry,
      logger,
      notifyOutbox: () => {},
      settingsFor: async () => defaultAppSettings(),
      gate: openSendGate(),
    });
    return (await verifications.start({ id: appId }, { to })).id;
  }

  it('never sends a job twice when its send outlasts the lease: the lease is renewed', async () => {
    const provider = slowProvider(SEND_MS);
    const id = await queueOne();
    const first = dispatcherOn(stores[0], provider);
    const second = dispatcherOn(stores[1], provider);
    first.start();
    await waitUntil(
      'the first dispatcher is sending',
      () => provider.calls.length === 1,
      5_000,
      10,
    );
    second.start();
    // Past the send and two more leases, the second dispatcher polling all along.
    await new Promise((resolve) => setTimeout(resolve, SEND_MS + 2 * LEASE_MS));
    expect(provider.calls).toHaveLength(1);

    await waitUntil(
      'the send is written down',
      async () => (await stores[1].getVerification(appId, id))?.deliveryStatus === 'sent',
      SEND_MS,
    );
    expect(provider.calls).toHaveLength(1);
  });

  it('stops within its grace with a send in flight, leaving the lease to lapse', async () => {
    const provider = slowProvider('hang');
    await queueOne();
    const dispatcher = dispatcherOn(stores[0], provider);
    dispatcher.start();
    await waitUntil('the send has begun', () => provider.calls.length === 1, 5_000, 10);

    const began = Date.now();
    await dispatcher.stop(200);
    expect(Date.now() - began).toBeLessThan(1_000);

    // No one renews the abandoned lease: once it lapses another dispatcher takes the job.
    const successor = slowProvider(0);
    dispatcherOn(stores[1], successor).start();
    await waitUntil('the job is taken over', () => successor.calls.length === 1, LEASE_MS * 4);
  });

  it('puts a job back unsent while its provider is at its cap, and sends it once a slot frees', async () => {
    const provider = slowProvider(300);
    const ids = [await queueOne('+905551290002'), await queueOne('+905551290003')];
    dispatcherOn(stores[0], provider, 1).start();
    await waitUntil(
      'both are sent',
      async () => {
        const read = await Promise.all(ids.map((id) => stores[0].getVerification(appId, id)));
        return read.every((v) => v?.deliveryStatus === 'sent');
      },
      5_000,
    );
    expect(provider.mostAtOnce).toBe(1);
    expect(provider.calls).toHaveLength(2);
  });
});
