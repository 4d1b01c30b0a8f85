import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import type { IdempotencyStore } from '../ports/idempotency-store.ts';

/** How long a key's response is kept for replay. */
const RETENTION_MS = 24 * 60 * 60 * 1000;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so equal bodies give equal fingerprints. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface Idempotency {
  store: Pick<
    IdempotencyStore,
    'claimIdempotencyKey' | 'completeIdempotencyKey' | 'releaseIdempotencyKey'
  >;
  clock: Clock;
}

/**
 * Runs `handler` at most once per app and `Idempotency-Key`: a repeat with the same body
 * gets the first response again; a repeat with another body is refused (422). Only
 * successful responses are kept: after an error the key is free for a corrected retry.
 */
export async function runIdempotent(
  deps: Idempotency,
  appId: string,
  request: FastifyRequest,
  reply: FastifyReply,
  handler: () => Promise<{ statusCode: number; body: unknown }>,
): Promise<void> {
  const header = request.headers['idempotency-key'];
  if (header === undefined) {
    const result = await handler();
    reply.status(result.statusCode).send(result.body);
    return;
  }
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw new OtpdError(
      'validation_failed',
      'Idempotency-Key must be 1–255 visible ASCII characters',
      {
        errors: [
          { field: 'headers.idempotency-key', message: 'must be 1–255 visible ASCII characters' },
        ],
      },
    );
  }
  const fingerprint = createHash('sha256')
    .update(
      `${request.method} ${request.routeOptions.url} ${canonical(request.params)} ${canonical(request.body)}`,
    )
    .digest('hex');
  const now = deps.clock.now();
  const claim = await deps.store.claimIdempotencyKey(
    appId,
    header,
    fingerprint,
    now,
    now + RETENTION_MS,
  );
  switch (claim.state) {
    case 'mismatch':
      throw new OtpdError(
        'idempotency_key_reused',
        'this Idempotency-Key was sent with another request',
      );
    case 'in_progress':
      throw new OtpdError(
        'idempotency_key_in_progress',
        'the first request with this key is still running',
        {
          retryAfterMs: 1000,
        },
      );
    case 'replay':
      reply
        .status(claim.statusCode)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(claim.body);
      return;
    case 'claimed':
      break;
  }
  try {
    const result = await handler();
    await deps.store.completeIdempotencyKey(
      appId,
      header,
      result.statusCode,
      JSON.stringify(result.body),
    );
    reply.status(result.statusCode).send(result.body);
  } catch (error) {
    await deps.store.releaseIdempotencyKey(appId, header);
    throw error;
  }
}
