import { describe, expect, it } from 'vitest';
import { statusOf } from '../../src/http/errors.ts';
import type { ErrorCode } from '../../src/kernel/errors.ts';
import { allTableRows, docFiles, read } from './markdown.ts';

/* The error tables of the pages (`| 404 | \`verification_not_found\` | …`) against the
   status each code is answered with. The codes are a closed union type, read here from its
   source since a type leaves nothing behind at run time. */

const union = /export type ErrorCode =([^;]+);/.exec(read('src/kernel/errors.ts'))?.[1] ?? '';
const CODES = [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] as ErrorCode);

const rows = docFiles().flatMap((file) =>
  allTableRows(read(file)).flatMap(([status = '', code = '']) => {
    const name = /^`([a-z_]+)`$/.exec(code)?.[1] as ErrorCode | undefined;
    return /^\d{3}$/.test(status) && name && CODES.includes(name)
      ? [[`${file}: ${name}`, name, Number(status)] as const]
      : [];
  }),
);

describe('the error tables of the pages', () => {
  it('are found, over the whole closed set of codes', () => {
    expect(CODES.length).toBeGreaterThan(40);
    expect(rows.length).toBeGreaterThan(40);
  });

  it.each(rows)('%s is answered with the status the table gives', (_where, code, status) => {
    expect(statusOf(code)).toBe(status);
  });

  it('name every error code otpd answers with, in a table or in the text', () => {
    const pages = docFiles().map(read).join('\n');
    const unnamed = CODES.filter((code) => !pages.includes(`\`${code}\``));
    expect(unnamed).toEqual([]);
  });
});
