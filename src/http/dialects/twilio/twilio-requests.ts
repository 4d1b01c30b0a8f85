import { isIP } from 'node:net';
import { ANDROID_APP_HASH } from '../../../domain/settings.ts';
import type { StartVerification } from '../../../services/verifications.ts';
import { twilioInvalid } from './twilio-errors.ts';

const CHANNELS = ['sms', 'whatsapp', 'email'] as const;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export interface CreateForm {
  To?: string;
  Channel?: string;
  Locale?: string;
  CustomFriendlyName?: string;
  DeviceIp?: string;
  Tags?: string;
  AppHash?: string;
}

/**
 * A Twilio create request as a native start. `AppHash` is the SMS's Android SMS Retriever
 * line, as on Twilio; what otpd has no field for (friendly name, tags) is kept in the
 * verification's metadata.
 */
export function toStartRequest(form: CreateForm): StartVerification {
  if (!form.To) throw twilioInvalid('To is required');
  if (!form.Channel) throw twilioInvalid('Channel is required');
  const channel = form.Channel.toLowerCase();
  if (!(CHANNELS as readonly string[]).includes(channel)) {
    throw twilioInvalid(`Channel must be one of ${CHANNELS.join(', ')}`);
  }
  if (form.Locale !== undefined && !LOCALE.test(form.Locale)) {
    throw twilioInvalid('Locale must be a language tag such as en or pt-br');
  }
  if (form.DeviceIp !== undefined && isIP(form.DeviceIp) === 0) {
    throw twilioInvalid('DeviceIp must be an IPv4 or IPv6 address');
  }
  if (form.AppHash && !ANDROID_APP_HASH.test(form.AppHash)) {
    throw twilioInvalid('AppHash must be the 11-character Android SMS Retriever hash');
  }
  const metadata: Record<string, unknown> = {};
  if (form.CustomFriendlyName) metadata.friendlyName = form.CustomFriendlyName;
  if (form.Tags !== undefined) metadata.tags = parseTags(form.Tags);
  return {
    to: form.To,
    channel: channel as (typeof CHANNELS)[number],
    locale: form.Locale?.toLowerCase(),
    clientIp: form.DeviceIp,
    androidAppHash: form.AppHash || undefined,
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
