import type { FastifyRequest } from 'fastify';
import { OtpdError } from '../kernel/errors.ts';

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

/** A node still to visit: its value, its key, and the node holding it (for naming it). */
interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
  depth: number;
}

/** `where.key.key…`, walking up from a node only once it is at fault. */
function fieldOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at; at = at.parent) keys.push(segment(at.key));
  return keys.reverse().join('.');
}

/**
 * The first part of a parsed input that nothing past the edge may see: nesting deeper than
 * `MAX_NESTING`, a number JSON wrote too large to represent (`1e400`), a NUL character or a
 * lone surrogate in a string or a key, a key that reaches prototypes. Walks with its own
 * stack, so no input overflows the call stack here; every node is visited once, and only a
 * fault's place is spelled out.
 */
export function findInputFault(value: unknown, where: string): InputFault | undefined {
  const pending: Visit[] = [{ value, key: where, parent: undefined, depth: 0 }];
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    const node = visit.value;
    if (typeof node === 'string') {
      const fault = textFault(node);
      if (fault) return { field: fieldOf(visit), message: fault };
      continue;
    }
    if (typeof node === 'number' && !Number.isFinite(node)) {
      return { field: fieldOf(visit), message: 'is a number too large to represent' };
    }
    if (typeof node !== 'object' || node === null) continue;
    const depth = visit.depth + 1;
    if (depth > MAX_NESTING) {
      const message = `nests objects or arrays deeper than ${MAX_NESTING} levels`;
      return { field: fieldOf(visit), message };
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        pending.push({ value: node[i], key: String(i), parent: visit, depth });
      }
      continue;
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const item = (node as Record<string, unknown>)[key];
      const child: Visit = { value: item, key, parent: visit, depth };
      const keyFault = prototypeKey(key, item)
        ? 'is a key that could change prototypes, which otpd refuses'
        : textFault(key);
      if (keyFault) return { field: fieldOf(child), message: keyFault };
      pending.push(child);
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
