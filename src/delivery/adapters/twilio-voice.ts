import { voiceLines } from '../domain/builtin-voice-templates.ts';

/**
 * The `<Say language>` of a verification's locale. Twilio's text-to-speech takes a language
 * with its region (`en-US`, `pt-BR`); a locale that names a region is passed on as written,
 * a bare language gets the region its built-in voice text is written for.
 */
const SPEECH_LANGUAGES: Readonly<Record<string, string>> = {
  en: 'en-US',
  tr: 'tr-TR',
  sw: 'sw-KE',
  hi: 'hi-IN',
  ar: 'arb',
  fr: 'fr-FR',
  es: 'es-ES',
  de: 'de-DE',
  pt: 'pt-BR',
};

export function speechLanguage(locale: string): string {
  const [language = 'en', region] = locale.split('-');
  if (region && region.length === 2) return `${language.toLowerCase()}-${region.toUpperCase()}`;
  return SPEECH_LANGUAGES[language.toLowerCase()] ?? language.toLowerCase();
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text as XML character data or an attribute value: an app name cannot add elements. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);
}

/**
 * The TwiML of a verification call: each line of the rendered voice text said on its own in
 * the verification's language, a pause between them (the built-in texts say the code twice).
 */
export function verificationTwiml(body: string, locale: string): string {
  const language = xmlEscape(speechLanguage(locale));
  const says = voiceLines(body).map(
    (line) => `<Say language="${language}">${xmlEscape(line)}</Say>`,
  );
  return `<Response>${says.join('<Pause/>')}</Response>`;
}
