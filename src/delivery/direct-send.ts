import type { AppStore } from '../apps/app-store-ports.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Logger } from '../observability/logger.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import type { VerificationRecord } from '../verification/domain/verification.ts';
import type {
  StartVerification,
  VerificationService,
  VerificationSettings,
} from '../verification/verifications.ts';
import type { EventSinks } from '../webhooks/event-announcer.ts';
import type { JobQueue } from '../workers/job-queue-ports.ts';
import type { AttemptRecorder } from './attempt-recorder.ts';
import { renderMessageBody } from './message-body.ts';
import { type Provider, ProviderError } from './provider-ports.ts';

export interface DirectSendDeps {
  verifications: Pick<VerificationService, 'startHandedOff' | 'get'>;
  store: Pick<JobQueue, 'completeJob' | 'failJob'> & Pick<AppStore, 'getApp'>;
  clock: Clock;
  logger: Logger;
  telemetry: Telemetry;
  /** Records the provider call in the message log (fail-open). */
  attempts: Pick<AttemptRecorder, 'record' | 'newId'>;
  /** The app's webhook subscriptions; without it no event is written. */
  events?: Pick<EventSinks, 'forSettings'>;
  /** Called after an event was committed, so webhook deliveries need not wait for a poll. */
  notifyWebhooks?: () => void;
}

/** How a direct send ended; the verification as stored afterwards. */
export type DirectSendOutcome = (
  | { status: 'sent'; verification: VerificationRecord }
  /** The provider refused or could not be reached: the verification is `failed`. */
  | { status: 'failed'; verification: VerificationRecord; errorCode: string; detail: string }
  /** A test number: nothing is sent, its fixed code works (as natively). */
  | { status: 'test'; verification: VerificationRecord }
) & {
  /** The code (a test number's fixed one), for a caller whose flow compares it itself. */
  code: string;
};

/**
 * Starts a verification and hands its code to a provider built for this one request (one
 * whose credentials otpd may not keep), instead of queueing it for the dispatcher. The
 * verification and its handed-off job commit first; the provider is called after, outside
 * any transaction (I4), once, with no retry or failover: at most once. The answer is
 * recorded like a dispatcher's: the message log, then `completeJob` or `failJob` (which
 * fails the verification with `delivery_failed`).
 */
export function createDirectSend(deps: DirectSendDeps) {
  const { verifications, store, clock, logger, telemetry } = deps;

  return async function sendDirect(
    app: { id: string },
    request: StartVerification,
    provider: Provider,
    options: { settings?: VerificationSettings } = {},
  ): Promise<DirectSendOutcome> {
    // The message is made from the settings the start read (or was handed): one revision
    // for the request.
    const {
      verification: v,
      code,
      job,
      settings,
    } = await verifications.startHandedOff(app, request, options);
    if (v.test) return { status: 'test', verification: v, code };

    const now = clock.now();
    const appName = (await store.getApp(app.id))?.name ?? 'otpd';
    const { body, locale } = renderMessageBody({
      verification: v,
      channel: v.channel,
      code,
      appName,
      settings,
      now,
    });
    const startedAt = clock.now();
    const messageLogId = deps.attempts.newId(startedAt);
    let failure: ProviderError | undefined;
    let providerMessageId: string | null = null;
    try {
      const receipt = await provider.send({
        appId: app.id,
        verificationId: v.id,
        channel: v.channel,
        to: v.to,
        body,
        locale,
        code,
        messageId: v.messageId,
        appName,
      });
      providerMessageId = receipt.providerMessageId;
    } catch (error) {
      failure =
        error instanceof ProviderError ? error : new ProviderError('provider_crashed', false);
      if (!(error instanceof ProviderError)) {
        logger.error({ jobId: job.id, provider: provider.name, err: error }, 'provider threw');
      }
    }
    const endedAt = clock.now();
    const logAttempt = () =>
      deps.attempts.record(job, v, {
        provider: provider.name,
        startedAt,
        endedAt,
        providerMessageId,
        errorCode: failure?.code ?? null,
        id: messageLogId,
      });
    telemetry.messageDispatched(v.channel, provider.name, failure ? 'failed' : 'sent');

    const events = deps.events?.forSettings(app.id, settings);
    if (!failure) {
      // Logged once the delivery is written, so a receipt reaches the verification too.
      try {
        await store.completeJob(
          job,
          { provider: provider.name, now: endedAt, messageLogId, providerMessageId },
          events,
        );
      } finally {
        logAttempt();
      }
      if (events) deps.notifyWebhooks?.();
      logger.info({ jobId: job.id, verificationId: v.id, provider: provider.name }, 'message sent');
      return { status: 'sent', verification: await verifications.get(app.id, v.id), code };
    }
    logAttempt();
    await store.failJob(job, `${provider.name}: ${failure.code}`, endedAt, events, provider.name);
    if (events) deps.notifyWebhooks?.();
    logger.warn(
      { jobId: job.id, verificationId: v.id, lastError: `${provider.name}: ${failure.code}` },
      'delivery failed',
    );
    return {
      status: 'failed',
      verification: await verifications.get(app.id, v.id),
      errorCode: failure.code,
      detail: failure.message,
      code,
    };
  };
}

export type DirectSend = ReturnType<typeof createDirectSend>;
