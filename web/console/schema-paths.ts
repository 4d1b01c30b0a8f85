import { fieldOf, isSchema, type Schema, variantIndexOf } from './schema-model.ts';

/**
 * Places of the document the form shows: JSON Pointers (RFC 6901), the element ids they go
 * by, and the field an error of the server belongs to.
 */

export type Path = readonly (string | number)[];

/** RFC 6901: `["a", 0, "b/c"]` → `/a/0/b~1c`. */
export const pointerOf = (path: Path): string =>
  path.map((t) => `/${String(t).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** A stable element id for a place of the document (letters, digits, `-`, `.` only). */
export const idOf = (pointer: string): string =>
  `sf${parsePointer(pointer)
    .map((t) => `.${t.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`)}`)
    .join('')}`;

function getIn(doc: unknown, path: Path): unknown {
  let current = doc;
  for (const token of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/**
 * The deepest place of `pointer` the form shows, reading the schema along the document: an
 * error on a place without a field of its own (an unknown key, a map's key, a list as a
 * whole) is shown at the fieldset that holds it.
 */
export function anchorOf(pointer: string, root: Schema, doc: unknown): string {
  const tokens = parsePointer(pointer);
  let node: Schema = root;
  let value: unknown = doc;
  let shown = 0;
  for (let at = 0; at <= tokens.length; at++) {
    let field = fieldOf(node, root);
    // Wrappers show their inner field at the same place.
    while (field.kind === 'nullable' || field.kind === 'choice' || field.kind === 'union') {
      if (field.kind === 'nullable') {
        // Switched off: the switch shows it.
        if (value === null || value === undefined) return pointerOf(tokens.slice(0, at));
        node = field.inner;
      } else if (field.kind === 'choice') {
        const variant = field.variants[variantIndexOf(field.variants, value)];
        if (!variant) break;
        node = variant.schema;
      } else {
        const chosen = isSchema(value) ? value[field.key] : undefined;
        const variant = field.variants.find((v) => v.value === chosen) ?? field.variants[0];
        if (!variant) break;
        node = variant.schema;
      }
      field = fieldOf(node, root);
    }
    shown = at;
    const token = tokens[at];
    if (token === undefined) break;
    let next: Schema | undefined;
    if (field.kind === 'object') {
      next = field.properties.find(([key]) => key === token)?.[1];
    } else if (field.kind === 'record') {
      next = isSchema(value) && Object.hasOwn(value, token) ? field.values : undefined;
    } else if (field.kind === 'array') {
      const index = Number(token);
      next = Array.isArray(value) && index < value.length ? field.items : undefined;
    }
    if (!next) break;
    node = next;
    value = getIn(value, [Array.isArray(value) ? Number(token) : token]);
  }
  return pointerOf(tokens.slice(0, shown));
}
