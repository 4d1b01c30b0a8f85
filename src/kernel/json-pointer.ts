/**
 * RFC 6901 JSON Pointers, read-only: where a gateway's answer keeps its verdict or its
 * message id (`/ok`, `/messages/0/id`). Only own properties are followed, so `/__proto__`
 * or `/constructor` never reach into JavaScript internals.
 */

/** A pointer is `""` (the whole document) or a sequence of `/`-prefixed reference tokens. */
export function isJsonPointer(pointer: string): boolean {
  return pointer === '' || (pointer.startsWith('/') && !/~[^01]|~$/.test(pointer));
}

function tokens(pointer: string): string[] {
  if (!isJsonPointer(pointer)) throw new Error(`"${pointer}" is not a JSON pointer`);
  if (pointer === '') return [];
  // ~1 before ~0, as the RFC says, so that `~01` becomes `~1` and not `/`.
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/** The value `pointer` refers to in `document`, or `undefined` when there is none. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  let current: unknown = document;
  for (const token of tokens(pointer)) {
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(token)) return undefined;
      current = current[Number(token)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return current;
}
