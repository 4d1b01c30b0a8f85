import type { Writable } from 'node:stream';

/**
 * Counts the writes `stream` makes from now on: its `_write` and `_writev`, which a socket
 * turns into one system call each.
 */
export function countWrites(stream: Writable): () => number {
  let writes = 0;
  const target = stream as Writable & {
    _write: (...args: unknown[]) => void;
    _writev?: (...args: unknown[]) => void;
  };
  for (const method of ['_write', '_writev'] as const) {
    const original = target[method];
    if (!original) continue;
    target[method] = function (this: unknown, ...args: unknown[]) {
      writes++;
      return original.apply(this, args);
    };
  }
  return () => writes;
}
