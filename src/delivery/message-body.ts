import type { Channel } from '../kernel/recipients.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import type { VerificationRecord } from '../verification/domain/verification.ts';
import { spokenCode } from './domain/builtin-voice-templates.ts';
import { withAutofillLines } from './domain/sms-autofill.ts';
import { chooseTemplate, renderMessage } from './domain/templates.ts';

/** The app settings a message is rendered with. */
export type MessageSettings = Pick<
  AppSettings,
  'templates' | 'defaultLocale' | 'androidAppHash' | 'webOtpHost'
>;

/**
 * The text a person receives for a verification's code: the verification's own content or
 * the app's template for its channel and locale (else the built-in one), with the SMS
 * auto-fill lines. One function, so every path that hands a code to a provider words it
 * the same. Without settings, the built-in templates in English.
 */
export function renderMessageBody(input: {
  verification: Pick<VerificationRecord, 'content' | 'locale' | 'expiresAt' | 'androidAppHash'>;
  channel: Channel;
  code: string;
  appName: string;
  settings: MessageSettings | undefined;
  now: number;
}): { body: string; locale: string } {
  const { verification: v, channel, code, appName, settings, now } = input;
  const defaultLocale = settings?.defaultLocale ?? 'en';
  const minutes = Math.max(1, Math.ceil((v.expiresAt - now) / 60_000));
  const text = renderMessage({
    appName,
    // A call reads the code one character at a time.
    code: channel === 'voice' ? spokenCode(code) : code,
    minutes,
    content: chooseTemplate({
      content: v.content,
      appTemplates: settings?.templates[channel],
      locale: v.locale,
      defaultLocale,
      minutes,
      channel,
    }),
  });
  const body = withAutofillLines(text, channel, code, {
    androidAppHash: v.androidAppHash ?? settings?.androidAppHash ?? null,
    webOtpHost: settings?.webOtpHost ?? null,
  });
  return { body, locale: v.locale ?? defaultLocale };
}
