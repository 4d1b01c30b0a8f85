import { z } from 'zod';

/** A Standard Webhooks signing secret, as webhooks and the messenger's bot take it. */
export const webhookSecretSchema = z
  .string()
  .regex(
    /^whsec_[A-Za-z0-9+/]{24,}={0,2}$/,
    'must be a Standard Webhooks secret: whsec_ and at least 18 base64-encoded bytes',
  )
  .describe('Signing secret (Standard Webhooks). Stored encrypted; read back masked');
