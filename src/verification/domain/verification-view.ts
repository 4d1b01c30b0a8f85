import { effectiveStatus, resendAvailableAt, type VerificationRecord } from './verification.ts';

export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The public shape of a verification as of `now` (expiry shows even before it is stored): what
 * the API answers and what webhook events carry.
 */
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
