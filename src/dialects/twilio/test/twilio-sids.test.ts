import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OtpdError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Logger } from '../../../observability/logger.ts';
import { nativeVerificationId, verificationSid } from '../sids.ts';
import { toTwilioError } from '../twilio-errors.ts';

describe('Twilio verification SIDs', () => {
  it('map native ids one to one, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (ms) => {
        const id = newId('ver', ms);
        const sid = verificationSid(id);
        expect(sid).toMatch(/^VE[0-9a-f]{32}$/);
        expect(nativeVerificationId(sid)).toBe(id);
      }),
    );
  });

  it('know nothing that is not a VE SID', () => {
    for (const sid of ['', 'VE123', `VA${'a'.repeat(32)}`, `VE${'G'.repeat(32)}`]) {
      expect(nativeVerificationId(sid)).toBeUndefined();
    }
  });
});

describe('Twilio error mapping', () => {
  const logger = { error() {} } as unknown as Logger;
  const map = (error: OtpdError, context: 'send' | 'check' | 'other' = 'send') => {
    const e = toTwilioError(error, context, logger, {} as never);
    return [e.twilioCode, e.status];
  };

  it('names refusals as Twilio does', () => {
    expect(map(new OtpdError('country_not_allowed', 'x'))).toEqual([60605, 403]);
    expect(map(new OtpdError('blocked_by_fraud_guard', 'x'))).toEqual([60410, 403]);
    expect(map(new OtpdError('invalid_recipient', 'x'))).toEqual([60200, 400]);
    expect(map(new OtpdError('verification_not_pending', 'x'))).toEqual([20404, 404]);
    expect(map(new OtpdError('max_sends_reached', 'x'))).toEqual([60203, 429]);
    expect(map(new OtpdError('resend_cooldown', 'x'))).toEqual([60212, 429]);
  });

  it('tells a send limit (60203) from a check limit (60202)', () => {
    const limited = new OtpdError('rate_limited', 'x', { retryAfterMs: 1500 });
    expect(map(limited, 'send')).toEqual([60203, 429]);
    expect(map(limited, 'check')).toEqual([60202, 429]);
    expect(toTwilioError(limited, 'send', logger, {} as never).retryAfterMs).toBe(1500);
  });
});
