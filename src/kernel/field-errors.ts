import type { z } from 'zod';
import type { FieldError } from './errors.ts';

/**
 * One `FieldError` per offending field of a zod error, named by its dotted path under
 * `prefix`. An unknown key is named itself (zod reports it on its parent object), and a bad
 * record key says so.
 */
export function fieldErrors(error: z.ZodError, prefix: (string | number)[] = []): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    const name = (p: (string | number)[]) => p.join('.') || '(document)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: name([...path, key]), message: 'unknown field' }));
    }
    if (issue.code === 'invalid_key') {
      const inner = issue.issues[0]?.message ?? 'not allowed';
      return [{ field: name(path), message: `key ${inner}` }];
    }
    return [{ field: name(path), message: issue.message }];
  });
}
