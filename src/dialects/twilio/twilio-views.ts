import {
  type CheckOutcome,
  effectiveStatus,
  type VerificationRecord,
} from '../../verification/domain/verification.ts';
import type { AppDialectIds } from '../domain/dialect-ids.ts';
import { attemptSid, verificationSid } from './sids.ts';

// Twilio writes times to the second, in UTC with a Z.
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Twilio calls the voice channel `call`. */
const twilioChannel = (channel: string) => (channel === 'voice' ? 'call' : channel);

/** A PSD2 field the create request kept in the metadata. */
function textOf(metadata: Record<string, unknown> | null, name: string): string | null {
  const value = metadata?.[name];
  return typeof value === 'string' ? value : null;
}

/** The fields a Verification and a VerificationCheck share. */
function common(v: VerificationRecord, ids: AppDialectIds, now: number) {
  return {
    sid: verificationSid(v.id),
    service_sid: ids.twilioServiceSid,
    account_sid: ids.twilioAccountSid,
    to: v.to,
    channel: twilioChannel(v.channel),
    status: effectiveStatus(v, now).status,
    valid: v.status === 'approved',
    amount: textOf(v.metadata, 'amount'),
    payee: textOf(v.metadata, 'payee'),
    date_created: iso(v.createdAt),
    date_updated: iso(v.updatedAt),
  };
}

/**
 * A Verification resource. otpd keeps the count of sends and the last send's time, so the
 * first attempt is dated at creation and later ones at the last send.
 */
export function twilioVerificationView(
  v: VerificationRecord,
  ids: AppDialectIds,
  now: number,
  baseUrl: string,
) {
  const sid = verificationSid(v.id);
  return {
    ...common(v, ids, now),
    lookup: { carrier: null },
    send_code_attempts: Array.from({ length: v.sends }, (_, i) => ({
      attempt_sid: attemptSid(v.id, i),
      channel: twilioChannel(v.channel),
      time: iso(i === 0 ? v.createdAt : v.lastSentAt),
    })),
    sna: null,
    url: `${baseUrl}/v2/Services/${ids.twilioServiceSid}/Verifications/${sid}`,
  };
}

/** A VerificationCheck resource. */
export function twilioCheckView(outcome: CheckOutcome, ids: AppDialectIds, now: number) {
  return {
    ...common(outcome.verification, ids, now),
    valid: outcome.valid,
    sna_attempts_error_codes: [],
  };
}
