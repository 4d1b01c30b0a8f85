import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonPointer, resolvePointer } from '../json-pointer.ts';

/** The RFC 6901 section 5 example document. */
const rfc = {
  foo: ['bar', 'baz'],
  '': 0,
  'a/b': 1,
  'c%d': 2,
  'e^f': 3,
  'g|h': 4,
  'i\\j': 5,
  'k"l': 6,
  ' ': 7,
  'm~n': 8,
};

const escapeToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');

describe('resolvePointer', () => {
  it.each([
    ['', rfc],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ])('follows the RFC 6901 examples: %s', (pointer, expected) => {
    expect(resolvePointer(rfc, pointer)).toEqual(expected);
  });

  it.each([
    '/missing',
    '/foo/2',
    '/foo/01',
    '/foo/-',
    '/foo/length',
    '/foo/0/x',
    '/__proto__',
    '/constructor',
    '/toString',
  ])('finds nothing at %s', (pointer) => {
    expect(resolvePointer(rfc, pointer)).toBeUndefined();
  });

  it('keeps null and false apart from missing', () => {
    expect(resolvePointer({ ok: false, id: null }, '/ok')).toBe(false);
    expect(resolvePointer({ ok: false, id: null }, '/id')).toBeNull();
  });

  it('refuses text that is not a pointer', () => {
    for (const bad of ['ok', 'a/b', '/a~2', '/a~']) {
      expect(isJsonPointer(bad)).toBe(false);
      expect(() => resolvePointer({}, bad)).toThrow(/not a JSON pointer/);
    }
  });

  it('finds any key, whatever characters it holds, once escaped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1, maxLength: 4 }),
        fc.jsonValue(),
        (path, leaf) => {
          let document: unknown = leaf;
          for (const key of [...path].reverse()) document = { [key]: document };
          const pointer = path.map((key) => `/${escapeToken(key)}`).join('');
          expect(isJsonPointer(pointer)).toBe(true);
          const found = resolvePointer(document, pointer);
          expect(found).toEqual(leaf);
        },
      ),
    );
  });
});
