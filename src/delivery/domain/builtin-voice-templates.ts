import { FALLBACK_LANGUAGE } from './builtin-templates.ts';

/**
 * otpd's own texts for the `voice` channel, read out in a call: the code twice, each line a
 * sentence said on its own with a pause between (see `voiceLines`). The code itself is read
 * one digit at a time (`spokenCode`), so a listener can write it down. Keyed by lower-case
 * language subtag, like the written texts; English is the last resort.
 */
export const BUILT_IN_VOICE_TEMPLATES: Readonly<Record<string, string>> = {
  en: 'Your {{app}} verification code is: {{code}}.\nAgain, your code is: {{code}}.',
  tr: '{{app}} doğrulama kodunuz: {{code}}.\nTekrar ediyorum, kodunuz: {{code}}.',
  sw: 'Msimbo wako wa uthibitisho wa {{app}} ni: {{code}}.\nNarudia, msimbo wako ni: {{code}}.',
  hi: 'आपका {{app}} सत्यापन कोड है: {{code}}।\nफिर से, आपका कोड है: {{code}}।',
  ar: 'رمز التحقق الخاص بـ {{app}} هو: {{code}}.\nأكرر، رمزك هو: {{code}}.',
  fr: 'Votre code de vérification {{app}} est : {{code}}.\nJe répète, votre code est : {{code}}.',
  es: 'Tu código de verificación de {{app}} es: {{code}}.\nRepito, tu código es: {{code}}.',
  de: 'Ihr Bestätigungscode für {{app}} lautet: {{code}}.\nIch wiederhole, Ihr Code lautet: {{code}}.',
  pt: 'Seu código de verificação {{app}} é: {{code}}.\nRepetindo, seu código é: {{code}}.',
};

/** The built-in voice text of `language` (a lower-case language subtag), if any. */
export function builtInVoiceTemplate(language: string): string | undefined {
  return Object.hasOwn(BUILT_IN_VOICE_TEMPLATES, language)
    ? BUILT_IN_VOICE_TEMPLATES[language]
    : undefined;
}

/** The built-in English voice text: the text when nothing else matches. */
export function fallbackVoiceTemplate(): string {
  return BUILT_IN_VOICE_TEMPLATES[FALLBACK_LANGUAGE] as string;
}

/** `482913` → `4, 8, 2, 9, 1, 3`: a speech engine reads each character alone, with a beat. */
export function spokenCode(code: string): string {
  return [...code].join(', ');
}

/** A rendered voice text as the sentences said one after another, pauses between them. */
export function voiceLines(body: string): string[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
