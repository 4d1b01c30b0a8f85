import { Writable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { toOtpdError } from '../../src/http/errors.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { POSTGRES_ADMIN_URL } from '../helpers/postgres.ts';

function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  return { logger, lines };
}

const request = { id: 'req-1' } as FastifyRequest;

describe('a database that gives no connection', () => {
  it('answers 503 service_unavailable with a retry time when every pooled connection stays busy', async () => {
    // The real pool, at one connection held elsewhere and a short wait: pg-pool's own error.
    const pool = new pg.Pool({
      connectionString: POSTGRES_ADMIN_URL,
      max: 1,
      connectionTimeoutMillis: 50,
    });
    const held = await pool.connect();
    try {
      const error = await pool.connect().then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(Error);
      const { logger, lines } = capturingLogger();
      const answer = toOtpdError(error as Error, logger, request);
      expect(answer.code).toBe('service_unavailable');
      expect(answer.extra.retryAfterMs).toBe(1_000);
      expect(lines.join('')).toContain('database unavailable');
    } finally {
      held.release();
      await pool.end();
    }
  });

  it('answers 503 when the database refuses the connection', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
    const error = await pool.query('select 1').then(
      () => undefined,
      (e: Error) => e,
    );
    await pool.end();
    const { logger } = capturingLogger();
    expect(toOtpdError(error as Error, logger, request).code).toBe('service_unavailable');
  });

  it('still answers 500 internal_error for any other fault', () => {
    const { logger, lines } = capturingLogger();
    expect(toOtpdError(new Error('a bug'), logger, request).code).toBe('internal_error');
    expect(lines.join('')).toContain('unhandled error');
  });
});
