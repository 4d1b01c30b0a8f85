import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../test/helpers/harness.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';

const SECRET = 'message-log-postgres-secret-0123456789abcdef';

/** Where the message log lives in clustered mode, through real deliveries. */
describe('message log on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  async function rowsOf(schema: string) {
    const { rows } = await database.client.query(
      `select * from ${schema}.message_log order by created_at, id`,
    );
    return rows;
  }

  async function deliverOne(server: Awaited<ReturnType<typeof startServer>>) {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551290001', txCode: 'PG' });
    const code = await server.readCode(client, created.body.id);
    for (let i = 0; i < 100; i++) {
      const { body } = await client.get(`/v1/verifications/${created.body.id}/messages`);
      if (body.data.length > 0) return { id: created.body.id, code, entries: body.data };
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('no message log entry');
  }

  it('shares the main database without OTPD_MESSAGE_LOG_URL, in tables of its own', async () => {
    const schema = await database.createSchema();
    const server = await startServer({
      env: { OTPD_DATABASE_URL: schema.url, OTPD_SECRET: SECRET },
    });
    try {
      const { id, code, entries } = await deliverOne(server);
      expect(entries).toMatchObject([{ status: 'sent', txCode: 'PG', country: 'TR' }]);
      const rows = await rowsOf(schema.name);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ verification_id: id, destination: '+905551290001' });
      expect(JSON.stringify(rows)).not.toContain(code);
      const { rows: history } = await database.client.query(
        `select name from ${schema.name}.message_log_migration order by name`,
      );
      expect(history).toEqual([
        { name: '0001_message_log' },
        { name: '0002_message_log_search' },
        { name: '0003_message_cost' },
      ]);
      expect(existsSync(join(server.dataDir, 'messages.db'))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('writes to OTPD_MESSAGE_LOG_URL when it is set, and nothing to the main database', async () => {
    const main = await database.createSchema();
    const logs = await database.createSchema();
    const server = await startServer({
      env: { OTPD_DATABASE_URL: main.url, OTPD_SECRET: SECRET, OTPD_MESSAGE_LOG_URL: logs.url },
    });
    try {
      const { id } = await deliverOne(server);
      expect((await rowsOf(logs.name)).map((r) => r.verification_id)).toEqual([id]);
      const { rows } = await database.client.query(
        "select table_name from information_schema.tables where table_schema = $1 and table_name like 'message_log%'",
        [main.name],
      );
      expect(rows).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
