import type { CompiledQuery, LogEvent } from 'kysely';
import { outboxJob, RECORD_T0, verificationRecord } from '../../../test/helpers/records.ts';
import type { EventSink, OutboxJob } from '../../ports/store.ts';
import { WEBHOOK_EVENTS } from '../../settings/domain/settings.ts';
import { deliveriesFor } from '../../webhooks/event-announcer.ts';
import type { KyselyStore } from '../kysely-store.ts';
import { LONGEST_CODE_LIFETIME_MS } from '../verification-queries.ts';

/** The tables every create, check and delivery writes; a scan of one grows with its history. */
export const HOT_TABLES = ['verifications', 'outbox_jobs', 'webhook_deliveries'] as const;

/** A statement the store ran, with the step of the hot path that ran it. */
export interface Recorded {
  step: string;
  query: CompiledQuery;
}

/**
 * Records what a Kysely instance runs (pass `log` to it), named by the step under way, keeping
 * only reads and writes of the hot tables: not `begin`, locks or the migrations.
 */
export function statementRecorder() {
  const recorded: Recorded[] = [];
  let current: string | undefined;
  const hot = new RegExp(`\\b(${HOT_TABLES.join('|')})\\b`);
  return {
    recorded,
    log(event: LogEvent) {
      const { sql } = event.query;
      if (current === undefined || !/^\s*(select|insert|update|delete|with)\b/i.test(sql)) return;
      if (hot.test(sql)) recorded.push({ step: current, query: event.query });
    },
    async step<T>(name: string, run: () => Promise<T>): Promise<T> {
      current = name;
      try {
        return await run();
      } finally {
        current = undefined;
      }
    },
  };
}

type Step = ReturnType<typeof statementRecorder>['step'];

const T0 = RECORD_T0;
const APP = 'app_1';
const TO = '+905551234567';

/**
 * Every hot statement once, on a store with an app and webhooks to every event: creates (the
 * second superseding the first), a wrong check, a claim and a sent job, a receipt's failover,
 * a resend, a finish, the webhook queue, and the look-ups by id, destination and message id.
 * Each step is named as the tests that read the plans name it.
 */
export async function runHotPath(store: KyselyStore, step: Step): Promise<void> {
  await store.createApp({ id: APP, name: 'Acme', createdAt: T0 });
  const hooks = [
    { url: 'https://hooks.example/otp', events: [...WEBHOOK_EVENTS], secret: 'unused' },
  ];
  const events: EventSink = (event) => deliveriesFor(APP, hooks, event, T0);
  const first = verificationRecord({ id: 'ver_1', to: TO, messageId: 'msg-1' });
  await step('create', () => store.createVerification(first, outboxJob(first), events));
  const second = verificationRecord({ id: 'ver_2', to: TO, createdAt: T0 + 1 });
  await step('supersede', () => store.createVerification(second, outboxJob(second), events));
  const now = T0 + 2;
  const counted = { appId: APP, id: second.id, expectedSends: 1, valid: false, now, events };
  await step('check', () => store.recordCheck(counted));
  const [job] = await step('claim jobs', () => store.claimDueJobs(now, 30_000, 10));
  await step('complete job', () =>
    store.completeJob(job as OutboxJob, { provider: 'gateway', now }, events),
  );
  const [delivery] = await step('claim webhooks', () =>
    store.claimDueWebhookDeliveries(now, 30_000, 10),
  );
  if (delivery) {
    const outcome = { status: 'delivered' as const, error: null, statusCode: 200 };
    await step('finish webhook', () => store.finishWebhookDelivery(delivery, outcome, now));
  }
  const receipt = { appId: APP, verificationId: second.id, provider: 'gateway', now };
  await step('receipt', () => store.recordDeliveryReceipt({ ...receipt, status: 'failed' }));
  const code = { codeHash: 'hash-2', codeKeyId: 'key' };
  const failoverJob = outboxJob(second, { id: 'job_2_failover', afterProvider: 'gateway' });
  await step('failover', () =>
    store.failoverVerification({
      appId: APP,
      id: second.id,
      failedProvider: 'gateway',
      ...code,
      job: failoverJob,
      now,
    }),
  );
  const later = now + 60_000;
  const resent = outboxJob(second, { id: 'job_2_resent', createdAt: later });
  await step('resend', () =>
    store.resendVerification({
      appId: APP,
      id: second.id,
      expectedSends: 2,
      ...code,
      job: resent,
      now: later,
    }),
  );
  await step('get', () => store.getVerification(APP, second.id));
  await step('latest', () => store.findLatestVerification(APP, TO));
  await step('by message id', () => store.findVerificationByMessageId(APP, 'msg-1'));
  await step('by message id and destination', () =>
    store.findVerificationByMessageId(APP, 'msg-1', TO),
  );
  await step('expired', () => store.listExpiredPending(T0 + LONGEST_CODE_LIFETIME_MS, 10));
  await step('finish', () =>
    store.finishVerification(APP, second.id, 'canceled', 'canceled_by_app', later, events),
  );
}
