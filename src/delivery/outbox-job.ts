import { newId } from '../kernel/ids.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { OutboxJob } from '../ports/store.ts';
import { type ChatMessage, serializeChatMessage } from '../verification/domain/chat-message.ts';
import type { VerificationRecord } from '../verification/domain/verification.ts';

/**
 * A pending job of `v` due at once, with a fresh id and nothing sealed in it; `fill` sets
 * what this kind of job carries (ciphertexts are bound to the id it is given) or how it starts.
 */
function newJob(
  v: VerificationRecord,
  now: number,
  fill: (id: string) => Partial<OutboxJob>,
): OutboxJob {
  const id = newId('job', now);
  return {
    id,
    appId: v.appId,
    verificationId: v.id,
    channel: v.channel,
    to: v.to,
    codeCiphertext: null,
    messageCiphertext: null,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: null,
    lastError: null,
    afterProvider: null,
    createdAt: now,
    updatedAt: now,
    ...fill(id),
  };
}

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
  afterProvider: string | null = null,
): OutboxJob {
  return newJob(v, now, (id) => ({
    codeCiphertext: v.test || v.externalCode ? null : keyring.encrypt(code, id),
    afterProvider,
  }));
}

/**
 * The send job of a chat message the app wrote (text, image, buttons), due at once. The
 * message travels encrypted beside the code, bound to the job's id: its text may quote the
 * code. A message with no code of the app's (`code` undefined) carries none.
 */
export function newChatMessageJob(
  keyring: Keyring,
  v: VerificationRecord,
  code: string | undefined,
  message: ChatMessage,
  now: number,
): OutboxJob {
  return newJob(v, now, (id) => ({
    codeCiphertext: code === undefined ? null : keyring.encrypt(code, id),
    messageCiphertext: keyring.encrypt(serializeChatMessage(message), id),
  }));
}

/**
 * The send job of a verification whose code the caller hands to a provider itself, right
 * after the commit: for a request that brings provider credentials otpd may not keep, so
 * the outbox cannot deliver it later. The job is recorded as already handed off: it carries
 * no ciphertext and is claimed by the caller from the start (one attempt, leased until the
 * verification expires), so no dispatcher ever sends it. The caller records the provider's
 * answer with `completeJob` or `failJob`, which hold the job by that attempt like any claim.
 * If the caller dies in between, the lease ends with the code's life and a dispatcher then
 * drops the job (a job without ciphertext is never sent): such a send is at most once.
 */
export function newHandedOffJob(v: VerificationRecord, now: number): OutboxJob {
  return newJob(v, now, () => ({ attempts: 1, leaseUntil: v.expiresAt }));
}
