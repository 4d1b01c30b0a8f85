import { z } from 'zod';
import { STATUSES } from '../../verification/domain/verification.ts';

/**
 * Convertalk's chatbot endpoints as its flow builder calls them: flat JSON in and out, so a
 * flow can save any answer field to a custom attribute. Fields a flow adds beyond these are
 * ignored, as the vendor does.
 */

export const sendOtpBody = z.object({
  accountSID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID: AC and 32 hex digits')
    .describe('Twilio Account SID; used for this request only, never stored'),
  authToken: z
    .string()
    .min(1)
    .max(256)
    .describe('Twilio auth token; used for this request only, never stored or logged'),
  fromNumber: z
    .string()
    .regex(/^\+[1-9][0-9]{6,14}$/, 'must be an E.164 phone number such as +15017122661')
    .describe('Your Twilio phone number, the sender'),
  toNumber: z
    .string()
    .min(1)
    .max(64)
    .describe(
      "The person's phone number: E.164, international digits without `+` " +
        "(`905551234567`), or national in the app's preferredCountry",
    ),
});

export const sendOtpAnswer = z
  .object({
    success: z.boolean().describe('Whether Twilio took the message'),
    status: z
      .enum(['sent', 'failed'])
      .describe('`sent`, or `failed` when Twilio refused or could not be reached'),
    message: z.string().describe('What happened, for people'),
    systemOtp: z
      .string()
      .describe(
        "What the flow's verify step compares: an opaque reference to the verification, " +
          'for verify-user-otp (default), or the code itself when the app sets ' +
          '`dialects.convertalk.systemOtp` to `code`',
      ),
    verificationId: z.string(),
    expiresAt: z.iso.datetime(),
    errorCode: z
      .string()
      .optional()
      .describe('On failure: the stable cause, e.g. `twilio_20003` (bad credentials)'),
  })
  .describe('Every outcome of a well-formed request answers 200 with this');

export const verifyOtpBody = z.object({
  systemOtp: z.string().min(1).max(1_024).describe('The `systemOtp` the send answered'),
  userOtp: z
    .union([z.string().min(1).max(32), z.number().int().nonnegative()])
    .transform(String)
    .describe('The code the person typed'),
});

export const verifyOtpAnswer = z
  .object({
    success: z
      .boolean()
      .describe('Whether systemOtp named a verification of this app and the check ran'),
    verified: z.boolean().describe('Whether the code was right'),
    status: z
      .enum([...STATUSES, 'invalid_system_otp'])
      .describe('The verification status after the check, or `invalid_system_otp`'),
    attemptsRemaining: z.number().int(),
    message: z.string().describe('What happened, for people'),
  })
  .describe('Every outcome of a well-formed request answers 200 with this');
