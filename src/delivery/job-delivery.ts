import type { Clock } from '../kernel/clock.ts';
import type { Channel } from '../kernel/recipients.ts';
import type { Logger } from '../observability/logger.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { OutboxJob } from '../ports/store.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import { type ChatMessage, parseChatMessage } from '../verification/domain/chat-message.ts';
import { effectiveStatus, type VerificationRecord } from '../verification/domain/verification.ts';
import type { VerificationStore } from '../verification/verification-store-ports.ts';
import type { EventSinks } from '../webhooks/event-announcer.ts';
import type { JobQueue } from '../workers/job-queue-ports.ts';
import type { AttemptRecorder } from './attempt-recorder.ts';
import { backoffDelay } from './backoff.ts';
import { type MessageSettings, renderMessageBody } from './message-body.ts';
import { type Provider, ProviderError } from './provider-ports.ts';
import type { Release, Slots } from './slots.ts';

export interface JobDeliveryDeps {
  store: Pick<JobQueue, 'completeJob' | 'retryJob' | 'failJob' | 'cancelJob' | 'releaseJob'> &
    Pick<VerificationStore, 'getVerification'>;
  /** The name an app's messages are signed with (the apps service keeps it at hand). */
  appName: (appId: string) => Promise<string | undefined>;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  telemetry: Telemetry;
  /** The providers of an app's channel, in the order to try them. */
  providersFor: (appId: string, channel: Channel) => Provider[] | Promise<Provider[]>;
  /** An app's message settings; without it every message uses the built-in templates. */
  settingsFor?: (appId: string) => Promise<MessageSettings>;
  /** The app's webhook subscriptions; without it no event is written. */
  events?: Pick<EventSinks, 'forApp'>;
  /** Called after an event was committed, so webhook deliveries need not wait for a poll. */
  notifyWebhooks?: () => void;
  /** Records every provider attempt in the message log (fail-open); none when absent. */
  attempts?: Pick<AttemptRecorder, 'record' | 'drain' | 'newId'>;
}

/**
 * A failover job's providers: those after the one that failed to deliver. If the settings no
 * longer name it, every provider (the person still waits for a code).
 */
export function providersAfter(providers: Provider[], after: string | null): Provider[] {
  if (after === null) return providers;
  const index = providers.findIndex((p) => p.name === after);
  return index < 0 ? providers : providers.slice(index + 1);
}

/** The provider a test number's delivery names: none was called. */
export const TEST_DELIVERY = 'test';

/** Runs `call` holding a slot, and gives the slot back however it ends. */
async function holding<T>(release: Release, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } finally {
    release();
  }
}

/**
 * Delivers one claimed job through its channel's providers, in order, each call holding a
 * slot of its provider's route (`slots`). When the first provider is at its cap the job is
 * not started: it is released, due again after `busyDelayMs`. Provider calls happen outside
 * any transaction (I4); each outcome is written afterwards in its own short transaction.
 */
