import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = (path: string) =>
  readFileSync(new URL(`../../../web/${path}`, import.meta.url), 'utf8');

/**
 * The loader keeps its few words apart from the chat's catalogue (it must stay small and
 * import nothing), so this holds the two to the same languages: a language added to the
 * catalogue without the launcher's words fails here.
 */
describe("the loader's words", () => {
  it('come in every language of the messenger catalogue, and no other', () => {
    const catalogue = /const CATALOGUES[^=]*=\s*\{([^}]*)\}/.exec(source('messenger/catalogue.ts'));
    const loader = /const WORDS[^=]*=\s*\{([\s\S]*?)\n\s*\};/.exec(source('loader/messenger.ts'));
    if (!catalogue?.[1] || !loader?.[1]) throw new Error('language tables not found');
    const catalogueLocales = catalogue[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const loaderLocales = [...loader[1].matchAll(/^\s*(\w+)[,:]/gm)].map((m) => m[1]);
    expect(loaderLocales.sort()).toEqual(catalogueLocales.sort());
    expect(catalogueLocales).toHaveLength(9);
  });
});
