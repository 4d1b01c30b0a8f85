import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problemBody, toOtpdError } from '../../http/errors.ts';
import type { Logger } from '../../observability/logger.ts';

/**
 * Convertalk's error shape: the flat JSON a chatbot flow's API step saves field by field,
 * `{success: false, error, message}`, with the HTTP status a problem would have. `error` is
 * the native problem's stable code; validation failures add `errors` naming each field.
 */
export const convertalkError = z
  .object({
    success: z.literal(false),
    error: z.string().describe("The stable code, as a native problem's `code`"),
    message: z.string().describe('What went wrong, for people'),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'ConvertalkError' });

/** Convertalk error answers, as `response` entries. */
export function convertalkErrors<S extends number>(
  ...statuses: S[]
): Record<S, typeof convertalkError> {
  return Object.fromEntries(statuses.map((s) => [s, convertalkError])) as Record<
    S,
    typeof convertalkError
  >;
}

/** Answers whatever was thrown under /convertalk in Convertalk's shape; only bugs are 500. */
export function sendConvertalkError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
): FastifyReply {
  const native = toOtpdError(error as FastifyError, logger, request);
  const problem = problemBody(native);
  if (native.extra.retryAfterMs !== undefined) {
    reply.header('retry-after', String(Math.max(1, Math.ceil(native.extra.retryAfterMs / 1000))));
  }
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
  if (native.extra.allow) reply.header('allow', native.extra.allow.join(', '));
  return reply.status(problem.status).send({
    success: false as const,
    error: native.code,
    message: native.detail,
    ...(native.extra.errors ? { errors: native.extra.errors } : {}),
  });
}
