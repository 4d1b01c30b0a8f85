import { describe, expect, it } from 'vitest';
import { chooseTemplate, renderMessage } from '../../src/domain/templates.ts';

describe('renderMessage', () => {
  it('fills the default template with app, code and minutes', () => {
    expect(renderMessage({ appName: 'Acme', code: '012345', minutes: 10, content: null })).toBe(
      'Your Acme verification code is 012345. It expires in 10 minutes.',
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

  it('leaves unknown placeholders as written', () => {
    const body = renderMessage({
      appName: 'Acme',
      code: '4821',
      minutes: 3,
      content: 'Hi {{name}}, code {{code}} {{ unknown }}',
    });
    expect(body).toBe('Hi {{name}}, code 4821 {{ unknown }}');
  });

  it('does not expand placeholders or replacement patterns inside the values', () => {
    const body = renderMessage({
      appName: "{{code}} $& $1 $' Shop",
      code: '4821',
      minutes: 1,
      content: null,
    });
    expect(body).toBe(
      "Your {{code}} $& $1 $' Shop verification code is 4821. It expires in 1 minutes.",
    );
  });
});

describe('chooseTemplate', () => {
  const appTemplates = {
    tr: 'TR {{code}}',
    pt: 'PT {{code}}',
    'pt-BR': 'BR {{code}}',
    EN: 'EN {{code}}',
  };
  const choose = (locale: string | null, defaultLocale = 'tr', content: string | null = null) =>
    chooseTemplate({ content, appTemplates, locale, defaultLocale });

  it("takes the verification's own content over everything", () => {
    expect(choose('tr', 'tr', 'Own {{code}}')).toBe('Own {{code}}');
  });

  it('takes the locale, then its language, case-insensitively', () => {
    expect(choose('pt-br')).toBe('BR {{code}}');
    expect(choose('pt-PT')).toBe('PT {{code}}');
    expect(choose('en-GB')).toBe('EN {{code}}');
  });

  it("falls back to the app's default locale, then to built-in English", () => {
    expect(choose('de')).toBe('TR {{code}}');
    expect(choose(null)).toBe('TR {{code}}');
    expect(
      chooseTemplate({ content: null, appTemplates: undefined, locale: 'de', defaultLocale: 'fr' }),
    ).toBe('Your {{app}} verification code is {{code}}. It expires in {{minutes}} minutes.');
  });
});
