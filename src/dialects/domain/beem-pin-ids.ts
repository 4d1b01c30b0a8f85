import { randomBytesPooled } from '../../kernel/random-pool.ts';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const VERIFICATION_ID = /^ver_[0-9a-hjkmnp-tv-z]{26}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Beem's `pinId` is a UUID. A verification started through Beem gets an id (`ver_…`, see
 * ids.ts: 48 bits of milliseconds then 80 random bits) whose last 6 random bits are zero, so
 * it maps one to one onto a UUIDv7 (48 bits of milliseconds, the version and variant bits,
 * 74 random bits): the pinId is the verification id rewritten, with no look-up table, and
 * both forms keep sorting by creation time. 74 random bits is as hard to guess as a v4's 122
 * for this purpose: a pinId is only ever read under its own app's credentials.
 */
export function newBeemVerificationId(nowMs: number): string {
  const random = randomBytesPooled(10);
  // 74 random bits, then 6 zero bits.
  random[9] = (random[9] as number) & 0xc0;
  return `ver_${toCrockford((BigInt(nowMs) << 80n) | bytesToBigInt(random))}`;
}

/** The UUID a Beem-made verification id is shown as; other ids have none. */
export function pinIdOf(verificationId: string): string | undefined {
  if (!VERIFICATION_ID.test(verificationId)) return undefined;
  const bits = fromCrockford(verificationId.slice(4));
  if (bits >> 128n !== 0n || (bits & 0x3fn) !== 0n) return undefined;
  const time = bits >> 80n;
  const random = (bits & ((1n << 80n) - 1n)) >> 6n; // 74 bits
  const randA = random >> 62n; // 12 bits
  const randB = random & ((1n << 62n) - 1n);
  const uuid = (time << 80n) | (0x7n << 76n) | (randA << 64n) | (0b10n << 62n) | randB;
  const hex = uuid.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The verification a pinId names: a UUIDv7 made by `pinIdOf`, or a verification id as the
 * Beem dialect answered before its pinIds were UUIDs (those stay valid until they expire).
 */
export function verificationIdOfPin(pinId: string): string | undefined {
  const lower = pinId.toLowerCase();
  if (VERIFICATION_ID.test(pinId)) return pinId;
  if (!UUID_V7.test(lower)) return undefined;
  const uuid = BigInt(`0x${lower.replaceAll('-', '')}`);
  const time = uuid >> 80n;
  const randA = (uuid >> 64n) & 0xfffn;
  const randB = uuid & ((1n << 62n) - 1n);
  const random = ((randA << 62n) | randB) << 6n;
  return `ver_${toCrockford((time << 80n) | random)}`;
}

function bytesToBigInt(bytes: Buffer): bigint {
  return BigInt(`0x${bytes.toString('hex')}`);
}

/** 26 Crockford base32 characters, most significant first (130 bits; the top 2 are zero). */
function toCrockford(value: bigint): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < 26; i++) {
    out = CROCKFORD[Number(rest & 31n)] + out;
    rest >>= 5n;
  }
  return out;
}

function fromCrockford(text: string): bigint {
  let value = 0n;
  for (const char of text) value = (value << 5n) | BigInt(CROCKFORD.indexOf(char));
  return value;
}
