import { afterEach, beforeEach } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { outboxJob, verificationRecord } from '../../../test/helpers/records.ts';
import type { MessageAttempt, MessageLog } from '../../message-log/message-log-ports.ts';
import type { Store } from '../../ports/store.ts';
import type { VerificationRecord } from '../../verification/domain/verification.ts';
import type { VerificationStats } from '../analytics-ports.ts';
import { type AnalyticsService, createAnalyticsService } from '../analytics-service.ts';

/* What the analytics-*-contract.ts files share: the subject under test and its known data. */

export interface AnalyticsUnderTest {
  store: Store & VerificationStats;
  log: MessageLog;
  cleanup(): Promise<void>;
}

export const T0 = Date.parse('2026-03-01T00:00:00Z');
export const MIN = 60_000;
export const HOUR = 3_600_000;

/**
 * Opens a fresh subject with apps A, B and C before each test of the calling describe, hands
 * `bind` the analytics over it, and cleans it up after; `seed` writes the known data the exact
 * expectations are about.
 */
export function useAnalyticsWorld(
  open: () => Promise<AnalyticsUnderTest>,
  bind: (analytics: AnalyticsService) => void,
) {
  let subject: AnalyticsUnderTest;
  const clock = createFakeClock(T0 + 3 * HOUR);
  let n = 0;

  beforeEach(async () => {
    subject = await open();
    bind(createAnalyticsService({ store: subject.store, messageLog: subject.log, clock }));
    for (const id of ['app_a', 'app_b', 'app_c']) {
      await subject.store.createApp({ id, name: id, createdAt: T0 - HOUR });
    }
  });
  afterEach(() => subject.cleanup());

  async function verification(overrides: Partial<VerificationRecord>) {
    const v = verificationRecord({
      id: `ver_${++n}`,
      appId: 'app_a',
      to: `+9055512${String(10000 + n)}`,
      ...overrides,
    });
    await subject.store.createVerification(v, outboxJob(v, { id: `job_${n}` }));
  }

  /** One attempt; `deliveredAfter` adds a delivered receipt, `undelivered` a negative one. */
  async function attempt(
    overrides: Partial<MessageAttempt> & { createdAt: number },
    receipt?: {
      deliveredAfter?: number;
      undelivered?: boolean;
      price?: { amount: number; currency: string };
    },
  ) {
    const id = `msg_${String(++n).padStart(4, '0')}`;
    await subject.log.recordAttempt({
      id,
      appId: 'app_a',
      verificationId: `ver_m${n}`,
      channel: 'sms',
      to: '+905551200000',
      country: 'TR',
      provider: 'gw-a',
      providerMessageId: `pm_${n}`,
      status: 'sent',
      latencyMs: 30,
      errorCode: null,
      txCode: null,
      deviceId: null,
      messageId: null,
      ...overrides,
    });
    const appId = overrides.appId ?? 'app_a';
    if (receipt?.deliveredAfter !== undefined) {
      const at = overrides.createdAt + receipt.deliveredAfter;
      await subject.log.appendStatus(appId, id, {
        status: 'delivered',
        at,
        price: receipt.price,
      });
    }
    if (receipt?.undelivered) {
      const at = overrides.createdAt + 500;
      await subject.log.appendStatus(appId, id, { status: 'undelivered', at, error: '30003' });
    }
  }

  async function seed() {
    // Hour 0 of app A: one of each outcome, a pending one past expiry, a test number.
    await verification({ createdAt: T0 + MIN, status: 'approved', deliveryProvider: 'gw-a' });
    await verification({ createdAt: T0 + 2 * MIN, status: 'expired' });
    await verification({ createdAt: T0 + 3 * MIN, to: '+14155550100', status: 'pending' });
    await verification({
      createdAt: T0 + 4 * MIN,
      to: 'ada@example.com',
      channel: 'email',
      status: 'canceled',
    });
    await verification({ createdAt: T0 + 5 * MIN, status: 'max_attempts_reached' });
    await verification({ createdAt: T0 + 6 * MIN, status: 'approved', test: true });
    // Hour 1.
    await verification({
      createdAt: T0 + HOUR + MIN,
      to: '+447400123456',
      channel: 'whatsapp',
      status: 'approved',
    });
    await verification({ createdAt: T0 + HOUR + 2 * MIN, status: 'failed' });
    // Another app, and app A outside the range.
    await verification({ appId: 'app_b', createdAt: T0 + MIN, status: 'approved' });
    await verification({ createdAt: T0 - 1, status: 'approved' });
    await verification({ createdAt: T0 + 2 * HOUR, status: 'approved' });

    const usd = { amount: 0.0075, currency: 'USD' };
    await attempt({ createdAt: T0 + 1_000 }, { deliveredAfter: 200, price: usd });
    await attempt({ createdAt: T0 + 2_000 }, { deliveredAfter: 400, price: usd });
    await attempt(
      { createdAt: T0 + 3_000 },
      { deliveredAfter: 1_000, price: { amount: 0.05, currency: 'TRY' } },
    );
    await attempt({ createdAt: T0 + 4_000 }, { undelivered: true });
    await attempt({ createdAt: T0 + 5_000, status: 'failed', errorCode: 'gateway_down' });
    await attempt({ createdAt: T0 + 6_000 });
    await attempt(
      { createdAt: T0 + HOUR + 5_000, provider: 'gw-b', country: 'GB', channel: 'whatsapp' },
      { deliveredAfter: 300 },
    );
    await attempt({ appId: 'app_b', createdAt: T0 + 7_000 }, { deliveredAfter: 50 });
    await attempt({ createdAt: T0 + 2 * HOUR }, { deliveredAfter: 50 });
  }

  return {
    seed,
    attempt,
  };
}
