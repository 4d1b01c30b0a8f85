import type { GateSettings, SendGate } from '../abuse/send-gate.ts';
import { newOutboxJob } from '../delivery/outbox-job.ts';
import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import type { Logger } from '../observability/logger.ts';
import type { Keyring } from '../ports/keyring.ts';
import { generateCode } from './domain/codes.ts';
import {
  effectiveStatus,
  resendAvailableAt,
  type VerificationRecord,
} from './domain/verification.ts';
import { MAX_ROUNDS, type VerificationRecords } from './verification-records.ts';
import type { VerificationStore } from './verification-store-ports.ts';

export interface ResendDeps {
  store: Pick<VerificationStore, 'resendVerification'>;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  notifyOutbox: () => void;
  /** The app's settings: read once per resend, for the gate's both steps. */
  settingsFor: (appId: string) => Promise<GateSettings>;
  gate: Pick<SendGate, 'beforeSend' | 'afterSend'>;
}

/**
 * Sends a verification a new code within its send budget and cooldown; the old code stops
 * working and the attempt budget carries over. The new code and its job commit together.
 */
export function createResend(deps: ResendDeps, records: VerificationRecords) {
  const { store, keyring, clock, logger, notifyOutbox, gate } = deps;
  const { mustGet, settleExpired } = records;

  return async function resend(
    appId: string,
    id: string,
    options: { clientIp?: string; settings?: GateSettings } = {},
  ): Promise<VerificationRecord> {
    const { settings: snapshot, ...request } = options;
    let v = await mustGet(appId, id);
    // A test number's resend is neither checked against geo nor guarded nor counted.
    let sendCounted = v.test;
    let settings: GateSettings | undefined;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = clock.now();
      const { status } = effectiveStatus(v, now);
      if (status !== 'pending') {
        await settleExpired(v, now);
        throw new OtpdError('verification_not_pending', `the verification is ${status}`, {
          verificationStatus: status,
        });
      }
      if (v.sends >= v.maxSends) {
        throw new OtpdError('max_sends_reached', `at most ${v.maxSends} codes per verification`, {
          limit: 'sendsPerVerification',
          retryAfterMs: v.expiresAt - now,
        });
      }
      const availableAt = resendAvailableAt(v);
      if (now < availableAt) {
        throw new OtpdError('resend_cooldown', 'a new code was sent moments ago', {
          limit: 'resendCooldown',
          retryAfterMs: availableAt - now,
        });
      }
      if (!sendCounted) {
        // After the verification's own limits, so a resend they refuse counts nothing;
        // once per request, however many rounds a race takes. Geo is asked again: the
        // app's settings may have changed since the create.
        settings = snapshot ?? (await deps.settingsFor(appId));
        await gate.beforeSend(appId, settings, { to: v.to, channel: v.channel, ...request });
        sendCounted = true;
      }
      const code = generateCode(v.codeLength);
      // A test verification keeps the fixed code it was created with; a sender that makes
      // its codes makes the new one too.
      const { hash, keyId } =
        v.test || v.externalCode
          ? { hash: v.codeHash, keyId: v.codeKeyId }
          : keyring.hashCode(v.id, code);
      const updated = await store.resendVerification({
        appId,
        id,
        expectedSends: v.sends,
        codeHash: hash,
        codeKeyId: keyId,
        job: newOutboxJob(keyring, v, code, now),
        now,
      });
      if (updated) {
        logger.info({ verificationId: id, appId, sends: updated.sends }, 'verification resent');
        notifyOutbox();
        if (!updated.test && settings) {
          await gate.afterSend(appId, settings, { to: v.to, channel: v.channel });
        }
        return updated;
      }
      v = await mustGet(appId, id);
    }
    throw new OtpdError('service_unavailable', 'the verification is changing too fast; try again');
  };
}
