/**
 * What a form shows for a JSON Schema node: the pure half of the settings form generator
 * (schema-form.tsx renders it). Nothing here knows a settings field: every decision comes
 * from the node's keywords and the server's annotations (`x-secret`, `x-secret-keys`,
 * `x-builtIn`, see src/console/http/settings-form-schema.ts).
 */
export type Schema = { [keyword: string]: unknown };
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Variant {
  /** The discriminator's value (a union), or the variant's kind (a choice). */
  value: string;
  title?: string;
  description?: string;
  schema: Schema;
}

export type Field =
  | { kind: 'object'; properties: [string, Schema][]; required: ReadonlySet<string> }
  | {
      kind: 'record';
      values: Schema;
      /** Keys whose values are secret (`x-secret-keys`). */
      secretKeys?: RegExp;
      /** Per key, the values used where the document leaves them out (`x-builtIn`). */
      builtIn?: Record<string, Record<string, unknown>>;
    }
  | { kind: 'union'; key: string; variants: Variant[] }
  | { kind: 'choice'; variants: Variant[] }
  | { kind: 'nullable'; inner: Schema }
  | { kind: 'enum'; options: (string | number)[] }
  | { kind: 'string'; secret: boolean; multiline: boolean }
  | { kind: 'number'; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'array'; items: Schema }
  | { kind: 'set'; options: (string | number)[] }
  | { kind: 'const'; value: unknown }
  | { kind: 'json' };

export const isSchema = (v: unknown): v is Schema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The node a `$ref` points at (`#/$defs/…` of `root`), or the node itself. */
export function resolve(node: Schema, root: Schema): Schema {
  const ref = typeof node.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1] : null;
  const defs = isSchema(root.$defs) ? root.$defs : {};
  if (!ref || !isSchema(defs[ref])) return node;
  const { $ref: _ref, ...siblings } = node;
  return { ...defs[ref], ...siblings };
}

const variantsOf = (node: Schema): Schema[] => {
  const list = node.oneOf ?? node.anyOf;
  return Array.isArray(list) ? list.filter(isSchema) : [];
};
const isNull = (node: Schema) => node.type === 'null';

/** The property every variant fixes with `const`: what tells a union's variants apart. */
function discriminatorOf(variants: Schema[]): string | undefined {
  const props = (v: Schema) => (isSchema(v.properties) ? v.properties : {});
  const [first] = variants;
  if (!first || variants.some((v) => v.type !== 'object')) return undefined;
  return Object.keys(props(first)).find((key) =>
    variants.every((v) => {
      const prop = props(v)[key];
      return isSchema(prop) && 'const' in prop;
    }),
  );
}

/** The JSON type a node stands for, for naming a choice's variants. */
function typeOf(node: Schema): string {
  if (typeof node.type === 'string') return node.type;
  if ('const' in node) return typeof node.const;
  if (Array.isArray(node.enum)) return typeof node.enum[0];
  return 'json';
}

/** A node that takes any JSON value: no type, or a union of every JSON type. */
function isAnyJson(node: Schema, variants: Schema[]): boolean {
  if (variants.length === 0) {
    return node.type === undefined && !('const' in node) && !node.enum && !node.properties;
  }
  const types = new Set(variants.map(typeOf));
  return ['string', 'number', 'boolean', 'array', 'object'].every((t) => types.has(t));
}

