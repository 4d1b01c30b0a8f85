import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { outboxJob, verificationRecord } from '../../../test/helpers/records.ts';
import { createAttemptRecorder } from '../../delivery/attempt-recorder.ts';
import { createDispatcher } from '../../delivery/dispatcher.ts';
import { createHmacKeyring } from '../../keyring/hmac-keyring.ts';
import { createMessageIdSource } from '../../message-log/adapters/message-ids.ts';
import { createSqliteMessageLog } from '../../message-log/adapters/sqlite-message-log.ts';
import type { MessageAttempt, MessageLog } from '../../message-log/message-log-ports.ts';
import { createLogger } from '../../observability/logger.ts';
import type { OutboxJob, Store } from '../../ports/store.ts';
import { noopTelemetry } from '../../ports/telemetry.ts';
import { createSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { createReceiptService } from '../receipts.ts';

type ReceiptServiceDeps = Parameters<typeof createReceiptService>[0];

/** The receipt service over a real store and log, for an app with no failover to do. */
function receiptService(
  deps: Pick<ReceiptServiceDeps, 'store' | 'messageLog' | 'clock' | 'lookupDelaysMs'> &
    Partial<Pick<ReceiptServiceDeps, 'onMessageStatus'>>,
) {
  const channel = { providers: [], failoverOnUndelivered: false };
  return createReceiptService({
    ...deps,
    settingsFor: async () => ({
      channels: {
        sms: channel,
        whatsapp: channel,
        email: channel,
        messenger: channel,
        voice: channel,
      },
    }),
    providersFor: async () => [],
    keyring: createHmacKeyring('race-test-secret-0123456789abcdef0123'),
    logger: createLogger('silent'),
    notifyOutbox: () => {},
  });
}

/**
 * The message log is written beside the delivery, so a fast receipt can arrive before its
 * attempt is logged: the receipt waits a bounded while for it. Real SQLite store and log.
 */
describe('a receipt that beats its own message log entry', () => {
  let dir: string;
  let store: Store;
  let messageLog: MessageLog;
  const clock = createFakeClock();
  const v = verificationRecord({ id: 'ver_race', appId: 'app_race', createdAt: clock.now() });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'otpd-race-'));
    store = createSqliteStore(join(dir, 'otpd.db'));
    messageLog = createSqliteMessageLog(join(dir, 'messages.db'));
    await store.migrate();
    await messageLog.migrate();
    await store.createApp({ id: 'app_race', name: 'Race', createdAt: clock.now() });
    await store.createVerification(v, outboxJob(v, { id: 'job_race' }));
    const [claimed] = await store.claimDueJobs(clock.now(), 30_000, 1);
    await store.completeJob(claimed as OutboxJob, { provider: 'gw-a', now: clock.now() });
  });
  afterEach(async () => {
    await store.close();
    await messageLog.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const service = (
    lookupDelaysMs: number[],
    onMessageStatus?: ReceiptServiceDeps['onMessageStatus'],
  ) => receiptService({ store, messageLog, clock, lookupDelaysMs, onMessageStatus });

  const attempt = (): MessageAttempt => ({
    id: createMessageIdSource()(clock.now()),
    appId: v.appId,
    verificationId: v.id,
    channel: 'sms',
    to: v.to,
    country: 'TR',
    provider: 'gw-a',
    providerMessageId: 'pm-race',
    status: 'sent',
    latencyMs: 5,
    errorCode: null,
    txCode: null,
    deviceId: null,
    messageId: null,
    createdAt: clock.now(),
  });

  it('waits for the entry, then applies the receipt to it and to the verification', async () => {
    const receipts = service([20, 40, 80, 160, 320, 640]);
    const applying = receipts.apply(v.appId, ['gw-a'], 'pm-race', {
      status: 'delivered',
      at: clock.now() + 1,
    });
    // The attempt lands after the receipt began looking for it.
    await new Promise((r) => setTimeout(r, 30));
    await messageLog.recordAttempt(attempt());
    expect(await applying).toBe('applied');
    const [entry] = await messageLog.forVerification(v.appId, v.id);
    expect(entry?.timeline.map((e) => e.status)).toEqual(['sent', 'delivered']);
    expect((await store.getVerification(v.appId, v.id))?.deliveryStatus).toBe('delivered');
  });

  it('gives up after its bounded wait: an unknown message, nothing written', async () => {
    const receipts = service([5, 5]);
    expect(
      await receipts.apply(v.appId, ['gw-a'], 'pm-race', { status: 'delivered', at: clock.now() }),
    ).toBe('unknown_message');
    expect((await store.getVerification(v.appId, v.id))?.deliveryStatus).toBe('sent');
  });

  it('tells onMessageStatus of each stored status change, and of nothing else', async () => {
    const seen: string[] = [];
    const receipts = service([], (entry, event) => {
      seen.push(`${entry.status}:${event.status}`);
      throw new Error('a failing hook does not fail the receipt');
    });
    await messageLog.recordAttempt(attempt());
    const at = clock.now();
    expect(await receipts.apply(v.appId, ['gw-a'], 'pm-race', { status: 'queued', at })).toBe(
      'unchanged',
    );
    expect(await receipts.apply(v.appId, ['gw-a'], 'pm-race', { status: 'delivered', at })).toBe(
      'applied',
    );
    expect(await receipts.apply(v.appId, ['gw-a'], 'pm-race', { status: 'delivered', at })).toBe(
      'unchanged',
    );
    expect(seen).toEqual(['delivered:delivered']);
    expect((await store.getVerification(v.appId, v.id))?.deliveryStatus).toBe('delivered');
  });
});

