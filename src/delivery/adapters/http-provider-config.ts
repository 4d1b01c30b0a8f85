import { z } from 'zod';
import { MESSAGE_STATUSES } from '../../message-log/message-log-ports.ts';
import {
  checkTemplate,
  jsonPointer,
  requestTemplateSchema,
  successRuleSchema,
  timeoutMsSchema,
  usesPlaceholder,
  varsSchema,
} from '../../outbound/http-template-schema.ts';
import type { HttpReceiptConfig } from '../../receipts/domain/http-receipt.ts';

/** Placeholders every http provider may use; `vars` add more. */
export const HTTP_PLACEHOLDERS = [
  'to',
  'toDigits',
  'code',
  'message',
  'locale',
  'verificationId',
  'messageId',
  // A chat message's image URL ('' when none) and buttons (see OutboundMessage.chat).
  'imageUrl',
  'buttons',
] as const;

/** One pointer, or several tried in order (the first that finds a value wins). */
const pointers = z.union([jsonPointer, z.array(jsonPointer).min(1).max(5)]);

/**
 * How the gateway's delivery receipts read (`POST /v1/receipts/http/{appId}/{name}`). The
 * pointers look into the receipt's body (JSON, or form fields as a flat object).
 */
export const httpReceiptConfigSchema = z
  .object({
    token: z
      .string()
      .min(16, 'must be at least 16 characters')
      .max(256)
      .describe(
        'Shared secret the gateway sends as `?token=` or the `X-Otpd-Receipt-Token` header. ' +
          'Stored encrypted; read back masked',
      ),
    messageIdPointer: pointers.describe(
      "Where the receipt keeps the gateway's id of the message (the one messageIdPointer found)",
    ),
    statusPointer: pointers.describe("Where the receipt keeps the gateway's status"),
    errorPointer: pointers
      .optional()
      .describe("Where the receipt keeps the gateway's error code, if it sends one"),
    statusMap: z
      .record(z.string().min(1).max(100), z.enum(MESSAGE_STATUSES))
      .refine((map) => Object.keys(map).length > 0, 'must map at least one status')
      .describe(
        "The gateway's statuses to otpd's (queued, sent, delivered, undelivered, failed), " +
          'e.g. {"DELIVRD": "delivered"}; matched exactly, then ignoring case. Others are ignored',
      ),
  })
  .strict()
  .meta({ id: 'HttpReceiptConfig' }) satisfies z.ZodType<HttpReceiptConfig>;

export type { HttpReceiptConfig };

/** Placeholders that carry otpd's code, which a sender that makes its own never gets. */
const CODE_PLACEHOLDERS = ['code', 'message'] as const;

/**
 * The settings of one http provider, validated as a whole: every
 * placeholder must be known, the URL must be http(s) once filled, and the body must suit its
 * encoding. A bad document is refused naming each field, before anything is sent. App
 * settings hold it as `{"type": "http", …}`; the provider registry adds and strips `type`.
 */
export const httpProviderConfigSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, ".", "_" and "-", at most 63')
      .describe('Names this gateway in the message log and in receipts'),
    request: requestTemplateSchema,
    success: successRuleSchema,
    messageIdPointer: jsonPointer
      .nullable()
      .default(null)
      .describe("Where the gateway's answer keeps its id for the message (JSON pointer)"),
    receipt: httpReceiptConfigSchema
      .optional()
      .describe('Delivery receipts from this gateway; without it its receipts are refused'),
    generatesCode: z
      .boolean()
      .default(false)
      .describe(
        'The service makes and sends its own code (integration mode 3): otpd sends no code, ' +
          "and the app's validator checks codes. {{code}} and {{message}} are then unavailable",
      ),
    referencePointer: jsonPointer
      .nullable()
      .default(null)
      .describe(
        "With generatesCode: where the answer keeps the service's id for the code, handed to " +
          'the validator as {{reference}}; an answer without it is a failed send',
      ),
    timeoutMs: timeoutMsSchema,
    vars: varsSchema,
  })
  .strict()
  .superRefine((config, ctx) => {
    checkTemplate(config, HTTP_PLACEHOLDERS, ctx);
    if (config.generatesCode) {
      for (const name of CODE_PLACEHOLDERS) {
        if (usesPlaceholder(config.request, name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['generatesCode'],
            message: `a service that makes its own code gets no {{${name}}} from otpd`,
          });
        }
      }
    } else if (config.referencePointer !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['referencePointer'],
        message: 'is read only from a service that makes its own code (generatesCode: true)',
      });
    }
  });

export type HttpProviderConfig = z.infer<typeof httpProviderConfigSchema>;
