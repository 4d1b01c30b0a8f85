import { randomInt } from 'node:crypto';

export const MIN_CODE_LENGTH = 4;
export const MAX_CODE_LENGTH = 10;

/**
 * The longest code an app may give otpd to keep (Diyalog's `mokValue`): any text of 1 to 64
 * characters, not only digits. It is hashed and compared like otpd's own codes.
 */
export const MAX_GIVEN_CODE_LENGTH = 64;

export const isDigits = (text: string) => /^[0-9]+$/.test(text);

/**
 * A numeric code drawn uniformly from all `length`-digit strings, leading zeros included.
 * `crypto.randomInt` rejects out-of-range draws instead of taking a modulo, so no code is
 * likelier than another.
 */
export function generateCode(length: number): string {
  if (!Number.isInteger(length) || length < MIN_CODE_LENGTH || length > MAX_CODE_LENGTH) {
    throw new RangeError(`code length must be ${MIN_CODE_LENGTH}..${MAX_CODE_LENGTH}`);
  }
  return String(randomInt(0, 10 ** length)).padStart(length, '0');
}
