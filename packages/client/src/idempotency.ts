import type { Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

type HeaderOf<P extends keyof paths> = paths[P] extends {
  post: { parameters: { header?: infer H } };
}
  ? NonNullable<H>
  : never;

/** The POST paths whose operation declares an `Idempotency-Key` header. */
export type KeyedPath = {
  [P in keyof paths]: [HeaderOf<P>] extends [never]
    ? never
    : 'idempotency-key' extends keyof HeaderOf<P>
      ? P
      : never;
}[keyof paths];

/**
 * Operations otpd runs at most once per key: starting a verification and both checks. A
 * route that stops declaring the header stops compiling here.
 */
export const KEYED_PATHS = [
  '/v1/verifications',
  '/v1/verifications/check',
  '/v1/verifications/{id}/check',
] as const satisfies readonly KeyedPath[];

const keyed = new Set<string>(KEYED_PATHS);

/**
 * Gives each call of a keyed operation an `Idempotency-Key` unless the caller chose one. It
 * runs once per call, before the retries, so every retry carries the same key and otpd
 * replays the first outcome instead of starting a second verification or spending a second
 * attempt.
 */
export function idempotencyKeys(newKey: () => string = () => crypto.randomUUID()): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (request.method !== 'POST' || !keyed.has(schemaPath)) return undefined;
      if (request.headers.has('idempotency-key')) return undefined;
      request.headers.set('idempotency-key', newKey());
      return request;
    },
  };
}
