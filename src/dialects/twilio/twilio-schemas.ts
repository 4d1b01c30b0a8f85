import { z } from 'zod';

/** Form fields: Twilio's names, strings as form bodies carry them. Unknown fields are ignored. */
const text = (max: number) => z.string().max(max);

export const serviceParams = z.object({
  ServiceSid: text(64).describe("The app's `VA…` service SID"),
});

export const verificationParams = serviceParams.extend({
  Sid: text(254).describe('The verification SID (`VE…`), or its `To` for the newest one'),
});

export const createVerificationForm = z.object({
  To: text(254).optional().describe('E.164 phone number or email address'),
  Channel: text(16)
    .optional()
    .describe(
      '`sms`, `call` (the `voice` channel), `whatsapp`, `email`, or `auto` (SMS); `sna`, ' +
        '`rcs` and `passkeys` answer 60223',
    ),
  Locale: text(16).optional().describe('Message language, e.g. `en`, `pt-br`: picks the template'),
  CustomFriendlyName: text(64)
    .optional()
    .describe("Replaces the app's name in the message; also kept as metadata `friendlyName`"),
  CustomMessage: text(1000)
    .optional()
    .describe('The message itself, with `{{code}}` where the code goes (deprecated at Twilio)'),
  CustomCode: text(32)
    .optional()
    .describe(
      "The app's own code (4–10 letters or digits); needs `dialects.twilio.allowCustomCode`, " +
        'else 60204',
    ),
  Amount: text(64).optional().describe('PSD2 amount, with Payee: shown in the message'),
  Payee: text(256).optional().describe('PSD2 payee, with Amount: shown in the message'),
  DeviceIp: text(64).optional().describe("The end user's IP, for the per-IP limits"),
  Tags: text(2048).optional().describe('JSON object of tags, kept in the metadata as `tags`'),
  AppHash: text(32)
    .optional()
    .describe("The Android SMS Retriever hash line of this SMS, over the app's `androidAppHash`"),
  RateLimits: text(2048).optional().describe("Accepted and ignored: the app's own limits apply"),
  RiskCheck: text(16).optional().describe('`enable` only: the abuse protection always applies'),
  TemplateSid: text(64).optional().describe("Refused with 60200: the app's templates apply"),
  TemplateCustomSubstitutions: text(2048).optional().describe('Refused with 60200'),
  Templates: text(4096).optional().describe('Refused with 60200'),
  SendDigits: text(64).optional().describe('Refused with 60200'),
  ChannelConfiguration: text(2048).optional().describe('Refused with 60200'),
  EnableSnaClientToken: text(8).optional().describe('`true` answers 60223: no SNA'),
});

export const updateVerificationForm = z.object({
  Status: text(32)
    .optional()
    .describe('`canceled`, or `approved` for a verification the app confirmed another way'),
});

export const checkForm = z.object({
  Code: text(16).optional().describe('The code the user typed'),
  To: text(254).optional().describe("Checks the destination's newest verification"),
  VerificationSid: text(64).optional().describe('Checks this verification'),
  Amount: text(64).optional(),
  Payee: text(256).optional(),
});

const date = z.string().describe('ISO 8601, to the second');
const common = {
  sid: z.string(),
  service_sid: z.string(),
  account_sid: z.string(),
  to: z.string(),
  channel: z.string(),
  status: z.string(),
  valid: z.boolean(),
  amount: z.string().nullable(),
  payee: z.string().nullable(),
  date_created: date,
  date_updated: date,
};

export const twilioVerification = z.object({
  ...common,
  lookup: z.object({ carrier: z.null() }),
  send_code_attempts: z.array(
    z.object({ attempt_sid: z.string(), channel: z.string(), time: date }),
  ),
  sna: z.null(),
  url: z.string(),
});

export const twilioCheck = z.object({
  ...common,
  sna_attempts_error_codes: z.array(z.unknown()),
});

export const twilioErrorBody = z
  .object({
    code: z.number().int().describe("Twilio's error number, e.g. 60200 (invalid parameter)"),
    message: z.string(),
    more_info: z.string(),
    status: z.number().int(),
  })
  .meta({ id: 'TwilioError', description: "An error in Twilio's shape" });

/** Every error the dialect answers, each in Twilio's shape (twilio-errors.ts). */
export const twilioErrors = Object.fromEntries(
  [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503].map((status) => [
    status,
    twilioErrorBody,
  ]),
) as Record<
  400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
  typeof twilioErrorBody
>;
