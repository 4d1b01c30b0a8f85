import type { FastifyRequest } from 'fastify';
import { OtpdError } from '../domain/errors.ts';

/**
 * How deeply objects and arrays may nest in a body. The deepest document otpd reads, an app's
 * settings, nests about 8 levels; past this, serialising, cloning and validating recurse
 * over the value and a crafted body could exhaust the stack.
 */
export const MAX_NESTING = 32;

export interface InputFault {
  /** Where, as validation errors name fields: `body.metadata.a`, `querystring.to`. */
  field: string;
  message: string;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why no store may keep this text: PostgreSQL refuses NUL; UTF-8 cannot hold a lone surrogate. */
function textFault(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'is not well-formed Unicode (it holds a lone surrogate)';
  return undefined;
}

/**
 * Keys that reach an object's prototype when a body is merged with `Object.assign` or a
 * naive deep merge: `__proto__` anywhere, `constructor` holding a `prototype`.
 */
function prototypeKey(key: string, value: unknown): boolean {
  if (key === '__proto__') return true;
  return (
    key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value
  );
}

// Keys are attacker-chosen and may be 60 KiB long; a field name quotes only their start.
const segment = (key: string) => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

/**
 * The first part of a parsed input that nothing past the edge may see: nesting deeper than
 * `MAX_NESTING`, a number JSON wrote too large to represent (`1e400`), a NUL character or a
 * lone surrogate in a string or a key, a key that reaches prototypes. Walks with its own stack, so no input overflows the
 * call stack here; every node is visited once.
 */
export function findInputFault(value: unknown, where: string): InputFault | undefined {
  const pending: Array<{ value: unknown; path: string[] }> = [{ value, path: [where] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: node, path } = next;
    const field = path.join('.');
    if (typeof node === 'string') {
      const fault = textFault(node);
      if (fault) return { field, message: fault };
      continue;
    }
    if (typeof node === 'number' && !Number.isFinite(node)) {
      return { field, message: 'is a number too large to represent' };
    }
    if (typeof node !== 'object' || node === null) continue;
    // path holds `where` and one key per enclosing level: its length is this node's depth.
    if (path.length > MAX_NESTING) {
      return { field, message: `nests objects or arrays deeper than ${MAX_NESTING} levels` };
    }
    const entries = Array.isArray(node)
      ? node.map((item, index) => [String(index), item] as const)
      : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i] as readonly [string, unknown];
      const keyFault = prototypeKey(key, item)
        ? 'is a key that could change prototypes, which otpd refuses'
        : textFault(key);
      if (keyFault) return { field: [...path, segment(key)].join('.'), message: keyFault };
      pending.push({ value: item, path: [...path, segment(key)] });
    }
  }
  return undefined;
}

/**
 * preValidation hook for every route: path parameters, query and body (JSON or form) are
 * refused with 400 `validation_failed` naming the place, before schemas, services or stores
 * recurse over them. Runs after authentication (onRequest), so strangers learn nothing.
 */
export async function refuseUnsafeInput(request: FastifyRequest): Promise<void> {
  const parts = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const;
  for (const [where, value] of parts) {
    const fault = findInputFault(value, where);
    if (fault) {
      throw new OtpdError('validation_failed', `${fault.field}: ${fault.message}`, {
        errors: [fault],
      });
    }
  }
}
