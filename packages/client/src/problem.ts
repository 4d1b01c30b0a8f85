import { parseRetryAfter } from './retry.ts';
import type { components } from './schema.d.ts';

/** An RFC 9457 problem document as otpd answers it. */
export type Problem = components['schemas']['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];

/** The `code` of an answer that was not a problem document, e.g. a proxy's HTML page. */
export const UNEXPECTED_RESPONSE = 'unexpected_response';

function isProblemDocument(body: unknown): body is Problem {
  if (body === null || typeof body !== 'object') return false;
  const { code, status } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof status === 'number';
}

/**
 * An error answer from otpd: its stable `code`, the human `detail`, the bad fields of a
 * validation error, and for limits (429) and outages (503) how long to wait.
 */
export class OtpdProblemError extends Error {
  override readonly name = 'OtpdProblemError';
  readonly status: number;
  /** Stable machine code, e.g. `rate_limited`; `unexpected_response` when no problem came. */
  readonly code: string;
  readonly detail: string;
  /** With `validation_failed`: each bad field (`body.to`, `headers.idempotency-key`, …). */
  readonly errors: FieldError[];
  /** Milliseconds the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;
  /** The whole problem document, for members such as `limit` or `verificationStatus`. */
  readonly problem: Problem | undefined;

  constructor(status: number, body: unknown, retryAfter?: number) {
    const problem = isProblemDocument(body) ? body : undefined;
    const detail =
      problem?.detail ?? (typeof body === 'string' ? body.slice(0, 200) : `HTTP ${status}`);
    const code = problem?.code ?? UNEXPECTED_RESPONSE;
    super(`${code}: ${detail}`);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = problem?.errors ?? [];
    this.retryAfter = retryAfter;
    this.problem = problem;
  }

  /** The error for a response openapi-fetch read as failed, with its parsed body. */
  static from(response: Response, body: unknown, now: number = Date.now()): OtpdProblemError {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
    return new OtpdProblemError(response.status, body, retryAfter);
  }
}

/** Whether `error` is a problem from otpd, and with one of `codes` when any are given. */
export function isProblem(error: unknown, ...codes: string[]): error is OtpdProblemError {
  if (!(error instanceof OtpdProblemError)) return false;
  return codes.length === 0 || codes.includes(error.code);
}
