import { newId } from '../domain/ids.ts';
import type { VerificationRecord } from '../domain/verification.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { OutboxJob } from '../ports/store.ts';

/**
 * The send job for a verification's current code, due at once. The code travels only
 * encrypted, bound to the job's id (I1). A test number's job carries no code: the dispatcher
 * completes it without a provider (its code is fixed in the app's settings anyway). Nor does
 * the job of a code a sender makes itself: there is none to carry.
 */
export function newOutboxJob(
  keyring: Keyring,
  v: VerificationRecord,
  code: string,
  now: number,
): OutboxJob {
  const id = newId('job', now);
  return {
    id,
    appId: v.appId,
    verificationId: v.id,
    channel: v.channel,
    to: v.to,
    codeCiphertext: v.test || v.externalCode ? null : keyring.encrypt(code, id),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
  };
}
