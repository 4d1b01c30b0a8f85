import type { GateSettings, SendGate } from '../abuse/send-gate.ts';
import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import type { EventSinks } from '../webhooks/event-announcer.ts';
import {
  type CheckOutcome,
  effectiveStatus,
  reasonNotPending,
  type VerificationRecord,
} from './domain/verification.ts';
import { MAX_ROUNDS, type VerificationRecords } from './verification-records.ts';
import type { VerificationStore } from './verification-store-ports.ts';

export interface CodeCheckDeps {
  store: Pick<VerificationStore, 'recordCheck'>;
  clock: Clock;
  telemetry: Telemetry;
  gate: Pick<SendGate, 'beforeCheck' | 'failedCheck' | 'approved'>;
  events?: Pick<EventSinks, 'forSettings'>;
  notifyWebhooks?: () => void;
}

/**
 * Checks a code against a verification: at most one counted attempt per evaluated code,
 * decided atomically by the store (I2). `isCodeValid` is the verdict of whoever owns the
 * code (see code-validation.ts). Every business outcome is a value. `settings` are the
 * app's as the caller read them once for this check: the gate and the events decide by them.
 */
export function createCodeCheck(
  deps: CodeCheckDeps,
  records: VerificationRecords,
  isCodeValid: (v: VerificationRecord, code: string) => Promise<boolean>,
) {
  const { store, clock, telemetry, gate } = deps;
  const { mustGet, settleExpired } = records;

  return async function checkRecord(
    first: VerificationRecord,
    code: string,
    clientIp: string | undefined,
    settings: GateSettings & Pick<AppSettings, 'webhooks'>,
  ): Promise<CheckOutcome> {
    // A destination whose failed checks are spent is refused before its code is compared,
    // so a refusal never tells whether the code was right. A test
    // number's checks are never counted, so never refused by these limits either.
    if (!first.test) await gate.beforeCheck(first.appId, settings, first.to, clientIp);
    let v = first;
    // A lost race re-reads; the verdict is asked again only if a resend replaced the code.
    let verdict: { sends: number; valid: boolean } | undefined;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = clock.now();
      const { status } = effectiveStatus(v, now);
      if (status !== 'pending') {
        await settleExpired(v, now);
        telemetry.verificationChecked(v.channel, status);
        return { verification: v, valid: false, reason: reasonNotPending(status) };
      }
      if (verdict?.sends !== v.sends)
        verdict = { sends: v.sends, valid: await isCodeValid(v, code) };
      const { valid } = verdict;
      const events = deps.events?.forSettings(v.appId, settings);
      const counted = await store.recordCheck({
        appId: v.appId,
        id: v.id,
        expectedSends: v.sends,
        valid,
        now,
        events,
      });
      if (counted && events && counted.status !== 'pending') deps.notifyWebhooks?.();
      if (counted) {
        telemetry.verificationChecked(counted.channel, counted.status);
        if (valid) {
          if (!counted.test) await gate.approved(counted.appId, settings, counted);
          return { verification: counted, valid: true, reason: null, counted: true };
        }
        // A wrong code this check evaluated (concurrent checks that lost the race to the
        // attempt counter evaluate nothing and count nothing) is counted against the
        // destination's failed-check limits before it is answered; past a limit the answer
        // is 429, which tells nothing about the code.
        if (!v.test) await gate.failedCheck(v.appId, settings, v.to, clientIp);
        const reason = counted.status === 'pending' ? 'incorrect_code' : 'max_attempts_reached';
        return { verification: counted, valid: false, reason, counted: true };
      }
      // Something changed between our read and our write (approval, resend, budget spent):
      // read again and decide on the new state.
      v = await mustGet(v.appId, v.id);
    }
    throw new OtpdError('service_unavailable', 'the verification is changing too fast; try again');
  };
}
