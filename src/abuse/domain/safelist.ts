import { z } from 'zod';

/**
 * Numbers and prefixes an app trusts: a phone number that starts with an entry bypasses the
 * geo permissions and number types (and the SMS-pumping rules), never the attempt limits nor
 * the rate limits — a safelisted number can still be flooded or guessed at, so those stay.
 */
export const safelistSchema = z
  .array(
    z
      .string()
      .regex(/^\+[1-9]\d{0,14}$/, 'must be + and 1 to 15 digits: an E.164 number or its prefix'),
  )
  .max(1_000)
  .refine((entries) => new Set(entries).size === entries.length, 'must not repeat an entry')
  .default([])
  .describe(
    'E.164 numbers (`+905551234567`) or prefixes (`+90555`) that bypass geo permissions, ' +
      'number types and the SMS-pumping guard; attempt and rate limits still apply',
  );

/** Whether an E.164 number is on the safelist (equal to an entry, or starting with one). */
export function isSafelisted(safelist: readonly string[], e164: string): boolean {
  return safelist.some((entry) => e164.startsWith(entry));
}
