import { z } from 'zod';
import {
  checkTemplate,
  requestTemplateSchema,
  successRuleSchema,
  timeoutMsSchema,
  varsSchema,
} from '../../outbound/http-template-schema.ts';

/** Placeholders an http validator's request may use; `vars` add more. */
export const VALIDATOR_PLACEHOLDERS = [
  'verificationId',
  'to',
  'toDigits',
  'code',
  'reference',
] as const;

/**
 * The settings of an http validator: the request that asks a third-party service whether a
 * code is right, and how to read its answer. An answer with a `success.status` is a verdict
 * (right when the success rule holds); one with a `wrongCodeStatus` says the code is wrong;
 * anything else — another status, a timeout, an answer the rule cannot read — is no verdict.
 */
export const httpValidatorConfigSchema = z
  .object({
    request: requestTemplateSchema,
    success: successRuleSchema,
    wrongCodeStatus: z
      .array(z.number().int().min(400).max(499))
      .default([400, 404, 422])
      .describe(
        'Statuses that mean the code is wrong (or its verification unknown to the service). ' +
          '5xx, 408 and 429 never do: they are no verdict',
      )
      .refine((list) => !list.some((s) => s === 408 || s === 429), 'must not list 408 or 429'),
    timeoutMs: timeoutMsSchema,
    vars: varsSchema,
  })
  .strict()
  .superRefine((config, ctx) => {
    checkTemplate(config, VALIDATOR_PLACEHOLDERS, ctx);
    for (const status of config.wrongCodeStatus) {
      if (config.success.status.includes(status)) {
        ctx.addIssue({
          code: 'custom',
          path: ['wrongCodeStatus'],
          message: `${status} is also a success status`,
        });
      }
    }
  });

export type HttpValidatorConfig = z.infer<typeof httpValidatorConfigSchema>;
