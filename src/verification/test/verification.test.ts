import { describe, expect, it } from 'vitest';
import { verificationRecord as record, RECORD_T0 as T0 } from '../../../test/helpers/records.ts';
import {
  effectiveStatus,
  reasonNotPending,
  resendAvailableAt,
  STATUSES,
} from '../domain/verification.ts';

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
