import type { SchemaWords } from './schema-words.ts';
import { labels } from './settings-schema-words-tr-labels.ts';
import { messagingTexts } from './settings-schema-words-tr-messaging.ts';
import { providerTexts } from './settings-schema-words-tr-providers.ts';
import { verificationTexts } from './settings-schema-words-tr-verification.ts';

/**
 * The Settings form's labels and hints per console locale. The form is generated from the JSON
 * Schema the server sends, whose texts are English (the settings' zod `.describe` texts, the
 * plug-ins' names): English needs no catalogue, and a locale without one shows them as they
 * are. The type checker cannot see the server's texts, so
 * src/console/test/settings-schema-words.test.ts builds the schema and names every text or key
 * a catalogue misses, and every entry the schema no longer has.
 */
const CATALOGUES: Readonly<Record<string, SchemaWords>> = {
  tr: { labels, texts: { ...verificationTexts, ...providerTexts, ...messagingTexts } },
};

export const settingsSchemaWords = (locale: string): SchemaWords | undefined =>
  Object.hasOwn(CATALOGUES, locale) ? CATALOGUES[locale] : undefined;