export function createJobDelivery(deps: JobDeliveryDeps & { slots: Slots; busyDelayMs: number }) {
  const { store, keyring, clock, logger, telemetry } = deps;

  /**
   * What a job carries, decrypted: its code, unless the sender makes it; the app's chat
   * message, when it wrote one (with its code, or none). `spent` when the code a job needs is
   * gone: a provider took it, or it was handed off. Throws when a ciphertext is unreadable.
   */
  function unseal(
    job: OutboxJob,
    v: VerificationRecord,
  ): { code?: string; chat?: ChatMessage } | 'spent' {
    const code =
      job.codeCiphertext === null ? undefined : keyring.decrypt(job.codeCiphertext, job.id);
    if (job.messageCiphertext !== null) {
      return { code, chat: parseChatMessage(keyring.decrypt(job.messageCiphertext, job.id)) };
    }
    if (v.externalCode) return {};
    return code === undefined ? 'spent' : { code };
  }

  /**
   * Records a job's end with the events it owes the app's webhooks, in one transaction; a
   * sender that made its own code leaves its `reference` for the validator.
   */
  async function settle(
    job: OutboxJob,
    outcome:
      | {
          provider: string;
          reference?: string | null;
          messageLogId?: string | null;
          providerMessageId?: string | null;
        }
      | { error: string; failedProvider: string | null },
    now: number,
  ): Promise<void> {
    const events = await deps.events?.forApp(job.appId);
    if (!('error' in outcome)) {
      // No reference from the sender leaves the one stored as it is.
      const { reference, ...logged } = outcome;
      await store.completeJob(job, { ...logged, now, reference: reference ?? undefined }, events);
    } else {
      await store.failJob(job, outcome.error, now, events, outcome.failedProvider);
    }
    if (events) deps.notifyWebhooks?.();
  }

  async function deliver(job: OutboxJob): Promise<void> {
    const now = clock.now();
    const v = await store.getVerification(job.appId, job.verificationId);
    if (v?.test && effectiveStatus(v, now).status === 'pending') {
      // A test number's code is fixed in its app's settings: it goes to no provider, not
      // even the sandbox, yet its delivery reads `sent` as a real one would, and the message
      // log shows it under provider `test`.
      await settle(job, { provider: TEST_DELIVERY }, now);
      deps.attempts?.record(job, v, {
        provider: TEST_DELIVERY,
        startedAt: now,
        endedAt: now,
        providerMessageId: null,
        errorCode: null,
      });
      logger.info({ jobId: job.id, verificationId: v.id }, 'test number: nothing sent');
      return;
    }
    if (!v || effectiveStatus(v, now).status !== 'pending') {
      await store.cancelJob(job, now);
      return;
    }
    let sealed: ReturnType<typeof unseal>;
    try {
      sealed = unseal(job, v);
    } catch {
      await settle(job, { error: 'ciphertext_unreadable', failedProvider: null }, now);
      logger.error({ jobId: job.id }, 'outbox job cannot be decrypted with any known key');
      return;
    }
    if (sealed === 'spent') {
      await store.cancelJob(job, now);
      return;
    }
    // A code the sender makes itself travels in no job: the sender is asked to make one, and
    // the text rendered below is not sent. A chat message goes as the app wrote it.
    const appName = (await deps.appName(job.appId)) ?? 'otpd';
    const { code, chat } = sealed;
    const { body, locale } = renderMessageBody({
      verification: v,
      channel: job.channel,
      code: code ?? '',
      appName,
      settings: await deps.settingsFor?.(job.appId),
      now,
    });
    const message = {
      appId: job.appId,
      verificationId: job.verificationId,
      channel: job.channel,
      to: job.to,
      body: chat?.text ?? (v.externalCode ? '' : body),
      locale,
      // Handed over with the body: gateways that take the code apart need it (I1: it leaves
      // the outbox only to a provider). A chat message without a code has an empty one.
      code: chat ? (code ?? '') : code,
      messageId: v.messageId,
      appName,
      chat: chat && { imageUrl: chat.imageUrl, buttons: chat.buttons },
    };

    let retryable = false;
    let lastError = 'no_provider';
    let lastProvider: string | null = null;
    // Only senders that agree on who makes the code (its settings may have changed since),
    // after the one a failover skips.
    const providers = providersAfter(
      await deps.providersFor(job.appId, job.channel),
      job.afterProvider,
    ).filter((p) => (p.generatesCode === true) === v.externalCode);
    for (const [i, provider] of providers.entries()) {
      const route = provider.route ?? provider.name;
      // Only a job's first call is put off at the cap; once a provider was tried, the job
      // waits for the next one's slot rather than lose its place in the failover.
      const release = i === 0 ? deps.slots.tryTake(route) : await deps.slots.take(route);
      if (!release) {
        const now = clock.now();
        await store.releaseJob(job, now + deps.busyDelayMs, now);
        logger.debug({ jobId: job.id, provider: provider.name }, 'provider busy; job put back');
        return;
      }
      const startedAt = clock.now();
      const messageLogId = deps.attempts?.newId(startedAt) ?? null;
      let taken = false;
      try {
        const receipt = await holding(release, () => provider.send(message));
        taken = true;
        const endedAt = clock.now();
        try {
          await settle(
            job,
            {
              provider: provider.name,
              reference: receipt?.reference,
              messageLogId,
              providerMessageId: receipt?.providerMessageId ?? null,
            },
            endedAt,
          );
        } finally {
          // Logged once the delivery is written: a receipt finds the entry only when the
          // verification already names this provider, so the receipt's status reaches it too.
          deps.attempts?.record(job, v, {
            provider: provider.name,
            startedAt,
            endedAt,
            providerMessageId: receipt?.providerMessageId ?? null,
            errorCode: null,
            ...(messageLogId === null ? {} : { id: messageLogId }),
          });
        }
        telemetry.messageDispatched(job.channel, provider.name, 'sent');
        logger.info(
          { jobId: job.id, verificationId: job.verificationId, provider: provider.name },
          'message sent',
        );
        return;
      } catch (error) {
        const failure =
          error instanceof ProviderError ? error : new ProviderError('provider_crashed', true);
        if (!(error instanceof ProviderError)) {
          logger.error({ jobId: job.id, provider: provider.name, err: error }, 'provider threw');
        }
        // Only the provider call is an attempt; a store error after it was logged as sent.
        if (!taken) {
          deps.attempts?.record(job, v, {
            provider: provider.name,
            startedAt,
            endedAt: clock.now(),
            providerMessageId: null,
            errorCode: failure.code,
          });
        }
        retryable ||= failure.retryable;
        lastError = `${provider.name}: ${failure.code}`;
        lastProvider = provider.name;
        telemetry.messageDispatched(job.channel, provider.name, 'failed');
      }
    }

    const after = clock.now();
    const nextAt = after + backoffDelay(job.attempts);
    if (retryable && nextAt < v.expiresAt) {
      await store.retryJob(job, nextAt, lastError, after);
      logger.warn({ jobId: job.id, lastError, nextAt }, 'delivery failed; will retry');
    } else {
      await settle(job, { error: lastError, failedProvider: lastProvider }, after);
      logger.warn(
        { jobId: job.id, verificationId: job.verificationId, lastError },
        'delivery failed',
      );
    }
  }
  return deliver;
}
