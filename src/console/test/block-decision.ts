import type { FraudDecision } from '../../abuse/domain/fraud.ts';

const HOUR_MS = 3_600_000;

/**
 * A decision of the SMS-pumping guard as it records one: `+90555124` blocked for SMS for 12
 * hours from `now`, 48 sends and 2 approvals against Türkiye's 54 % conversion.
 */
export const blockDecision = (
  appId: string,
  now: number,
  overrides: Partial<FraudDecision>,
): FraudDecision => ({
  id: 'frd_x',
  appId,
  prefix: '+90555124',
  country: 'TR',
  channel: 'sms',
  action: 'block',
  reasons: {
    sends: 48,
    approvals: 2,
    conversion: 0.0417,
    minSends: 30,
    minConversion: 0.1,
    windowSeconds: 3600,
    country: { code: 'TR', sends: 130, approvals: 70, conversion: 0.5385 },
  },
  createdAt: now,
  expiresAt: now + 12 * HOUR_MS,
  liftedAt: null,
  ...overrides,
});
