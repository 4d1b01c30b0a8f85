import { describe, expect, it } from 'vitest';
import {
  fieldOf,
  hintOf,
  isSchema,
  labelOf,
  type Schema,
} from '../../../web/console/schema-model.ts';
import { keyLabel, localizeSchema } from '../../../web/console/schema-words.ts';
import { settingsSchemaWords } from '../../../web/console/settings-schema-words.ts';
import {
  createProviderRegistry,
  PROVIDER_PLUGINS,
} from '../../delivery/adapters/provider-registry.ts';
import { createSettingsSchema } from '../../settings/domain/settings.ts';
import {
  createValidatorRegistry,
  VALIDATOR_PLUGINS,
} from '../../verification/adapters/validator-registry.ts';
import { settingsFormSchema } from '../http/settings-form-schema.ts';

/** The schema GET /console/api/settings/schema answers, built the way its route builds it. */
function formSchema(): Schema {
  // Only the registries' schemas and metadata are read: no plug-in is created.
  const providers = createProviderRegistry(PROVIDER_PLUGINS, {} as never);
  const validators = createValidatorRegistry(VALIDATOR_PLUGINS, {} as never);
  return settingsFormSchema({
    schema: createSettingsSchema(providers.entrySchema, validators.entrySchema),
    providers: providers.metadata,
    validators: validators.metadata,
  });
}

/** Keywords whose values are data, not schemas: nothing in them is a label or a hint. */
const DATA = new Set(['default', 'const', 'enum', 'examples', 'x-builtIn']);
/** Keywords whose values map names to schemas; only `properties` names document keys. */
const MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

interface Property {
  key: string;
  node: Schema;
  at: string;
}

/**
 * Every title and description of a schema, with the places that say it, and every property.
 * It goes through every keyword but the data ones, not only those localizeSchema follows, so a
 * text the translation cannot reach is found too. Places read like the document:
 * `channels.sms.providers[]|http.name`: `[]` a list's items, `*` a map's values, `|http` the
 * variant of a union whose `const` is `http`.
 */
function textsOf(root: Schema) {
  const texts = new Map<string, string[]>();
  const properties: Property[] = [];
  const join = (where: string, step: string) => (where ? `${where}.${step}` : step);
  const variantName = (variant: unknown, index: number) => {
    const props = isSchema(variant) && isSchema(variant.properties) ? variant.properties : {};
    const fixed = Object.values(props).find((p) => isSchema(p) && 'const' in p);
    return isSchema(fixed) ? String(fixed.const) : String(index);
  };
  const visit = (node: unknown, where: string): void => {
    if (!isSchema(node)) return;
    for (const [keyword, value] of Object.entries(node)) {
      if (DATA.has(keyword)) continue;
      if (keyword === 'title' || keyword === 'description') {
        if (typeof value === 'string') {
          texts.set(value, [...(texts.get(value) ?? []), where || '/']);
        }
      } else if (MAPS.has(keyword) && isSchema(value)) {
        for (const [name, child] of Object.entries(value)) {
          const at = keyword === 'properties' ? join(where, name) : `${where}/${keyword}/${name}`;
          if (keyword === 'properties' && isSchema(child)) {
            properties.push({ key: name, node: child, at });
          }
          visit(child, at);
        }
      } else if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) visit(item, `${where}|${variantName(item, i)}`);
      } else if (keyword === 'items') visit(value, `${where}[]`);
      else if (keyword === 'additionalProperties') visit(value, join(where, '*'));
      else visit(value, `${where}/${keyword}`);
    }
  };
  visit(root, '');
  return { texts, properties, keys: new Set(properties.map((p) => p.key)) };
}

