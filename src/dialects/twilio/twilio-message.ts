import { chooseTemplate } from '../../delivery/domain/templates.ts';
import type { Channel } from '../../kernel/recipients.ts';
import type { AppSettings } from '../../settings/domain/settings.ts';
import { twilioInvalid } from './twilio-errors.ts';

/** What a Twilio create request says about the wording of its message. */
export interface MessageFields {
  CustomMessage?: string;
  CustomFriendlyName?: string;
  Amount?: string;
  Payee?: string;
}

// Braces would open a placeholder inside the template they are written into.
const PLAIN = /^[^{}\p{Cc}]+$/u;
const CODE_PLACEHOLDER = /\{\{\s*code\s*\}\}/;

function plain(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!PLAIN.test(value)) throw twilioInvalid(`${name} must be plain text without braces`);
  return value.trim();
}

/**
 * The verification's own template (native `content`) for what a Twilio request asks of its
 * message, or undefined when it asks nothing and the app's templates apply as usual:
 *
 * - `CustomMessage` (deprecated at Twilio) is the text, with `{{code}}` where the code goes.
 * - `Amount` and `Payee` (PSD2, together or not at all) give Twilio's transaction text
 *   `Your {name} verification code is: {code}. Amount: {amount}, Payee: {payee}`.
 * - `CustomFriendlyName` replaces the app's name in the template the verification would
 *   use anyway (the app's, else the built-in one, in the request's locale).
 */
export function twilioContent(
  form: MessageFields,
  channel: Channel,
  locale: string | undefined,
  settings: Pick<AppSettings, 'templates' | 'defaultLocale' | 'verification'>,
): string | undefined {
  const name = plain('CustomFriendlyName', form.CustomFriendlyName);
  const amount = plain('Amount', form.Amount);
  const payee = plain('Payee', form.Payee);
  if ((amount === undefined) !== (payee === undefined)) {
    throw twilioInvalid('Amount and Payee go together: send both or neither');
  }
  if (form.CustomMessage !== undefined && form.CustomMessage !== '') {
    if (!CODE_PLACEHOLDER.test(form.CustomMessage)) {
      throw twilioInvalid('CustomMessage must contain {{code}} where the code goes');
    }
    if (amount !== undefined) throw twilioInvalid('CustomMessage cannot carry Amount and Payee');
    return form.CustomMessage;
  }
  const app = name ?? '{{app}}';
  if (amount !== undefined) {
    return `Your ${app} verification code is: {{code}}. Amount: ${amount}, Payee: ${payee}`;
  }
  if (name === undefined) return undefined;
  const template = chooseTemplate({
    content: null,
    appTemplates: settings.templates[channel],
    locale: locale ?? null,
    defaultLocale: settings.defaultLocale,
    minutes: Math.max(1, Math.ceil(settings.verification.ttlSeconds / 60)),
    channel,
  });
  return template.replace(/\{\{\s*app\s*\}\}/g, name);
}
