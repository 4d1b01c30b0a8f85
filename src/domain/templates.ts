/** The message a person receives, before any provider-specific wrapping. */
export interface MessageContext {
  appName: string;
  code: string;
  /** Whole minutes until the code expires, at least 1. */
  minutes: number;
  /** An app-supplied template for this one verification; must contain `{{code}}`. */
  content: string | null;
}

const DEFAULT_TEMPLATE =
  'Your {{app}} verification code is {{code}}. It expires in {{minutes}} minutes.';

/** Built-in templates by lower-case locale; `en` is the last resort. */
const BUILT_IN: Record<string, string> = { en: DEFAULT_TEMPLATE };

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
}

/** `pt-BR` → [`pt-br`, `pt`]: the locale, then its language. */
function candidates(locale: string | null): string[] {
  if (!locale) return [];
  const lower = locale.toLowerCase();
  const language = lower.split('-')[0] ?? lower;
  return language === lower ? [lower] : [lower, language];
}

function lookup(templates: Record<string, string>, keys: string[]): string | undefined {
  const byLower = new Map(Object.entries(templates).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of keys) {
    const found = byLower.get(key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The template of a message: the verification's own `content`; else the app's template for
 * the locale, its language, the app's default locale or that one's language; else the
 * built-in one in that same order; else built-in English. Locales compare case-insensitively.
 */
export function chooseTemplate(choice: TemplateChoice): string {
  if (choice.content !== null) return choice.content;
  const keys = [...candidates(choice.locale), ...candidates(choice.defaultLocale)];
  return (
    (choice.appTemplates && lookup(choice.appTemplates, keys)) ??
    lookup(BUILT_IN, keys) ??
    DEFAULT_TEMPLATE
  );
}

/** Fills `{{code}}`, `{{app}}` and `{{minutes}}`; unknown placeholders stay as written. */
export function renderMessage(ctx: MessageContext): string {
  const values: Record<string, string> = {
    code: ctx.code,
    app: ctx.appName,
    minutes: String(ctx.minutes),
  };
  return (ctx.content ?? DEFAULT_TEMPLATE).replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (whole, name: string) => values[name] ?? whole,
  );
}
