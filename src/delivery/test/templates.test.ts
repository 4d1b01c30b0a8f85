import { describe, expect, it } from 'vitest';
import { chooseTemplate, localeChain, renderMessage } from '../domain/templates.ts';

describe('renderMessage', () => {
  it('fills the default template with app, code and minutes', () => {
    expect(renderMessage({ appName: 'Acme', code: '012345', minutes: 10, content: null })).toBe(
      'Your Acme verification code is 012345. It expires in 10 minutes.',
    );
  });

  it('says "minute" for one minute in the default template', () => {
    expect(renderMessage({ appName: 'Acme', code: '012345', minutes: 1, content: null })).toBe(
      'Your Acme verification code is 012345. It expires in 1 minute.',
    );
  });

  it('fills an app-supplied template, every occurrence, with or without inner spaces', () => {
    const body = renderMessage({
      appName: 'Acme',
      code: '4821',
      minutes: 3,
      content: '{{code}} is your code for {{ app }} ({{minutes}} min). Again: {{  code  }}',
    });
    expect(body).toBe('4821 is your code for Acme (3 min). Again: 4821');
  });

  it('leaves unknown placeholders as written, object property names included', () => {
    const body = renderMessage({
      appName: 'Acme',
      code: '4821',
      minutes: 3,
      content: 'Hi {{name}}, code {{code}} {{ unknown }} {{constructor}} {{toString}}',
    });
    expect(body).toBe('Hi {{name}}, code 4821 {{ unknown }} {{constructor}} {{toString}}');
  });

  it('does not expand placeholders or replacement patterns inside the values', () => {
    const body = renderMessage({
      appName: "{{code}} $& $1 $' Shop",
      code: '4821',
      minutes: 2,
      content: null,
    });
    expect(body).toBe(
      "Your {{code}} $& $1 $' Shop verification code is 4821. It expires in 2 minutes.",
    );
  });
});

describe('localeChain', () => {
  it('walks the locale, its prefixes, the default locale and its prefixes, then en', () => {
    expect(localeChain('pt-BR', 'tr')).toEqual(['pt-br', 'pt', 'tr', 'en']);
    expect(localeChain('zh-Hant-TW', 'fr-CA')).toEqual([
      'zh-hant-tw',
      'zh-hant',
      'zh',
      'fr-ca',
      'fr',
      'en',
    ]);
  });

  it('names each tag once', () => {
    expect(localeChain('en-GB', 'en')).toEqual(['en-gb', 'en']);
    expect(localeChain(null, 'de')).toEqual(['de', 'en']);
  });
});

describe('chooseTemplate', () => {
  const ENGLISH = 'Your {{app}} verification code is {{code}}. It expires in {{minutes}} minutes.';
  const TURKISH = '{{app}} doğrulama kodunuz: {{code}}. {{minutes}} dakika geçerlidir.';
  const PORTUGUESE = 'Seu código de verificação {{app}}: {{code}}. Válido por {{minutes}} minutos.';
  const GERMAN =
    'Ihr Bestätigungscode für {{app}} lautet {{code}}. Er ist {{minutes}} Minuten gültig.';

  const choose = (
    locale: string | null,
    defaultLocale: string,
    appTemplates?: Record<string, string>,
    content: string | null = null,
  ) => chooseTemplate({ content, appTemplates, locale, defaultLocale, minutes: 10 });

  it("takes the verification's own content over everything", () => {
    expect(choose('tr', 'tr', { tr: 'TR {{code}}' }, 'Own {{code}}')).toBe('Own {{code}}');
  });

  describe('without app templates (built-ins only)', () => {
    it('takes the built-in text of the locale’s language', () => {
      expect(choose('tr', 'en')).toBe(TURKISH);
      expect(choose('pt-BR', 'en')).toBe(PORTUGUESE);
      expect(choose('DE-at', 'en')).toBe(GERMAN);
    });

    it("falls back pt-BR → pt → the app's default locale → en", () => {
      expect(choose('pt-BR', 'tr')).toBe(PORTUGUESE);
      expect(choose('nl-BE', 'tr-TR')).toBe(TURKISH); // no Dutch: the default's language
      expect(choose('nl-BE', 'da')).toBe(ENGLISH); // neither has a built-in
      expect(choose(null, 'de')).toBe(GERMAN);
    });
  });

  describe('app templates against built-ins', () => {
    const app = { tr: 'TR {{code}}', pt: 'PT {{code}}', 'pt-BR': 'BR {{code}}', EN: 'EN {{code}}' };

    it('walks pt-BR → pt → default → en through the app templates, case-insensitively', () => {
      expect(choose('pt-br', 'tr', app)).toBe('BR {{code}}');
      expect(choose('pt-PT', 'tr', app)).toBe('PT {{code}}');
      expect(choose('nl', 'tr', app)).toBe('TR {{code}}');
      expect(choose('nl', 'da', app)).toBe('EN {{code}}');
      expect(choose('nl', 'da', { 'pt-BR': 'BR {{code}}' })).toBe(ENGLISH);
    });

    it('beats the built-in text at the same level', () => {
      expect(choose('tr', 'en', { tr: 'TR {{code}}' })).toBe('TR {{code}}');
      expect(choose('pt-BR', 'en', { pt: 'PT {{code}}' })).toBe('PT {{code}}');
      expect(choose('nl', 'da', { en: 'EN {{code}}' })).toBe('EN {{code}}');
    });

    it('beats the built-in text at a less specific level', () => {
      // App pt-BR over built-in pt; app default-locale text over built-in English.
      expect(choose('pt-BR', 'en', { 'pt-BR': 'BR {{code}}' })).toBe('BR {{code}}');
      expect(choose('nl', 'tr', { tr: 'TR {{code}}' })).toBe('TR {{code}}');
      expect(choose(null, 'fr-CA', { 'fr-CA': 'CA {{code}}' })).toBe('CA {{code}}');
    });

    it('loses to a built-in text at a more specific level: the reader’s language first', () => {
      expect(choose('de', 'tr', { tr: 'TR {{code}}' })).toBe(GERMAN);
      expect(choose('pt-BR', 'tr', { tr: 'TR {{code}}', en: 'EN {{code}}' })).toBe(PORTUGUESE);
      expect(choose('nl', 'tr-CY', { en: 'EN {{code}}' })).toBe(TURKISH);
    });
  });

  it('is not fooled by locale tags named like object properties', () => {
    expect(choose('constructor', 'en')).toBe(ENGLISH);
    expect(choose('toString', 'hasOwnProperty', {})).toBe(ENGLISH);
  });

  it("picks the built-in text's plural form by minutes", () => {
    const one = chooseTemplate({
      content: null,
      appTemplates: undefined,
      locale: 'de',
      defaultLocale: 'en',
      minutes: 1,
    });
    expect(one).toBe(
      'Ihr Bestätigungscode für {{app}} lautet {{code}}. Er ist {{minutes}} Minute gültig.',
    );
  });
});
