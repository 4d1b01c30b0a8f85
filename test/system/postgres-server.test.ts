import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { cleanupProcesses, runCli, runServerToExit } from '../helpers/process.ts';

const SECRET = 'postgres-integration-server-secret-0123456789';

/** The HTTP server on PostgreSQL: the same flows as on SQLite, through the real API. */
describe('otpd on PostgreSQL', () => {
  let database: TestDatabase;
  let schema: Awaited<ReturnType<TestDatabase['createSchema']>>;
  let server: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    schema = await database.createSchema();
    server = await startServer({
      env: { OTPD_DATABASE_URL: schema.url, OTPD_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('keeps its tables in the database, not in the data dir', async () => {
    const { rows } = await database.client.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1',
      [schema.name],
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['apps', 'verifications', 'outbox_jobs', 'kysely_migration']),
    );
  });

  it('creates, delivers to the sandbox and approves the right code', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551230001' });
    expect(created.status).toBe(201);
    const code = await server.readCode(client, created.body.id);
    const checked = await client.post(`/v1/verifications/${created.body.id}/check`, { code });
    expect(checked.body).toMatchObject({ status: 'approved', valid: true });
    const read = await client.get(`/v1/verifications/${created.body.id}`);
    expect(read.body).toMatchObject({ status: 'approved', attempts: 1 });
  });

  it('100 concurrent wrong checks spend exactly maxAttempts (I2)', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551230002' });
    const id = created.body.id;
    const code = await server.readCode(client, id);
    const wrong = code === '000000' ? '000001' : '000000';

    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        client.post(`/v1/verifications/${id}/check`, { code: wrong }),
      ),
    );
    expect(answers.every((a) => a.status === 200 && a.body.valid === false)).toBe(true);
    expect(answers.filter((a) => a.body.reason === 'incorrect_code')).toHaveLength(4);
    expect(answers.filter((a) => a.body.reason === 'max_attempts_reached')).toHaveLength(96);
    const after = await client.get(`/v1/verifications/${id}`);
    expect(after.body).toMatchObject({
      attempts: 5,
      maxAttempts: 5,
      status: 'max_attempts_reached',
    });
    const right = await client.post(`/v1/verifications/${id}/check`, { code });
    expect(right.body).toMatchObject({ valid: false, reason: 'max_attempts_reached' });
  });

  it('reports the database in /readyz', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });
});

describe('start-up on an unreachable PostgreSQL', () => {
  afterEach(() => cleanupProcesses());

  it('exits 1 with one line naming the database, without its password', async () => {
    const result = await runServerToExit({
      // Port 1 on loopback: nothing listens there, so the connection is refused at once.
      OTPD_DATABASE_URL: 'postgres://otpd:hunter2@127.0.0.1:1/otpd',
      OTPD_SECRET: SECRET,
      OTPD_PORT: '0',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^otpd: failed to start: database postgres:\/\/otpd@127\.0\.0\.1:1\/otpd: .*ECONNREFUSED/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });

  it('makes the CLI fail the same way', async () => {
    const result = await runCli(['apps', 'list'], {
      OTPD_DATABASE_URL: 'postgres://otpd:hunter2@127.0.0.1:1/otpd',
      OTPD_SECRET: SECRET,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^otpd: database postgres:\/\/otpd@127\.0\.0\.1:1\/otpd: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('refuses a database URL without OTPD_SECRET, naming it', async () => {
    const result = await runServerToExit({
      OTPD_DATABASE_URL: 'postgres://otpd:hunter2@127.0.0.1:1/otpd',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^OTPD_SECRET: required with OTPD_DATABASE_URL/m);
    expect(result.stderr).not.toContain('hunter2');
  });
});
