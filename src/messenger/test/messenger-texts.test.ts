import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../../delivery/domain/builtin-templates.ts';
import {
  acceptedLanguages,
  BUILT_IN_TEXTS,
  resolveTexts,
  TEXT_KEYS,
} from '../domain/messenger-texts.ts';

describe('messenger texts', () => {
  it('has every text in every language the message templates have', () => {
    expect(Object.keys(BUILT_IN_TEXTS).sort()).toEqual(Object.keys(BUILT_IN_TEMPLATES).sort());
    for (const texts of Object.values(BUILT_IN_TEXTS)) {
      for (const key of TEXT_KEYS) expect(texts[key]).toMatch(/\S/);
    }
  });

  it('keeps the accessible names the gate contract names in English', () => {
    const { texts } = resolveTexts([], {});
    expect([texts.nameHeader, texts.emailHeader, texts.phoneHeader, texts.smsHeader]).toEqual([
      'Your name',
      'Your email',
      'Phone number',
      'Verification code',
    ]);
  });

  it("picks the visitor's language by its prefix, the app's override key by key", () => {
    const { locale, texts } = resolveTexts(['pt-BR'], { pt: { welcome: 'Olá!' } });
    expect(locale).toBe('pt');
    expect(texts.welcome).toBe('Olá!');
    expect(texts.phoneHeader).toBe('Número de telefone');
  });

  it('offers a language otpd lacks when the app wrote texts for it, English filling gaps', () => {
    const { locale, texts } = resolveTexts(['nl', 'de'], { nl: { phoneHeader: 'Telefoon' } });
    expect(locale).toBe('nl');
    expect(texts.phoneHeader).toBe('Telefoon');
    expect(texts.smsHeader).toBe('Verification code');
  });

  it('falls back to English for a language nobody wrote, with the app English override', () => {
    const { locale, texts } = resolveTexts(['ja'], { en: { welcome: 'Hi there' } });
    expect(locale).toBe('en');
    expect(texts.welcome).toBe('Hi there');
  });

  it('reads Accept-Language by weight and skips what is malformed or refused', () => {
    expect(acceptedLanguages('fr;q=0.5, de-CH, tr;q=0, ??, en;q=0.8')).toEqual([
      'de-CH',
      'en',
      'fr',
    ]);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});