/** What the form shows for `node` (its `$ref` resolved against `root`). */
export function fieldOf(input: Schema, root: Schema): Field {
  const node = resolve(input, root);
  if ('const' in node) return { kind: 'const', value: node.const };
  if (Array.isArray(node.type)) {
    const types = node.type.filter((t) => t !== 'null');
    if (types.length === 1 && node.type.includes('null')) {
      return { kind: 'nullable', inner: { ...node, type: types[0] } };
    }
  }
  const variants = variantsOf(node).map((v) => resolve(v, root));
  if (isAnyJson(node, variants)) return { kind: 'json' };
  if (variants.length > 0) {
    const nonNull = variants.filter((v) => !isNull(v));
    if (nonNull.length < variants.length && nonNull.length === 1 && nonNull[0]) {
      const { anyOf: _a, oneOf: _o, ...outer } = node;
      return { kind: 'nullable', inner: { ...outer, ...nonNull[0] } };
    }
    const key = discriminatorOf(nonNull);
    if (key) {
      return {
        kind: 'union',
        key,
        variants: nonNull.map((v) => ({
          value: String(((v.properties as Schema)[key] as Schema).const),
          title: typeof v.title === 'string' ? v.title : undefined,
          description: typeof v.description === 'string' ? v.description : undefined,
          schema: v,
        })),
      };
    }
    return {
      kind: 'choice',
      variants: nonNull.map((v) => ({ value: typeOf(v), schema: v })),
    };
  }
  if (Array.isArray(node.enum)) return { kind: 'enum', options: node.enum as (string | number)[] };
  switch (node.type) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'integer':
    case 'number':
      return { kind: 'number', integer: node.type === 'integer' };
    case 'string':
      return {
        kind: 'string',
        secret: node['x-secret'] === true,
        // Long free text (a template) gets a text area; a URL or a patterned value stays one line.
        multiline:
          typeof node.maxLength === 'number' &&
          node.maxLength > 500 &&
          node.format === undefined &&
          node.pattern === undefined,
      };
    case 'array': {
      const items = isSchema(node.items) ? resolve(node.items, root) : {};
      if (Array.isArray(items.enum)) return { kind: 'set', options: items.enum as string[] };
      return { kind: 'array', items };
    }
    case 'object': {
      const properties = isSchema(node.properties) ? Object.entries(node.properties) : [];
      if (properties.length === 0 && isSchema(node.additionalProperties)) {
        return {
          kind: 'record',
          values: node.additionalProperties,
          secretKeys:
            typeof node['x-secret-keys'] === 'string'
              ? new RegExp(node['x-secret-keys'], 'i')
              : undefined,
          builtIn: isSchema(node['x-builtIn'])
            ? (node['x-builtIn'] as Record<string, Record<string, unknown>>)
            : undefined,
        };
      }
      return {
        kind: 'object',
        properties: properties.filter((e): e is [string, Schema] => isSchema(e[1])),
        required: new Set(Array.isArray(node.required) ? node.required.map(String) : []),
      };
    }
  }
  return { kind: 'json' };
}

/** A property's label: the node's title, else its key in words (`ttlSeconds` → "Ttl seconds"). */
export function labelOf(key: string, node: Schema): string {
  if (typeof node.title === 'string' && node.title) return node.title;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The hint under a field: its description, when it has one. */
export const hintOf = (node: Schema): string | undefined =>
  typeof node.description === 'string' && node.description ? node.description : undefined;

/**
 * A new value for a node: its default, else the least that satisfies it — an object with
 * its required properties, the first variant of a union, an empty list or map, null.
 */
export function initialOf(input: Schema, root: Schema): Json | undefined {
  const node = resolve(input, root);
  if ('default' in node) return structuredClone(node.default) as Json;
  const field = fieldOf(node, root);
  switch (field.kind) {
    case 'object': {
      const value: { [key: string]: Json } = {};
      for (const [key, child] of field.properties) {
        if (!field.required.has(key)) continue;
        const initial = initialOf(child, root);
        if (initial !== undefined) value[key] = initial;
      }
      return value;
    }
    case 'union':
      return field.variants[0] ? initialOf(field.variants[0].schema, root) : {};
    case 'choice':
      return field.variants[0] ? initialOf(field.variants[0].schema, root) : null;
    case 'const':
      return field.value as Json;
    case 'record':
      return {};
    case 'array':
    case 'set':
      return [];
    case 'nullable':
      return null;
    case 'enum':
      return field.options[0] ?? null;
    case 'boolean':
      return false;
    case 'string':
      return '';
    default:
      return undefined;
  }
}

/** Which of a choice's variants a value is in: by its JSON type, else the first. */
export function variantIndexOf(variants: readonly Variant[], value: unknown): number {
  const type = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? 'integer'
          : 'number'
        : typeof value;
  const exact = variants.findIndex((v) => v.value === type);
  if (exact >= 0) return exact;
  const loose = variants.findIndex((v) => type === 'integer' && v.value === 'number');
  return Math.max(0, loose);
}

/** A value switched to another union variant: the new variant's start, with what both share. */
export function switchVariant(value: unknown, variant: Variant, key: string, root: Schema): Json {
  const fresh = initialOf(variant.schema, root);
  const props = variant.schema.properties;
  if (!isSchema(fresh) || !isSchema(value) || !isSchema(props)) return fresh ?? null;
  const kept = Object.entries(value).filter(([name]) => name !== key && name in props);
  return { ...fresh, ...Object.fromEntries(kept) } as Json;
}

/** A typed text as a number; what is not one stays text, for the server to name it. */
export function numberFrom(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}
