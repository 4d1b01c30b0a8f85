import { z } from 'zod';
import { BUILT_IN_TEXTS } from '../../messenger/domain/messenger-texts.ts';
import { declaredMatch, SECRET_KEY } from '../../settings/domain/settings-secrets.ts';

/**
 * The settings document as the console's form is generated from it: the zod schema as JSON
 * Schema (what a PUT accepts, `io: 'input'`), with what the plug-ins say of themselves.
 *
 * - Each provider and validator variant carries its plug-in's `title` and `description`, and a
 *   channel's provider list offers only the plug-ins that deliver on that channel.
 * - `"x-secret": true` marks a field the settings store encrypted and read back masked (the
 *   rules of domain/settings-secrets.ts); a map whose values are secret when their key has a
 *   secret name (`Authorization`, `apiKey`, …) carries that rule as `"x-secret-keys"`.
 * - `"x-builtIn"` on a map gives, per key, the values otpd uses where the document leaves
 *   them out (the messenger's built-in texts), for placeholders and previews.
 * - `$ref`s are inlined but for recursive ones (`JsonValue`), so one place is one node.
 */
export type JsonSchema = { [keyword: string]: unknown };

export interface PluginInfo {
  type: string;
  name: string;
  description: string;
  channels?: readonly string[];
  secretFields?: readonly string[];
}

export interface FormSchemaInput {
  schema: z.ZodType;
  providers: readonly PluginInfo[];
  validators: readonly PluginInfo[];
}

const isNode = (v: unknown): v is JsonSchema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `$ref` to `#/$defs/X` replaced by a copy of X, except where X contains itself. */
export function inlineRefs(root: JsonSchema): JsonSchema {
  const defs = isNode(root.$defs) ? root.$defs : {};
  const kept = new Set<string>();
  const visit = (node: unknown, stack: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n, stack));
    if (!isNode(node)) return node;
    const ref = typeof node.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1] : null;
    if (ref && isNode(defs[ref])) {
      if (stack.includes(ref)) {
        kept.add(ref);
        return node;
      }
      const { $ref: _ref, ...siblings } = node;
      return visit({ ...defs[ref], ...siblings }, [...stack, ref]);
    }
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => key !== '$defs')
        .map(([key, value]) => [key, visit(value, stack)]),
    );
  };
  const inlined = visit(root, []) as JsonSchema;
  if (kept.size === 0) return inlined;
  // A kept definition is recursive: its inner references stay, its outer ones are inlined.
  const keptDefs = Object.fromEntries([...kept].map((name) => [name, visit(defs[name], [name])]));
  return { ...inlined, $defs: keptDefs };
}

