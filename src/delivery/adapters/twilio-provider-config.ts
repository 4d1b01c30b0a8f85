import { z } from 'zod';

/** Where Twilio's REST API lives; tests point `baseUrl` at a local fake instead. */
export const TWILIO_API = 'https://api.twilio.com';

/** Twilio resource ids: a two-letter prefix and 32 hex digits. */
const sid = (prefix: 'AC' | 'MG', what: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}[0-9a-fA-F]{32}$`),
      `must be a ${what}: ${prefix} and 32 hex digits`,
    );

const e164 = z
  .string()
  .regex(/^\+[1-9][0-9]{6,14}$/, 'must be an E.164 phone number such as +15017122661');

/**
 * The settings of one twilio provider (Programmable Messaging). The sender
 * is exactly one of `from` and `messagingServiceSid`, as Twilio requires. App settings hold
 * it as `{"type": "twilio", …}`; the provider registry adds and strips `type`.
 */
export const twilioProviderConfigSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, ".", "_" and "-", at most 63')
      .describe('Names this provider in the message log and in receipts'),
    accountSid: sid('AC', 'Twilio Account SID').describe(
      'Account SID (AC…), also the Basic auth user',
    ),
    authToken: z
      .string()
      .min(1)
      .max(256)
      .describe("The account's auth token. Stored encrypted; read back masked"),
    from: e164
      .optional()
      .describe(
        'Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls ' +
          'come from it',
      ),
    messagingServiceSid: sid('MG', 'Messaging Service SID')
      .optional()
      .describe('Messaging Service (MG…) that picks the sender, in place of from (not for voice)'),
    statusCallback: z
      .url({ protocol: /^https?$/ })
      .max(2_048)
      .optional()
      .describe("URL Twilio posts delivery status changes (and a call's status) to"),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .default(TWILIO_API)
      .describe(`Twilio API origin; default ${TWILIO_API}. Goes through the outbound guard`),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(5_000)
      .describe('Time limit of one attempt: resolving, connecting and the whole answer'),
  })
  .strict()
  .superRefine((config, ctx) => {
    if ((config.from === undefined) === (config.messagingServiceSid === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [config.from === undefined ? 'from' : 'messagingServiceSid'],
        message: 'set exactly one of from and messagingServiceSid',
      });
    }
    const base = URL.canParse(config.baseUrl) ? new URL(config.baseUrl) : undefined;
    if (base && (base.search !== '' || base.hash !== '' || base.username || base.password)) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseUrl'],
        message: 'must be an origin with at most a path: no query, fragment or credentials',
      });
    }
  });

export type TwilioProviderConfig = z.infer<typeof twilioProviderConfigSchema>;

/** `POST {baseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json` */
export function messagesUrl(config: TwilioProviderConfig): string {
  return accountUrl(config, 'Messages.json');
}

/** `POST {baseUrl}/2010-04-01/Accounts/{AccountSid}/Calls.json`: the voice channel's calls. */
export function callsUrl(config: TwilioProviderConfig): string {
  return accountUrl(config, 'Calls.json');
}

function accountUrl(config: TwilioProviderConfig, resource: string): string {
  const base = config.baseUrl.replace(/\/+$/, '');
  return `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/${resource}`;
}
