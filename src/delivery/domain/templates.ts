import type { Channel } from '../../kernel/recipients.ts';
import { builtInTemplate, FALLBACK_LANGUAGE, fallbackTemplate } from './builtin-templates.ts';
import { builtInVoiceTemplate, fallbackVoiceTemplate } from './builtin-voice-templates.ts';

/** The message a person receives, before any provider-specific wrapping. */
export interface MessageContext {
  appName: string;
  code: string;
  /** Whole minutes until the code expires, at least 1. */
  minutes: number;
  /** The template to fill (see `chooseTemplate`); `null` means built-in English. */
  content: string | null;
}

/** What picks the template of a message. */
export interface TemplateChoice {
  /** The verification's own template (`content`), which wins over everything. */
  content: string | null;
  /** The app's templates of the message's channel, by locale. */
  appTemplates: Record<string, string> | undefined;
  /** The verification's locale, e.g. `pt-BR`. */
  locale: string | null;
  /** The app's default locale. */
  defaultLocale: string;
  /** Whole minutes until the code expires: picks a built-in text's plural form. */
  minutes: number;
  /** The message's channel: `voice` has its own built-in texts, the others share theirs. */
  channel?: Channel;
}

/** `zh-Hant-TW` → `zh-hant-tw`, `zh-hant`, `zh`: the tag, then ever shorter prefixes. */
function candidates(locale: string | null): string[] {
  if (!locale) return [];
  const subtags = locale.toLowerCase().split('-');
  return subtags.map((_, i) => subtags.slice(0, subtags.length - i).join('-'));
}

/**
 * The tags a message's template is looked up by, most specific first: the verification's
 * locale and its prefixes (`pt-BR`, `pt`), the app's default locale and its prefixes, `en`.
 */
export function localeChain(locale: string | null, defaultLocale: string): string[] {
  return [...new Set([...candidates(locale), ...candidates(defaultLocale), FALLBACK_LANGUAGE])];
}

/**
 * The template of a message. The verification's own `content` wins over everything. Else
 * each tag of `localeChain` in turn, the app's template for that tag first, then the
 * built-in text for it (built-ins exist per language: `pt`, never `pt-br`). So an app
 * template is used unless a built-in matches a more specific tag: for `pt-BR`, an app `pt`
 * beats built-in Portuguese, but built-in German beats the app's default-locale template
 * for a `de` reader. Built-in English ends the chain. Tags compare case-insensitively.
 */
export function chooseTemplate(choice: TemplateChoice): string {
  if (choice.content !== null) return choice.content;
  const app = new Map(
    Object.entries(choice.appTemplates ?? {}).map(([tag, text]) => [tag.toLowerCase(), text]),
  );
  const voice = choice.channel === 'voice';
  for (const tag of localeChain(choice.locale, choice.defaultLocale)) {
    const found =
      app.get(tag) ?? (voice ? builtInVoiceTemplate(tag) : builtInTemplate(tag, choice.minutes));
    if (found !== undefined) return found;
  }
  return voice ? fallbackVoiceTemplate() : fallbackTemplate(choice.minutes);
}

/** Fills `{{code}}`, `{{app}}` and `{{minutes}}`; unknown placeholders stay as written. */
export function renderMessage(ctx: MessageContext): string {
  const values = new Map([
    ['code', ctx.code],
    ['app', ctx.appName],
    ['minutes', String(ctx.minutes)],
  ]);
  return (ctx.content ?? fallbackTemplate(ctx.minutes)).replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (whole, name: string) => values.get(name) ?? whole,
  );
}
