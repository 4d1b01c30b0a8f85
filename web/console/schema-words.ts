import { isSchema, labelOf, type Schema } from './schema-model.ts';

/**
 * A generated form's labels and hints in another language than the schema's own English.
 *
 * Labels go by property key: a label is the key in words, so one key reads the same wherever it
 * appears. Titles and descriptions go by their English text: a text the schema repeats (a
 * plug-in's fields under every channel) is translated once, and a text whose English changes
 * finds no entry and shows the new English instead of a translation of the old meaning.
 */
export interface SchemaWords {
  /** Labels by property key (`ttlSeconds`). */
  labels: Readonly<Record<string, string>>;
  /** Titles and descriptions by their English text. */
  texts: Readonly<Record<string, string>>;
}

/** An entry of a catalogue, never one of `Object.prototype`'s names; empty counts as none. */
const entryOf = (catalogue: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(catalogue, key) && catalogue[key] ? catalogue[key] : undefined;

const mapValues = (map: Schema, visit: (node: Schema, key: string) => Schema): Schema =>
  Object.fromEntries(
    Object.entries(map).map(([key, node]) => [key, isSchema(node) ? visit(node, key) : node]),
  );

/**
 * The schema as the form shows it in `words`: each property node titled with its key's label,
 * each title and description translated. What the catalogue lacks stays as the schema says it,
 * so the form falls back to English (labelOf turns an untitled key into words). Only the
 * keywords that hold schemas are followed: values (`default`, `x-builtIn`) are data.
 */
export function localizeSchema(root: Schema, words: SchemaWords | undefined): Schema {
  if (!words) return root;
  const text = (english: string) => entryOf(words.texts, english) ?? english;
  const visit = (node: Schema, key?: string): Schema => {
    const out: Schema = { ...node };
    if (typeof node.title === 'string') out.title = text(node.title);
    else if (key !== undefined) {
      const label = entryOf(words.labels, key);
      if (label) out.title = label;
    }
    if (typeof node.description === 'string') out.description = text(node.description);
    if (isSchema(node.properties)) {
      out.properties = mapValues(node.properties, (child, name) => visit(child, name));
    }
    // Their keys are patterns and definition names, not the document's keys: no label.
    for (const keyword of ['patternProperties', '$defs'] as const) {
      const map = node[keyword];
      if (isSchema(map)) out[keyword] = mapValues(map, (child) => visit(child));
    }
    for (const keyword of ['additionalProperties', 'items', 'not'] as const) {
      const child = node[keyword];
      if (isSchema(child)) out[keyword] = visit(child);
    }
    for (const keyword of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
      const list = node[keyword];
      if (Array.isArray(list)) out[keyword] = list.map((v) => (isSchema(v) ? visit(v) : v));
    }
    return out;
  };
  return visit(root);
}

/**
 * A property key's label in `words`, for places that name a key without its node (the trail of
 * an error in the summary); the key in words when the catalogue has none.
 */
export const keyLabel = (key: string, words: SchemaWords | undefined): string =>
  labelOf(key, { title: words ? entryOf(words.labels, key) : undefined });
