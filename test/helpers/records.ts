import type { FraudDecision } from '../../src/abuse/domain/fraud.ts';
import { newId } from '../../src/kernel/ids.ts';
import type { OutboxJob } from '../../src/ports/store.ts';
import type { VerificationRecord } from '../../src/verification/domain/verification.ts';

/** The default creation time of the records built here. */
export const RECORD_T0 = Date.parse('2026-01-01T00:00:00Z');

/**
 * A pending sms verification as stored, with one send and nothing delivered yet. Its times
 * derive from `overrides.createdAt` (default `RECORD_T0`): expiry ten minutes later.
 */
export function verificationRecord(
  overrides: Partial<VerificationRecord> = {},
): VerificationRecord {
  const now = overrides.createdAt ?? RECORD_T0;
  return {
    id: 'ver_1',
    appId: 'app_1',
    to: '+905551234567',
    channel: 'sms',
    locale: null,
    status: 'pending',
    reason: null,
    codeHash: 'hash',
    codeKeyId: 'key',
    codeLength: 6,
    attempts: 0,
    maxAttempts: 5,
    sends: 1,
    maxSends: 5,
    resendCooldownMs: 30_000,
    createdAt: now,
    updatedAt: now,
    expiresAt: now + 600_000,
    lastSentAt: now,
    approvedAt: null,
    txCode: null,
    deviceId: null,
    messageId: null,
    metadata: null,
    content: null,
    deliveryStatus: 'queued',
    deliveryProvider: null,
    deliveryUpdatedAt: now,
    test: false,
    externalCode: false,
    codeReference: null,
    androidAppHash: null,
    chatCode: null,
    ...overrides,
  };
}

/**
 * A pending, unleased send job for `verification`, due at once. Its times derive from
 * `overrides.createdAt` (default: the verification's `createdAt`); its ciphertext names its id.
 */
export function outboxJob(
  verification: VerificationRecord,
  overrides: Partial<OutboxJob> = {},
): OutboxJob {
  const now = overrides.createdAt ?? verification.createdAt;
  const id = overrides.id ?? verification.id.replace(/^ver_/, 'job_');
  return {
    id,
    appId: verification.appId,
    verificationId: verification.id,
    channel: verification.channel,
    to: verification.to,
    codeCiphertext: `ciphertext-of-${id}`,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: null,
    lastError: null,
    afterProvider: null,
    messageCiphertext: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/**
 * A pumping-guard decision to block app_1's `+90555124` numbers, as stored: made at
 * `overrides.createdAt` (default `RECORD_T0`) and live for twelve hours after.
 */
export function fraudDecision(overrides: Partial<FraudDecision> = {}): FraudDecision {
  const createdAt = overrides.createdAt ?? RECORD_T0;
  return {
    id: newId('frd', createdAt),
    appId: 'app_1',
    prefix: '+90555124',
    country: 'TR',
    channel: 'sms',
    action: 'block',
    reasons: {
      sends: 30,
      approvals: 1,
      conversion: 0.0333,
      minSends: 30,
      minConversion: 0.1,
      windowSeconds: 3600,
      country: { code: 'TR', sends: 70, approvals: 40, conversion: 0.5714 },
    },
    createdAt,
    expiresAt: createdAt + 12 * 3_600_000,
    liftedAt: null,
    ...overrides,
  };
}
