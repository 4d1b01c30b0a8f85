import { z } from 'zod';
import { ADMIN_ROLES } from '../console-store.ts';

const timestamp = z.iso.datetime();

export const loginBody = z
  .object({
    email: z.string().min(1).max(254),
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('The authenticator code, or a recovery code; needed when the admin has TOTP on'),
  })
  .strict();

export const adminSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(ADMIN_ROLES),
    appIds: z.array(z.string()).describe('The apps a non-owner sees; empty for an owner'),
    totp: z.boolean().describe('Whether sign-in asks for an authenticator code'),
    disabledAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'ConsoleAdmin' });

export const sessionSchema = z
  .object({
    admin: adminSchema,
    csrfToken: z
      .string()
      .describe('Send it as `X-CSRF-Token` on every console request that changes something'),
    expiresAt: timestamp.describe('The absolute end of the session'),
    idleMinutes: z.number().int().describe('The session ends after this long without a request'),
  })
  .meta({ id: 'ConsoleSession' });

export const totpEnrolment = z
  .object({
    uri: z.string().describe('The otpauth:// URI for an authenticator app'),
    secret: z.string().describe('The secret in base32, for typing in by hand'),
    qrSvg: z.string().describe('The URI as a QR code, an SVG document'),
    recoveryCodes: z
      .array(z.string())
      .describe('Single-use codes for when the authenticator is lost; shown only now'),
  })
  .meta({ id: 'TotpEnrolment' });

export const totpConfirmBody = z
  .object({ code: z.string().min(1).max(16).describe('The code the authenticator shows') })
  .strict();

export const totpConfirmed = z.object({
  enabled: z.boolean().describe('False when the code was wrong: TOTP stays off, try again'),
});

export const auditEntrySchema = z
  .object({
    seq: z.number().int().describe('The place in the chain: 1, 2, 3 …'),
    id: z.string(),
    at: timestamp,
    actor: z.string().describe('`admin:<email>`, `key:<keyId>`, `cli` or `system`'),
    action: z.string(),
    appId: z.string().nullable(),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).describe('Secrets are masked'),
    hash: z.string().describe("SHA-256 of the previous entry's hash and this entry's content"),
  })
  .meta({ id: 'AuditEntry' });

export const auditList = z
  .object({
    data: z.array(auditEntrySchema),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for older entries'),
  })
  .meta({ id: 'AuditList' });

export const auditQuery = z
  .object({
    cursor: z
      .string()
      .regex(/^[1-9][0-9]{0,15}$/, 'must be a nextCursor of an earlier page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
