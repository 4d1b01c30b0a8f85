import type { CheckOutcome, VerificationRecord } from '../domain/verification.ts';
import { effectiveStatus, resendAvailableAt } from '../domain/verification.ts';
import type { SandboxMessage } from '../ports/store.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The public shape of a verification as of `now` (expiry shows even before it is stored). */
export function verificationView(v: VerificationRecord, now: number) {
  const { status, reason } = effectiveStatus(v, now);
  const canResend = status === 'pending' && v.sends < v.maxSends;
  return {
    id: v.id,
    appId: v.appId,
    to: v.to,
    channel: v.channel,
    locale: v.locale,
    status,
    reason,
    attempts: v.attempts,
    maxAttempts: v.maxAttempts,
    attemptsRemaining: Math.max(0, v.maxAttempts - v.attempts),
    sends: v.sends,
    maxSends: v.maxSends,
    createdAt: iso(v.createdAt),
    expiresAt: iso(v.expiresAt),
    resendAvailableAt: canResend ? iso(resendAvailableAt(v)) : null,
    approvedAt: v.approvedAt === null ? null : iso(v.approvedAt),
    txCode: v.txCode,
    deviceId: v.deviceId,
    messageId: v.messageId,
    metadata: v.metadata,
    test: v.test,
    delivery: {
      status: v.deliveryStatus,
      provider: v.deliveryProvider,
      updatedAt: iso(v.deliveryUpdatedAt),
    },
  };
}

export function checkView(outcome: CheckOutcome, now: number) {
  const v = outcome.verification;
  return {
    id: v.id,
    status: effectiveStatus(v, now).status,
    valid: outcome.valid,
    reason: outcome.reason,
    attemptsRemaining: Math.max(0, v.maxAttempts - v.attempts),
  };
}

export function sandboxMessageView(m: SandboxMessage) {
  return {
    id: m.id,
    verificationId: m.verificationId,
    to: m.to,
    channel: m.channel,
    body: m.body,
    createdAt: iso(m.createdAt),
  };
}
