import { phoneCountry } from '../kernel/phone-facts.ts';
import { isPhoneChannel } from '../kernel/recipients.ts';
import type { MessageAttempt, MessageLog } from '../message-log/message-log-ports.ts';
import type { Logger } from '../observability/logger.ts';
import type { OutboxJob } from '../ports/store.ts';
import type { VerificationRecord } from '../verification/domain/verification.ts';

/** One provider call's outcome, as the dispatcher saw it. */
export interface AttemptOutcome {
  provider: string;
  startedAt: number;
  endedAt: number;
  providerMessageId: string | null;
  /** The provider's stable error code; null when it took the message. */
  errorCode: string | null;
  /** The entry's id, when it was made first (`newId`) to be named in an event. */
  id?: string;
}

/**
 * Writes each provider attempt to the message log. Fail-open: the write runs beside the
 * delivery, never in front of it, so a slow or broken log neither delays nor fails a message;
 * a failed write is a warning in the process log and the entry is lost. The log batches its
 * writes, so a write settles once its batch has committed. `drain` waits for writes in
 * flight (at shutdown, before the log is closed).
 */
export function createAttemptRecorder(deps: {
  messageLog: Pick<MessageLog, 'recordAttempt'>;
  logger: Logger;
  newId: (nowMs: number) => string;
}) {
  const inFlight = new Set<Promise<void>>();

  return {
    /** An entry id to name before the entry is written (the `message.sent` event does). */
    newId: deps.newId,

    record(job: OutboxJob, v: VerificationRecord, outcome: AttemptOutcome): void {
      const attempt: MessageAttempt = {
        id: outcome.id ?? deps.newId(outcome.startedAt),
        appId: job.appId,
        verificationId: job.verificationId,
        channel: job.channel,
        to: job.to,
        country: !isPhoneChannel(job.channel) ? null : (phoneCountry(job.to) ?? null),
        provider: outcome.provider,
        providerMessageId: outcome.providerMessageId,
        status: outcome.errorCode === null ? 'sent' : 'failed',
        latencyMs: Math.max(0, outcome.endedAt - outcome.startedAt),
        errorCode: outcome.errorCode,
        txCode: v.txCode,
        deviceId: v.deviceId,
        messageId: v.messageId,
        createdAt: outcome.startedAt,
      };
      const write = deps.messageLog
        .recordAttempt(attempt)
        .catch((error) => {
          deps.logger.warn(
            { err: error instanceof Error ? error.message : String(error), jobId: job.id },
            'message log write failed; the delivery goes on (fail-open)',
          );
        })
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
    },

    async drain(): Promise<void> {
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type AttemptRecorder = ReturnType<typeof createAttemptRecorder>;