/**
 * A receipt racing the dispatcher's own write: the gateway answers, and its receipt arrives
 * before the dispatcher has written the delivery down. The attempt is logged only after that
 * write, so the receipt waits for it and then reaches the verification too.
 */
describe('a receipt that beats the delivery write', () => {
  it('reaches the verification once the delivery is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otpd-race-'));
    const store = createSqliteStore(join(dir, 'otpd.db'));
    const messageLog = createSqliteMessageLog(join(dir, 'messages.db'));
    try {
      await store.migrate();
      await messageLog.migrate();
      const clock = createFakeClock();
      const keyring = createHmacKeyring('race-test-secret-0123456789abcdef0123');
      const logger = createLogger('silent');
      const v = verificationRecord({ id: 'ver_gate', appId: 'app_gate', createdAt: clock.now() });
      await store.createApp({ id: 'app_gate', name: 'Gate', createdAt: clock.now() });
      await store.createVerification(
        v,
        outboxJob(v, { id: 'job_gate', codeCiphertext: keyring.encrypt('123456', 'job_gate') }),
      );

      // The delivery write waits until the receipt has started looking for its entry.
      let openGate = () => {};
      const gate = new Promise<void>((resolve) => {
        openGate = resolve;
      });
      const gated: Store = {
        ...store,
        completeJob: async (...args) => {
          await gate;
          return store.completeJob(...args);
        },
      };
      let sent = () => {};
      const gatewayTook = new Promise<void>((resolve) => {
        sent = resolve;
      });
      const attempts = createAttemptRecorder({
        messageLog,
        logger,
        newId: createMessageIdSource(),
      });
      const dispatcher = createDispatcher({
        store: gated,
        appName: async (id) => (await gated.getApp(id))?.name,
        keyring,
        clock,
        logger,
        telemetry: noopTelemetry,
        providersFor: () => [
          {
            name: 'gw-a',
            async send() {
              sent();
              return { providerMessageId: 'pm-gate' };
            },
          },
        ],
        attempts,
        intervalMs: 1_000,
      });
      const receipts = receiptService({
        store,
        messageLog,
        clock,
        lookupDelaysMs: [20, 40, 80, 160, 320, 640],
      });

      const round = dispatcher.runOnce();
      await gatewayTook;
      const applying = receipts.apply(v.appId, ['gw-a'], 'pm-gate', {
        status: 'delivered',
        at: clock.now() + 1,
      });
      await new Promise((r) => setTimeout(r, 30));
      openGate();
      await round;
      await attempts.drain();
      expect(await applying).toBe('applied');
      const after = await store.getVerification(v.appId, v.id);
      expect(after).toMatchObject({ deliveryStatus: 'delivered', deliveryProvider: 'gw-a' });
    } finally {
      await store.close();
      await messageLog.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
