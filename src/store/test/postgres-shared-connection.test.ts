import type { Writable } from 'node:stream';
import type { PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import { countWrites } from '../../../test/helpers/socket-writes.ts';
import type { WebhookDelivery } from '../../ports/store-records.ts';
import { createPostgresStore } from '../postgres/postgres-store.ts';
import { sharedConnection } from '../postgres/shared-connection.ts';

/**
 * Statements outside transactions share one connection (postgres/shared-connection.ts), and
 * what a turn of the event loop gives it leaves in one write.
 */
let database: TestDatabase;
let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  database = await createTestDatabase();
  const schema = await database.createSchema();
  drop = schema.drop;
  const parsed = new URL(schema.url);
  parsed.searchParams.set('application_name', 'otpd_shared_test');
  url = parsed.toString();
  const store = createPostgresStore(url, { poolSize: 1 });
  await store.migrate();
  await store.close();
});
afterAll(async () => {
  await drop?.();
  await database?.drop();
});

/** The connections this file's stores hold open now. */
async function connections(): Promise<number> {
  const { rows } = await database.client.query<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where application_name = 'otpd_shared_test'",
  );
  return rows[0]?.n ?? 0;
}

describe('PostgreSQL shared connection', () => {
  it('serves many reads at once on one connection, and writes on those of the pool', async () => {
    const store = createPostgresStore(url, { poolSize: 10 });
    try {
      const reads = Array.from({ length: 20 }, (_, i) => store.getVerification('app_1', `v${i}`));
      expect(await Promise.all(reads)).toEqual(Array(20).fill(undefined));
      expect(await connections()).toBe(1);
      // Writes commit from connections of the pool, several at once, even outside a transaction.
      const delivery = { id: 'whd_1', attempts: 1, attemptLog: [] } as unknown as WebhookDelivery;
      const outcome = { status: 'delivered', statusCode: 200, error: null } as const;
      await Promise.all(
        Array.from({ length: 5 }, () => store.finishWebhookDelivery(delivery, outcome, 1)),
      );
      expect(await connections()).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
    await expect.poll(connections).toBe(0);
  });

  it('keeps to one connection in all when only one is allowed', async () => {
    const store = createPostgresStore(url, { poolSize: 1 });
    try {
      const reads = Array.from({ length: 5 }, (_, i) => store.getVerification('app_1', `v${i}`));
      await Promise.all([...reads, store.listApps()]);
      expect(await connections()).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('writes what one turn gives it in one write', async () => {
    const pool = new pg.Pool({ connectionString: url });
    let stream: Writable | undefined;
    const shared = sharedConnection(
      pool,
      (client) => {
        stream = (client as unknown as { connection: { stream: Writable } }).connection.stream;
        return client as unknown as PostgresPoolClient;
      },
      () => {},
    );
    try {
      const client = await shared.client();
      const writes = countWrites(stream as Writable);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => client.query('select $1::int as n', [i])),
      );
      expect(answers.map((a) => a.rows[0])).toEqual(Array.from({ length: 20 }, (_, n) => ({ n })));
      expect(writes()).toBe(1);
    } finally {
      await shared.end();
      await pool.end();
    }
  });

  it('opens another connection after the one it had broke', async () => {
    const lost: Error[] = [];
    const store = createPostgresStore(url, { poolSize: 2, onIdleError: (e) => lost.push(e) });
    try {
      await store.getVerification('app_1', 'v1');
      await database.client.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'otpd_shared_test'",
      );
      await expect.poll(() => lost.length).toBe(1);
      await expect(store.getVerification('app_1', 'v1')).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
