import { z } from 'zod';

/** `{{name}}`, spaces inside the braces allowed. The subject knows only `{{app}}`. */
export const SUBJECT_PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** `name@domain`, no spaces or angle brackets. */
const MAILBOX = /^[^\s<>@]+@[^\s<>@]+$/;

/** `otp@shop.example` or `Shop <otp@shop.example>`; never a line break (header injection). */
function isFromAddress(text: string): boolean {
  if (/[\r\n]/.test(text)) return false;
  const named = /^([^<>]*)<([^<>]+)>$/.exec(text.trim());
  return MAILBOX.test(named ? (named[2] as string) : text.trim());
}

/**
 * The settings of one smtp provider: where the mail server is, how the
 * connection is secured, who the message is from and its subject. App settings hold it as
 * `{"type": "smtp", …}`; the provider registry adds and strips `type`. `auth.pass` is secret
 * (stored encrypted, read back masked).
 */
export const smtpProviderConfigSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, ".", "_" and "-", at most 63')
      .describe('Names this mail server in the message log'),
    host: z
      .string()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.:_-]+$/, 'a host name or an IP address')
      .describe(
        'Mail server host name or IP address; checked against the outbound address rule ' +
          '(internal addresses only with OTPD_ALLOW_NETWORKS)',
      ),
    port: z
      .number()
      .int()
      .min(1)
      .max(65_535)
      .optional()
      .describe('Default 465 with secure, else 587 (submission)'),
    secure: z
      .boolean()
      .default(false)
      .describe('Implicit TLS from the first byte (usually port 465)'),
    starttls: z
      .enum(['required', 'opportunistic', 'off'])
      .default('required')
      .describe(
        'Without secure: "required" refuses a server that does not upgrade to TLS; ' +
          '"opportunistic" upgrades when offered; "off" never does (the password and the code ' +
          'then cross the network in clear). Ignored with secure',
      ),
    auth: z
      .object({
        user: z.string().min(1).max(256),
        pass: z.string().min(1).max(1_024).describe('Secret: stored encrypted, read back masked'),
      })
      .strict()
      .optional()
      .describe('Log in with this user and password (AUTH PLAIN or LOGIN); required once given'),
    from: z
      .string()
      .max(320)
      .refine(isFromAddress, 'must be an address such as otp@shop.example or "Shop <otp@…>"')
      .describe('The From header and envelope sender'),
    subject: z
      .string()
      .min(1)
      .max(200)
      .refine((s) => !/[\r\n]/.test(s), 'must be one line')
      .default('Your {{app}} verification code')
      .describe('Subject line; {{app}} is the app name. The code is not in it by default'),
    html: z
      .boolean()
      .default(false)
      .describe('Also send an HTML part: the text escaped, the code emphasised'),
    timeoutMs: z
      .number()
      .int()
      .min(500)
      .max(120_000)
      .default(15_000)
      .describe('Time limit of one attempt: resolving, connecting, TLS, login and sending'),
  })
  .strict()
  .superRefine((config, ctx) => {
    for (const [, name] of config.subject.matchAll(SUBJECT_PLACEHOLDER)) {
      if (name !== 'app') {
        ctx.addIssue({
          code: 'custom',
          path: ['subject'],
          message: `unknown placeholder {{${name}}}; the subject knows {{app}}`,
        });
      }
    }
  });

export type SmtpProviderConfig = z.infer<typeof smtpProviderConfigSchema>;
