import { describe, expect, it } from 'vitest';
import {
  effectiveStatus,
  reasonNotPending,
  resendAvailableAt,
  STATUSES,
  type VerificationRecord,
} from '../../src/domain/verification.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');

function record(overrides: Partial<VerificationRecord> = {}): VerificationRecord {
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
    createdAt: T0,
    updatedAt: T0,
    expiresAt: T0 + 600_000,
    lastSentAt: T0,
    approvedAt: null,
    txCode: null,
    deviceId: null,
    messageId: null,
    metadata: null,
    content: null,
    deliveryStatus: 'queued',
    deliveryProvider: null,
    deliveryUpdatedAt: T0,
    ...overrides,
  };
}

describe('effectiveStatus', () => {
  it('is pending until the last millisecond before expiry', () => {
    expect(effectiveStatus(record(), T0 + 599_999)).toEqual({ status: 'pending', reason: null });
  });

  it('is expired (ttl_elapsed) from the expiry instant on, before anything writes it down', () => {
    expect(effectiveStatus(record(), T0 + 600_000)).toEqual({
      status: 'expired',
      reason: 'ttl_elapsed',
    });
    expect(effectiveStatus(record(), T0 + 10 * 600_000).status).toBe('expired');
  });

  it('keeps a final status and its reason after the expiry', () => {
    const approved = record({ status: 'approved', reason: 'code_matched' });
    expect(effectiveStatus(approved, T0 + 700_000)).toEqual({
      status: 'approved',
      reason: 'code_matched',
    });
    const canceled = record({ status: 'canceled', reason: 'superseded' });
    expect(effectiveStatus(canceled, T0 + 700_000)).toEqual({
      status: 'canceled',
      reason: 'superseded',
    });
  });
});

describe('reasonNotPending', () => {
  it('explains every final status', () => {
    expect(reasonNotPending('approved')).toBe('already_approved');
    expect(reasonNotPending('expired')).toBe('expired');
    expect(reasonNotPending('canceled')).toBe('canceled');
    expect(reasonNotPending('max_attempts_reached')).toBe('max_attempts_reached');
    expect(reasonNotPending('failed')).toBe('failed');
  });

  it('has an answer for every status but pending, which can still be checked', () => {
    for (const status of STATUSES.filter((s) => s !== 'pending')) {
      expect(reasonNotPending(status)).toBeTruthy();
    }
    expect(() => reasonNotPending('pending')).toThrow();
  });
});

describe('resendAvailableAt', () => {
  it('is the last send plus the cooldown', () => {
    expect(resendAvailableAt(record({ lastSentAt: T0 + 5_000 }))).toBe(T0 + 35_000);
    expect(resendAvailableAt(record({ resendCooldownMs: 0 }))).toBe(T0);
  });
});
