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
