import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isNetwork } from '../networks.ts';

/* The kinds of value a setting takes, each with the message a bad value gets: every setting
   arrives as an environment string (or a JSON file's value) and is checked the same way. */

/** A comma-separated list, each entry checked by `item`; unset or empty is no entries. */
export const commaList = (item: z.ZodString) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

/** A comma-separated list of CIDRs (a bare address is a network of one). */
export const cidrList = () =>
  commaList(
    z.string().refine(isNetwork, 'each entry must be a CIDR such as 10.0.0.0/8 or ::1/128'),
  );

/** true/false (also 1/0, yes/no); a JSON config file may give a boolean. */
export const flag = () =>
  z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])], {
      error: 'must be true or false',
    })
    .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

export const int = (min: number, max: number) => {
  const range = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: range }).int(range).min(min, range).max(max, range);
};

/** A path to a file otpd can read now; the message names the failure (no such file, no permission). */
export const readableFile = () =>
  z
    .string()
    .min(1)
    .superRefine((path, ctx) => {
      try {
        readFileSync(path);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        ctx.addIssue({ code: 'custom', message: `cannot read ${path} (${reason})` });
      }
    });
