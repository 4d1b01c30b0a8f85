import { z } from 'zod';
import { normalizeRecipient } from '../../kernel/recipients.ts';
import { MAX_CODE_LENGTH, MIN_CODE_LENGTH } from './codes.ts';

/**
 * An app's test numbers: a create for one of them uses the fixed code, is never handed to a
 * provider (not even the sandbox), counts against no limit, and is marked `test: true`. For
 * app-store review accounts and automated tests; anyone who knows a test number and its code
 * passes its verification, so keep the list short and never use a real person's number.
 */
export const testNumberSchema = z
  .object({
    to: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number, e.g. +14155550100')
      .refine(isCanonicalNumber, 'must be a valid phone number written in E.164 as otpd does')
      .describe('The test number in E.164'),
    code: z
      .string()
      .regex(
        new RegExp(`^\\d{${MIN_CODE_LENGTH},${MAX_CODE_LENGTH}}$`),
        `must be ${MIN_CODE_LENGTH} to ${MAX_CODE_LENGTH} digits`,
      )
      .describe('The fixed code every verification of this number expects'),
  })
  .strict()
  .meta({ id: 'TestNumber' });

export const testNumbersSchema = z
  .array(testNumberSchema)
  .max(100)
  .refine(
    (list) => new Set(list.map((t) => t.to)).size === list.length,
    'must not list a number twice',
  )
  .default([])
  .describe(
    'Numbers with a fixed code: never sent (no provider, no sandbox), never counted by a ' +
      'limit, exempt from geo permissions; their verifications read `test: true`',
  );

export type TestNumbers = z.output<typeof testNumbersSchema>;

/** The fixed code of a normalized destination, or undefined when it is not a test number. */
export function testCodeFor(testNumbers: TestNumbers, to: string): string | undefined {
  return testNumbers.find((t) => t.to === to)?.code;
}

/** Only a number a create can produce (valid, canonical E.164) can ever match. */
function isCanonicalNumber(to: string): boolean {
  try {
    return normalizeRecipient(to, 'sms') === to;
  } catch {
    return false;
  }
}
