import { describe, expect, it } from 'vitest';
import { findInputFault, MAX_NESTING } from '../input-guard.ts';

/** `levels` objects, each holding the next under `a`. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('findInputFault', () => {
  it('walks a value nested a hundred thousand levels deep without overflowing the stack', () => {
    const fault = findInputFault(
      JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
      'body',
    );
    expect(fault?.message).toContain(`deeper than ${MAX_NESTING} levels`);
    expect(fault?.field.split('.')).toHaveLength(MAX_NESTING + 1);
  });

  it('accepts exactly MAX_NESTING levels and refuses one more, naming the deepest place', () => {
    expect(findInputFault(nested(MAX_NESTING), 'body')).toBeUndefined();
    const fault = findInputFault(nested(MAX_NESTING + 1), 'body');
    expect(fault?.field).toBe(['body', ...Array(MAX_NESTING).fill('a')].join('.'));
  });

  it('finds NUL, lone surrogates and infinite numbers in values and keys, and passes pairs', () => {
    expect(findInputFault({ list: ['ok', 'x\u0000'] }, 'body')).toEqual({
      field: 'body.list.1',
      message: 'contains a NUL character (U+0000)',
    });
    expect(findInputFault({ '\ud83d': 1 }, 'querystring')?.field).toBe('querystring.\ud83d');
    expect(findInputFault({ n: [Number.POSITIVE_INFINITY] }, 'body')?.field).toBe('body.n.0');
    expect(findInputFault({ emoji: '😀', text: 'çğış' }, 'body')).toBeUndefined();
  });

  it('refuses prototype keys but not a constructor that is plain data', () => {
    expect(findInputFault(JSON.parse('{"a":{"__proto__":1}}'), 'body')?.field).toBe(
      'body.a.__proto__',
    );
    expect(findInputFault({ constructor: { prototype: {} } }, 'body')?.field).toBe(
      'body.constructor',
    );
    expect(findInputFault({ constructor: 'Ada Lovelace' }, 'body')).toBeUndefined();
  });
});
