import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const NATIVE = /^ver_[0-7][0-9a-hjkmnp-tv-z]{25}$/;
const SID = /^VE[0-9a-f]{32}$/;

/**
 * A native verification id (`ver_` + 26 Crockford base32 characters, the first below 8 for
 * any millisecond time before the year 10889) holds exactly 128 bits, so it maps one to one
 * onto a Twilio `VE` + 32 hex SID: nothing needs storing and the mapping never drifts.
 */
export function verificationSid(nativeId: string): string {
  if (!NATIVE.test(nativeId)) throw new Error(`not a native verification id: ${nativeId}`);
  let bits = 0n;
  for (const char of nativeId.slice(4)) bits = (bits << 5n) | BigInt(CROCKFORD.indexOf(char));
  return `VE${bits.toString(16).padStart(32, '0')}`;
}

/** The native id behind a `VE` SID, or undefined for anything that is not one. */
export function nativeVerificationId(sid: string): string | undefined {
  if (!SID.test(sid)) return undefined;
  let bits = BigInt(`0x${sid.slice(2)}`);
  let id = '';
  for (let i = 0; i < 26; i++) {
    id = CROCKFORD[Number(bits & 31n)] + id;
    bits >>= 5n;
  }
  return `ver_${id}`;
}

/** A stable `VL` SID for the n-th send of a verification (Twilio names each attempt). */
export function attemptSid(nativeId: string, index: number): string {
  const digest = createHash('sha256').update(`${nativeId}#${index}`).digest('hex');
  return `VL${digest.slice(0, 32)}`;
}