/** The node of a property path, through `properties` only. */
function nodeAt(node: JsonSchema, path: readonly string[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = node;
  for (const key of path) {
    const next: unknown = isNode(current?.properties) ? current.properties[key] : undefined;
    current = isNode(next) ? next : undefined;
  }
  return current;
}

/** The variants of a union node, and the property whose `const` tells them apart. */
function discriminated(node: JsonSchema): { key: string; variants: JsonSchema[] } | undefined {
  const variants = (node.oneOf ?? node.anyOf) as unknown;
  if (!Array.isArray(variants) || variants.length === 0) return undefined;
  const objects = variants.filter(isNode);
  const props = (v: JsonSchema) => (isNode(v.properties) ? v.properties : {});
  const first = objects[0];
  if (!first) return undefined;
  const key = Object.keys(props(first)).find((name) =>
    objects.every((v) => isNode(props(v)[name]) && 'const' in (props(v)[name] as JsonSchema)),
  );
  return key === undefined ? undefined : { key, variants: objects };
}

const constOf = (variant: JsonSchema, key: string) =>
  String(((variant.properties as JsonSchema)[key] as JsonSchema).const);

/** A string, a nullable string, or a union with a string in it. */
function holdsString(node: JsonSchema): boolean {
  if (node.type === 'string') return true;
  if (Array.isArray(node.type) && node.type.includes('string')) return true;
  const variants = (node.anyOf ?? node.oneOf) as unknown;
  return Array.isArray(variants) && variants.some((v) => isNode(v) && v.type === 'string');
}

/** Who holds a place of the document, as domain/settings-secrets.ts decides its secrets. */
type Holder = { declared: string[][]; relative: string[] } | { explicit: true } | undefined;

function holderOf(path: readonly string[], type: string | undefined, input: FormSchemaInput) {
  const patterns = (plugins: readonly PluginInfo[]) =>
    (plugins.find((p) => p.type === type)?.secretFields ?? []).map((f) => f.split('.'));
  const [top, second, third] = path;
  if (top === 'channels' && third === 'providers' && path[3] === '*') {
    return { declared: patterns(input.providers), relative: path.slice(4) };
  }
  if (top === 'validator') return { declared: patterns(input.validators), relative: path.slice(1) };
  if (top === 'webhooks') return { declared: [], relative: path.slice(2) };
  if (top === 'dialects') return { declared: [], relative: path.slice(1) };
  if (top === 'messenger' && second === 'bot' && third === 'secret' && path.length === 3) {
    return { explicit: true } as const;
  }
  return undefined;
}

function secretAt(holder: Holder): boolean {
  if (!holder) return false;
  if ('explicit' in holder) return true;
  const { declared, relative } = holder;
  if (relative[0] === 'type') return false;
  return declaredMatch(declared, relative) || relative.some((s) => SECRET_KEY.test(s));
}

/** The form's JSON Schema of the settings document (see the file's comment). */
export function settingsFormSchema(input: FormSchemaInput): JsonSchema {
  const raw = z.toJSONSchema(input.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const root = inlineRefs(raw);

  const titled = (variant: JsonSchema, info: PluginInfo | undefined) => {
    if (info) return { ...variant, title: info.name, description: info.description };
    // `builtin`'s description reads "Name: what it does", as the registries write theirs.
    const [title, ...rest] = String(variant.description ?? '').split(': ');
    return rest.length > 0 ? { ...variant, title, description: rest.join(': ') } : variant;
  };

  const walk = (node: JsonSchema, path: readonly string[], type?: string): JsonSchema => {
    const holder = holderOf(path, type, input);
    if (holdsString(node) && secretAt(holder)) return { ...node, 'x-secret': true };
    const out: JsonSchema = { ...node };
    const union = discriminated(node);
    if (union) {
      const list = node.oneOf ? 'oneOf' : 'anyOf';
      const channel = path[0] === 'channels' && path[2] === 'providers' ? path[1] : undefined;
      const plugins = channel ? input.providers : path[0] === 'validator' ? input.validators : [];
      out[list] = union.variants
        .filter((variant) => {
          const info = plugins.find((p) => p.type === constOf(variant, union.key));
          return !channel || !info?.channels || info.channels.includes(channel);
        })
        .map((variant) => {
          const value = constOf(variant, union.key);
          const info = plugins.find((p) => p.type === value);
          return walk(titled(variant, info), path, value);
        });
      return out;
    }
    for (const list of ['anyOf', 'oneOf', 'allOf'] as const) {
      if (Array.isArray(node[list])) {
        out[list] = (node[list] as unknown[]).map((v) => (isNode(v) ? walk(v, path, type) : v));
      }
    }
    if (isNode(node.properties)) {
      out.properties = Object.fromEntries(
        Object.entries(node.properties).map(([key, value]) => [
          key,
          isNode(value) ? walk(value, [...path, key], type) : value,
        ]),
      );
    }
    if (isNode(node.additionalProperties)) {
      const values = walk(node.additionalProperties, [...path, '*'], type);
      out.additionalProperties = values;
      if (holder && !values['x-secret'] && holdsString(values) && !values.enum) {
        out['x-secret-keys'] = SECRET_KEY.source;
      }
    }
    if (isNode(node.items)) out.items = walk(node.items, [...path, '*'], type);
    return out;
  };

  const annotated = walk(root, []);
  const texts = nodeAt(annotated, ['messenger', 'texts']);
  if (texts) texts['x-builtIn'] = BUILT_IN_TEXTS;
  return { title: 'App settings', ...annotated };
}
