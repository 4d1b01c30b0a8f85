import type { SandboxMessage } from '../../ports/store.ts';
import type { CheckOutcome } from '../domain/verification.ts';
import { effectiveStatus } from '../domain/verification.ts';
import { iso } from '../domain/verification-view.ts';

export { verificationView } from '../domain/verification-view.ts';

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
