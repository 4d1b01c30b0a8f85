import { getCountries } from 'libphonenumber-js/max';
import { z } from 'zod';
import { phoneCountry, phoneType } from '../../kernel/phone-facts.ts';
import { type Channel, isPhoneChannel } from '../../kernel/recipients.ts';

/**
 * Where an app's codes may go by phone: geo permissions per channel (`geo`) and the kinds of
 * number refused everywhere (`numberTypes`). Email has no country and is exempt. Both are
 * toll-fraud defences: a code sent to a premium-rate number or to a country the app does not
 * serve costs money and verifies nobody.
 */

/** The regions libphonenumber knows numbers for: any other code could never match. */
const REGIONS = new Set<string>(getCountries());

const region = z
  .string()
  .refine(
    (code) => REGIONS.has(code),
    'must be an ISO 3166-1 alpha-2 country code in capitals that has phone numbers, e.g. TR',
  );

const regionList = z
  .array(region)
  .min(1)
  .max(300)
  .refine((codes) => new Set(codes).size === codes.length, 'must not repeat a country');

/** One phone channel's rule: only these countries, or every country but these. */
export const geoRuleSchema = z
  .object({
    allow: regionList
      .optional()
      .describe('Only numbers of these countries receive codes; a number of no country neither'),
    deny: regionList.optional().describe('Numbers of these countries receive no codes'),
  })
  .strict()
  .refine((rule) => !(rule.allow && rule.deny), {
    message: 'give either allow or deny, not both',
  })
  .meta({ id: 'GeoRule' });

export type GeoRule = z.output<typeof geoRuleSchema>;

export const geoSchema = z
  .object({
    sms: geoRuleSchema.optional(),
    whatsapp: geoRuleSchema.optional(),
    voice: geoRuleSchema.optional(),
  })
  .strict()
  .describe(
    'Countries per phone channel, e.g. {"sms": {"allow": ["TR", "TZ"]}} or ' +
      '{"sms": {"deny": ["XX"]}}; a channel without a rule reaches every country. Email is ' +
      'exempt. A refused number answers 403 country_not_allowed',
  )
  .meta({ id: 'GeoPermissions' });

export type GeoSettings = z.output<typeof geoSchema>;

/** The switchable kinds of number and their defaults: premium rate and shared cost refused. */
export const NUMBER_TYPE_DEFAULTS = {
  premiumRate: false,
  sharedCost: false,
  voip: true,
  tollFree: true,
  unknown: true,
} as const;

export type NumberTypeName = keyof typeof NUMBER_TYPE_DEFAULTS;

export const numberTypesSchema = z
  .object({
    premiumRate: z.boolean().default(false).describe('Premium-rate numbers; default refused'),
    sharedCost: z.boolean().default(false).describe('Shared-cost numbers; default refused'),
    voip: z.boolean().default(true).describe('VoIP numbers; default allowed'),
    tollFree: z.boolean().default(true).describe('Toll-free numbers; default allowed'),
    unknown: z
      .boolean()
      .default(true)
      .describe('Numbers whose type libphonenumber cannot tell; default allowed'),
  })
  .strict()
  .describe(
    'Kinds of phone number that may receive codes, on every phone channel (email is exempt). ' +
      'Mobile, fixed-line, personal, pager, UAN and voicemail numbers are always allowed. ' +
      'A refused number answers 403 number_type_not_allowed',
  )
  .meta({ id: 'NumberTypes' });

export type NumberTypeSettings = z.output<typeof numberTypesSchema>;

/** libphonenumber's type of a number → the switch that governs it, or none (always allowed). */
export function numberTypeOf(e164: string): NumberTypeName | null {
  switch (phoneType(e164)) {
    case 'PREMIUM_RATE':
      return 'premiumRate';
    case 'SHARED_COST':
      return 'sharedCost';
    case 'VOIP':
      return 'voip';
    case 'TOLL_FREE':
      return 'tollFree';
    case undefined:
      return 'unknown';
    default:
      return null;
  }
}

export type GeoRefusal =
  | { code: 'country_not_allowed'; detail: string }
  | { code: 'number_type_not_allowed'; detail: string };

/**
 * Why a code may not go to `e164` on `channel`, or null when it may. The country comes from
 * the number itself (its E.164 prefix), never from the request's `country` hint.
 */
export function geoRefusal(
  settings: { geo: GeoSettings; numberTypes: NumberTypeSettings },
  e164: string,
  channel: Channel,
): GeoRefusal | null {
  if (!isPhoneChannel(channel)) return null;
  const rule = settings.geo[channel];
  const country = phoneCountry(e164);
  const where = country ?? 'no country';
  if (rule?.allow && !(country && rule.allow.includes(country))) {
    return { code: 'country_not_allowed', detail: `${channel} codes do not go to ${where}` };
  }
  if (rule?.deny && country && rule.deny.includes(country)) {
    return { code: 'country_not_allowed', detail: `${channel} codes do not go to ${where}` };
  }
  const type = numberTypeOf(e164);
  if (type && !settings.numberTypes[type]) {
    return {
      code: 'number_type_not_allowed',
      detail: `codes do not go to ${TYPE_WORDS[type]} numbers (settings numberTypes.${type})`,
    };
  }
  return null;
}

const TYPE_WORDS: Record<NumberTypeName, string> = {
  premiumRate: 'premium-rate',
  sharedCost: 'shared-cost',
  voip: 'VoIP',
  tollFree: 'toll-free',
  unknown: 'unknown-type',
};
