import { afterEach, beforeEach } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock.ts';
import { outboxJob, verificationRecord } from '../../../test/helpers/records.ts';
import { newDialectIds } from '../../dialects/domain/dialect-ids.ts';
import { newId } from '../../kernel/ids.ts';
import type { AppRecord, OutboxJob } from '../../ports/store.ts';
import type { VerificationRecord } from '../../verification/domain/verification.ts';
import type { KyselyStore } from '../kysely-store.ts';

/**
 * A store under test. `readJob` reads one outbox row as stored, whatever its status: the
 * port never hands back a finished job, yet its guarantees include erasing the ciphertext,
 * so each adapter supplies this one read-only probe (a single SELECT by id).
 */
export interface StoreUnderTest {
  store: KyselyStore;
  readJob: (id: string) => Promise<OutboxJob | undefined>;
  cleanup: () => Promise<void>;
}

/** What every test of a store contract starts from. */
export interface StoreFixture {
  subject: StoreUnderTest;
  store: KyselyStore;
  clock: FakeClock;
  /** The app the tests act for. */
  app: AppRecord;
  /** A second app, which must see nothing of the first (I5). */
  other: AppRecord;
}

export const LEASE_MS = 30_000;

/**
 * Sets up the calling describe block's tests: before each, a fresh migrated store from `open`,
 * a fake clock and two apps, handed to `bind` (which keeps the parts its tests use); after
 * each, the store's cleanup. Returns the helpers that make verifications and jobs on it.
 */
export function withStoreFixture(
  open: () => Promise<StoreUnderTest>,
  bind: (fixture: StoreFixture) => void,
) {
  let subject: StoreUnderTest;
  let store: KyselyStore;
  let clock: FakeClock;
  let app: AppRecord;

  beforeEach(async () => {
    subject = await open();
    store = subject.store;
    clock = createFakeClock();
    app = {
      id: newId('app', clock.now()),
      name: 'Acme',
      createdAt: clock.now(),
      dialects: newDialectIds(),
    };
    const other: AppRecord = {
      id: newId('app', clock.now()),
      name: 'Other',
      createdAt: clock.now() + 1,
      dialects: newDialectIds(),
    };
    await store.createApp(app);
    await store.createApp(other);
    bind({ subject, store, clock, app, other });
  });
  afterEach(() => subject.cleanup());

  // Each verification goes to a destination of its own, so none supersedes another unless a
  // test names the same `to`.
  let destinations = 0;
  function verification(overrides: Partial<VerificationRecord> = {}): VerificationRecord {
    const now = overrides.createdAt ?? clock.now();
    return verificationRecord({
      id: newId('ver', now),
      appId: app.id,
      to: `+90555123${String(4000 + destinations++).padStart(4, '0')}`,
      locale: 'tr',
      codeHash: 'hash-1',
      codeKeyId: 'key-1',
      txCode: 'TX-1',
      deviceId: 'device-1',
      messageId: 'message-1',
      metadata: { order: 42, tags: ['a', 'b'] },
      content: 'Code {{code}}',
      createdAt: now,
      ...overrides,
    });
  }

  function job(v: VerificationRecord, overrides: Partial<OutboxJob> = {}): OutboxJob {
    const now = overrides.createdAt ?? clock.now();
    return outboxJob(v, { id: newId('job', now), createdAt: now, ...overrides });
  }

  /** A pending verification with its first job, committed. */
  async function started(overrides: Partial<VerificationRecord> = {}) {
    const v = verification(overrides);
    const j = job(v);
    await store.createVerification(v, j);
    return { v, j };
  }

  /** Ids of every job due now, leasing them (so a second call sees none of them). */
  async function claimIds(now = clock.now()): Promise<string[]> {
    return (await store.claimDueJobs(now, LEASE_MS, 1_000)).map((j) => j.id).sort();
  }

  return { verification, job, started, claimIds };
}
