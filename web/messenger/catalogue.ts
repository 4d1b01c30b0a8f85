import { ar } from './locales/ar.ts';
import { de } from './locales/de.ts';
import { type Catalogue, en, type Phrase } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { hi } from './locales/hi.ts';
import { pt } from './locales/pt.ts';
import { sw } from './locales/sw.ts';
import { tr } from './locales/tr.ts';

export type { Phrase };

/**
 * The page's own words (buttons, errors, the chat) in the languages of otpd's built-in
 * message templates. The gate's headers and descriptions come from the config endpoint,
 * where the app's overrides already win. `{n}`, `{to}` and `{time}` are filled in by `say`.
 */
const CATALOGUES: Record<string, Catalogue> = { en, tr, fr, es, de, pt, sw, hi, ar };

export interface Words {
  locale: string;
  dir: 'ltr' | 'rtl';
  say(phrase: Phrase, values?: Record<string, string | number>): string;
}

/** The catalogue of the first of `languages` we have (by full tag, then prefix), else English. */
export function wordsFor(languages: readonly string[]): Words {
  const locale =
    languages
      .flatMap((tag) => [tag.toLowerCase(), tag.toLowerCase().split('-')[0] ?? ''])
      .find((tag) => tag in CATALOGUES) ?? 'en';
  const catalogue = CATALOGUES[locale] ?? en;
  return {
    locale,
    dir: locale === 'ar' ? 'rtl' : 'ltr',
    say: (phrase, values = {}) =>
      catalogue[phrase].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? '')),
  };
}
