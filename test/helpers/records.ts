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
