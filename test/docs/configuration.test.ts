import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { configSchema } from '../../src/kernel/config/config-schema.ts';
import { codeSpans, docFiles, read, tableAfter } from './markdown.ts';

const PAGE = read('docs/configuration.md');
const rows = tableAfter(PAGE, '| variable');
const documented = new Map(
  rows.map(([name = '', byDefault = '', meaning = '']) => [
    codeSpans(name)[0] ?? name,
    { byDefault, meaning },
  ]),
);

/** config.ts reads this one itself to find the file the others may come from. */
const READ_BEFORE_THE_SCHEMA = ['OTPD_CONFIG_FILE'];
const schemaNames = Object.keys(configSchema.shape);

/** What the variable is when unset, written the way the table writes it. */
function defaultOf(name: string): string {
  const value = (configSchema.shape as Record<string, z.ZodType>)[name]?.parse(undefined);
  const empty =
    value === undefined ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
  if (empty) return '_(none)_';
  return `\`${Array.isArray(value) ? value.join(',') : String(value)}\``;
}

/** The bounds of a whole-number setting, or undefined for any other kind. */
function rangeOf(name: string): [number, number] | undefined {
  let schema = (configSchema.shape as Record<string, unknown>)[name] as
    | { def: { innerType?: unknown }; minValue?: number | null; maxValue?: number | null }
    | undefined;
  while (schema?.def.innerType) schema = schema.def.innerType as typeof schema;
  if (typeof schema?.minValue !== 'number' || typeof schema.maxValue !== 'number') return;
  return [schema.minValue, schema.maxValue];
}

describe('docs/configuration.md', () => {
  it('documents every variable of the config schema, and only those', () => {
    expect([...documented.keys()].sort()).toEqual(
      [...schemaNames, ...READ_BEFORE_THE_SCHEMA].sort(),
    );
  });

  it.each(schemaNames)('%s: the default in the table is the schema default', (name) => {
    expect(documented.get(name)?.byDefault).toBe(defaultOf(name));
  });

  it.each(schemaNames.filter((name) => rangeOf(name)))(
    '%s: a range the table gives is the one the schema enforces',
    (name) => {
      const given = /(\d+)–(\d+)/.exec(documented.get(name)?.meaning ?? '');
      if (given) expect([Number(given[1]), Number(given[2])]).toEqual(rangeOf(name));
    },
  );

  it('gives the range of nearly every whole-number variable', () => {
    const ranged = schemaNames.filter((name) => rangeOf(name));
    const given = ranged.filter((name) => /\d+–\d+/.test(documented.get(name)?.meaning ?? ''));
    expect(ranged.length).toBeGreaterThan(15);
    expect(given.length).toBeGreaterThanOrEqual(ranged.length - 1);
  });

  it('names in every page only variables otpd, its tests or its benchmark read', () => {
    const sources = ['src', 'test', 'bench'].flatMap((folder) =>
      readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.ts'))
        .map((name) => read(join(folder, name))),
    );
    // A receiver's own variable in the webhook verification example, not otpd's.
    const examples = ['OTPD_WEBHOOK_SECRET'];
    const unknown = docFiles().flatMap((file) =>
      [...read(file).matchAll(/\bOTPD_[A-Z0-9_]+/g)]
        .map((m) => m[0])
        .filter((name) => !documented.has(name) && !examples.includes(name))
        .filter((name) => !sources.some((source) => source.includes(name)))
        .map((name) => `${file}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });
});
