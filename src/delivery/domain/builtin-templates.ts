/**
 * otpd's own message texts, used when neither the verification's `content` nor the app's
 * templates give one (see `chooseTemplate`). Keyed by lower-case language subtag; English
 * is the last resort.
 *
 * Each text fits one SMS segment with a short app name (160 GSM-7 characters, or 70 for a
 * text that needs UCS-2: Turkish, Hindi, Arabic, Spanish, Portuguese), and puts `{{code}}`
 * before `{{minutes}}`, so a reader (or a tool) taking the first number finds the code. A language whose words change with the count has one text per CLDR plural
 * category of `{{minutes}}` (`Intl.PluralRules`); `other` is always there and covers any
 * category left out.
 */

type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** The language of the last resort. */
export const FALLBACK_LANGUAGE = 'en';

const ENGLISH: PluralForms = {
  one: 'Your {{app}} verification code is {{code}}. It expires in {{minutes}} minute.',
  other: 'Your {{app}} verification code is {{code}}. It expires in {{minutes}} minutes.',
};

export const BUILT_IN_TEMPLATES: Readonly<Record<string, PluralForms>> = {
  en: ENGLISH,
  tr: { other: '{{app}} doğrulama kodunuz: {{code}}. {{minutes}} dakika geçerlidir.' },
  sw: {
    other:
      'Msimbo wako wa uthibitisho wa {{app}} ni {{code}}. Unaisha baada ya dakika {{minutes}}.',
  },
  hi: { other: 'आपका {{app}} सत्यापन कोड {{code}} है। यह {{minutes}} मिनट तक मान्य है।' },
  // Arabic counts agree with the noun: 1 دقيقة, 2 دقيقتين, 3–10 دقائق, 11–99 دقيقة.
  ar: {
    one: 'رمز التحقق الخاص بـ {{app}} هو {{code}}. صالح لمدة {{minutes}} دقيقة.',
    two: 'رمز التحقق الخاص بـ {{app}} هو {{code}}. صالح لمدة {{minutes}} دقيقتين.',
    few: 'رمز التحقق الخاص بـ {{app}} هو {{code}}. صالح لمدة {{minutes}} دقائق.',
    other: 'رمز التحقق الخاص بـ {{app}} هو {{code}}. صالح لمدة {{minutes}} دقيقة.',
  },
  fr: {
    one: 'Votre code de vérification {{app}} est {{code}}. Il expire dans {{minutes}} minute.',
    other: 'Votre code de vérification {{app}} est {{code}}. Il expire dans {{minutes}} minutes.',
  },
  es: {
    one: 'Tu código de verificación de {{app}} es {{code}}. Caduca en {{minutes}} minuto.',
    other: 'Tu código de verificación de {{app}} es {{code}}. Caduca en {{minutes}} minutos.',
  },
  de: {
    one: 'Ihr Bestätigungscode für {{app}} lautet {{code}}. Er ist {{minutes}} Minute gültig.',
    other: 'Ihr Bestätigungscode für {{app}} lautet {{code}}. Er ist {{minutes}} Minuten gültig.',
  },
  // Brazilian wording, also natural in Portugal; an app may add its own `pt-PT` template.
  pt: {
    one: 'Seu código de verificação {{app}}: {{code}}. Válido por {{minutes}} minuto.',
    other: 'Seu código de verificação {{app}}: {{code}}. Válido por {{minutes}} minutos.',
  },
};

/** Building plural rules costs more than the rest of rendering: one per language. */
const pluralRules = new Map<string, Intl.PluralRules>();

function pick(forms: PluralForms, language: string, minutes: number): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return forms[rules.select(minutes)] ?? forms.other;
}

/** The built-in text of `language` (a lower-case language subtag) for `minutes`, if any. */
export function builtInTemplate(language: string, minutes: number): string | undefined {
  const forms = Object.hasOwn(BUILT_IN_TEMPLATES, language)
    ? BUILT_IN_TEMPLATES[language]
    : undefined;
  return forms && pick(forms, language, minutes);
}

/** The built-in English text for `minutes`: the text when nothing else matches. */
export function fallbackTemplate(minutes: number): string {
  return pick(ENGLISH, FALLBACK_LANGUAGE, minutes);
}