/** The code spans, placeholders and quoted values of a text: what a translation keeps as is. */
const tokensOf = (text: string) =>
  (text.match(/`[^`]*`|\{\{\w+\}\}|\{\w+\}|"[^"]*"/g) ?? []).sort();

const nodeAt = (node: Schema, ...keys: string[]): Schema =>
  keys.reduce((at, key) => (at.properties as Record<string, Schema>)[key] as Schema, node);

describe('the Turkish words of the settings form', () => {
  const schema = formSchema();
  const found = textsOf(schema);
  const tr = settingsSchemaWords('tr');
  if (!tr) throw new Error('no Turkish catalogue of the settings form');

  it('translate every title and description the settings schema has', () => {
    const missing = [...found.texts]
      .filter(([english]) => !Object.hasOwn(tr.texts, english) || !tr.texts[english])
      .map(([english, places]) => `${places.join(', ')}: ${english}`);
    expect(missing, 'texts without a Turkish entry').toEqual([]);
  });

  it('label every property key of the settings schema', () => {
    const missing = [...found.keys]
      .filter((key) => !Object.hasOwn(tr.labels, key) || !tr.labels[key])
      .map((key) => found.properties.filter((p) => p.key === key).map((p) => p.at)[0]);
    expect(missing, 'properties without a Turkish label').toEqual([]);
  });

  it('keep no entry for a text or key the settings schema no longer has', () => {
    const stale = {
      texts: Object.keys(tr.texts).filter((english) => !found.texts.has(english)),
      labels: Object.keys(tr.labels).filter((key) => !found.keys.has(key)),
    };
    expect(stale).toEqual({ texts: [], labels: [] });
  });

  it('keep the code spans, placeholders and quoted values of each English text', () => {
    const changed = Object.entries(tr.texts)
      .filter(([english, turkish]) => tokensOf(english).join() !== tokensOf(turkish).join())
      .map(([english]) => english);
    expect(changed).toEqual([]);
  });

  it('reach every text and property of the schema the form is given', () => {
    // What the localized schema still says in English is what the Turkish form would show so.
    const shown = textsOf(localizeSchema(schema, tr));
    const turkish = new Set([...Object.values(tr.texts), ...Object.values(tr.labels)]);
    expect([...shown.texts.keys()].filter((text) => !turkish.has(text))).toEqual([]);
    const untitled = shown.properties.filter((p) => p.node.title !== tr.labels[p.key]);
    expect(untitled.map((p) => p.at)).toEqual([]);
  });
});

describe('the settings form in Turkish', () => {
  const tr = settingsSchemaWords('tr');

  it('shows a known field in Turkish and falls back to English where it has no entry', () => {
    const schema = formSchema();
    const verification = nodeAt(schema, 'verification').properties as Record<string, Schema>;
    verification.retryBudget = { type: 'integer', description: 'Retries a verification has left' };
    verification.maxSends = { ...verification.maxSends, description: 'Codes a verification sends' };
    const shown = localizeSchema(schema, tr);

    const ttl = nodeAt(shown, 'verification', 'ttlSeconds');
    expect(labelOf('ttlSeconds', ttl)).toBe('Geçerlilik süresi (sn)');
    expect(hintOf(ttl)).toBe(
      'İstek `ttlSeconds` belirtmediğinde bir kodun geçerli kaldığı süre (saniye)',
    );
    expect(keyLabel('verification', tr)).toBe('Doğrulama');

    // A field the catalogue does not know yet reads as the English form does.
    const unknown = nodeAt(shown, 'verification', 'retryBudget');
    expect(labelOf('retryBudget', unknown)).toBe('Retry budget');
    expect(hintOf(unknown)).toBe('Retries a verification has left');
    expect(keyLabel('retryBudget', tr)).toBe('Retry budget');
    // A text whose English changed shows the new English, not the old meaning in Turkish.
    expect(hintOf(nodeAt(shown, 'verification', 'maxSends'))).toBe('Codes a verification sends');
    expect(labelOf('maxSends', nodeAt(shown, 'verification', 'maxSends'))).toBe(
      'En fazla gönderim',
    );
  });

  it("names a provider's variants and their type in Turkish", () => {
    const shown = localizeSchema(formSchema(), tr);
    const providers = nodeAt(shown, 'channels', 'sms', 'providers').items as Schema;
    const field = fieldOf(providers, shown);
    if (field.kind !== 'union') throw new Error(`a provider is a ${field.kind}`);
    const http = field.variants.find((v) => v.value === 'http');
    expect(http?.title).toBe('HTTP ağ geçidi');
    expect(labelOf(field.key, nodeAt(http?.schema ?? {}, field.key))).toBe('Tür');
  });

  it('leaves the English form as the schema says it', () => {
    const schema = formSchema();
    expect(settingsSchemaWords('en')).toBeUndefined();
    expect(localizeSchema(schema, settingsSchemaWords('en'))).toBe(schema);
    expect(keyLabel('ttlSeconds', undefined)).toBe('Ttl seconds');
  });
});
