import { isIP } from 'node:net';
import type { Channel } from '../../kernel/recipients.ts';
import { ANDROID_APP_HASH, type AppSettings } from '../../settings/domain/settings.ts';
import type { StartVerification } from '../../verification/verifications.ts';
import { TwilioError, twilioInvalid } from './twilio-errors.ts';
import { type MessageFields, twilioContent } from './twilio-message.ts';

/** Twilio's channel names and the otpd channel each one is; `auto` picks SMS, as Twilio does first. */
const CHANNELS: Readonly<Record<string, Channel>> = {
  sms: 'sms',
  call: 'voice',
  whatsapp: 'whatsapp',
  email: 'email',
  auto: 'sms',
};

/** Channels Twilio offers and otpd has no way to deliver: "delivery channel disabled". */
const UNDELIVERABLE = new Set(['sna', 'rcs', 'passkeys', 'push', 'totp', 'silent_network_auth']);

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Twilio's CustomCode: 4 to 10 characters. */
const CUSTOM_CODE = /^[A-Za-z0-9]{4,10}$/;

export interface CreateForm extends MessageFields {
  To?: string;
  Channel?: string;
  Locale?: string;
  DeviceIp?: string;
  Tags?: string;
  AppHash?: string;
  CustomCode?: string;
  TemplateSid?: string;
  TemplateCustomSubstitutions?: string;
  Templates?: string;
  SendDigits?: string;
  ChannelConfiguration?: string;
  RiskCheck?: string;
  EnableSnaClientToken?: string;
}

/** What the app's settings decide about a Twilio request. */
export type TwilioAppSettings = Pick<
  AppSettings,
  'templates' | 'defaultLocale' | 'verification' | 'channels' | 'dialects'
>;

const disabled = (detail: string) => new TwilioError(60223, 400, detail);

/**
 * A channel is disabled when the app still sends it only to the sandbox while its SMS goes
 * out for real: a Twilio service without that sender answers 60223, and a code that would
 * land in the sandbox unseen helps nobody. An app all on the sandbox keeps every channel.
 */
function assertEnabled(channel: Channel, settings: TwilioAppSettings): void {
  if (channel === 'sms') return;
  const sandboxOnly = (c: Channel) =>
    settings.channels[c].providers.every((p) => p.type === 'console');
  if (sandboxOnly(channel) && !sandboxOnly('sms')) {
    throw disabled(`the app has no provider for ${channel}`);
  }
}

function channelOf(form: CreateForm, settings: TwilioAppSettings): Channel {
  if (!form.Channel) throw twilioInvalid('Channel is required');
  const named = form.Channel.toLowerCase();
  const channel = Object.hasOwn(CHANNELS, named) ? CHANNELS[named] : undefined;
  if (channel === undefined) {
    if (UNDELIVERABLE.has(named)) throw disabled(`otpd does not deliver ${named}`);
    throw twilioInvalid(`Channel must be one of ${Object.keys(CHANNELS).join(', ')}`);
  }
  assertEnabled(channel, settings);
  return channel;
}

/** Fields of Twilio's that otpd cannot honour: refused, never silently dropped. */
function refuseUnsupported(form: CreateForm): void {
  const unsupported: [keyof CreateForm, string][] = [
    ['TemplateSid', "otpd words messages with the app's templates"],
    ['TemplateCustomSubstitutions', "otpd words messages with the app's templates"],
    ['Templates', "otpd words messages with the app's templates"],
    ['SendDigits', 'otpd calls the number itself, without dialing digits'],
    ['ChannelConfiguration', "the email sender is the app's email provider"],
  ];
  for (const [field, why] of unsupported) {
    if (form[field] !== undefined) throw twilioInvalid(`${field} is not supported: ${why}`);
  }
  if (form.RiskCheck !== undefined && form.RiskCheck !== 'enable') {
    throw twilioInvalid("RiskCheck can only be enable: the app's abuse protection always applies");
  }
  if (form.EnableSnaClientToken !== undefined && form.EnableSnaClientToken !== 'false') {
    throw disabled('otpd does not deliver sna');
  }
}

/**
 * A Twilio create request as a native start, shaped by the app's settings. `AppHash` is the
 * SMS's Android SMS Retriever line, as on Twilio; the friendly name, tags, amount and payee
 * are also kept in the verification's metadata.
 */
export function toStartRequest(form: CreateForm, settings: TwilioAppSettings): StartVerification {
  if (!form.To) throw twilioInvalid('To is required');
  const channel = channelOf(form, settings);
  refuseUnsupported(form);
  if (form.Locale !== undefined && !LOCALE.test(form.Locale)) {
    throw twilioInvalid('Locale must be a language tag such as en or pt-br');
  }
  if (form.DeviceIp !== undefined && isIP(form.DeviceIp) === 0) {
    throw twilioInvalid('DeviceIp must be an IPv4 or IPv6 address');
  }
  if (form.AppHash && !ANDROID_APP_HASH.test(form.AppHash)) {
    throw twilioInvalid('AppHash must be the 11-character Android SMS Retriever hash');
  }
  if (form.CustomCode !== undefined) {
    if (!settings.dialects.twilio.allowCustomCode) {
      throw new TwilioError(60204, 403, 'custom codes are off (dialects.twilio.allowCustomCode)');
    }
    if (!CUSTOM_CODE.test(form.CustomCode)) {
      throw twilioInvalid('CustomCode must be 4 to 10 letters or digits');
    }
  }
  const locale = form.Locale?.toLowerCase();
  const content = twilioContent(form, channel, locale, settings);
  const metadata: Record<string, unknown> = {};
  if (form.CustomFriendlyName) metadata.friendlyName = form.CustomFriendlyName;
  if (form.Tags !== undefined) metadata.tags = parseTags(form.Tags);
  if (form.Amount) metadata.amount = form.Amount;
  if (form.Payee) metadata.payee = form.Payee;
  return {
    to: form.To,
    channel,
    locale,
    clientIp: form.DeviceIp,
    androidAppHash: form.AppHash || undefined,
    code: form.CustomCode,
    content,
    metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
  };
}

/** Twilio's Tags: a JSON object of string values. */
function parseTags(raw: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw twilioInvalid('Tags must be a JSON object');
  }
  const valid =
    parsed !== null &&
    typeof parsed === 'object' &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((v) => typeof v === 'string');
  if (!valid) throw twilioInvalid('Tags must be a JSON object of string values');
  return parsed as Record<string, string>;
}
