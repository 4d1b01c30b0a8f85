import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { type ApiResponse, type Client, createClient } from '../helpers/http-client.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { expectFieldFault } from '../helpers/problem.ts';

const SECRET = 'postgres-edge-input-server-secret-0123456789';
const shape = (r: ApiResponse) => ({
  status: r.status,
  contentType: r.headers.get('content-type'),
  body: r.body,
});

/** PostgreSQL refuses NUL in text: such input must be a 400 at the edge, never a 500 (I7). */
describe('edge input on PostgreSQL', () => {
  let database: TestDatabase;
  let schema: Awaited<ReturnType<TestDatabase['createSchema']>>;
  let server: TestServer;
  let client: Client;
  let appId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    schema = await database.createSchema();
    server = await startServer({
      dispatcher: false,
      env: { OTPD_DATABASE_URL: schema.url, OTPD_SECRET: SECRET },
    });
    ({ client, appId } = await server.createApp('Edge Input PG'));
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('answers a NUL in a body field, a query or a path id with 400, not a database 500', async () => {
    expectFieldFault(
      shape(await client.post('/v1/verifications', '{"to":"+905551230301","txCode":"t\\u0000"}')),
      'body.txCode',
      /NUL/,
    );
    expectFieldFault(
      shape(await client.get('/v1/messages?deviceId=d%00')),
      'querystring.deviceId',
      /NUL/,
    );
    expectFieldFault(shape(await client.get('/v1/verifications/ver_%00')), 'params.id', /NUL/);
    const receipt = await createClient(server.url).post(`/v1/receipts/http/${appId}/gw%00`, {
      id: 'x',
    });
    expectFieldFault(shape(receipt), 'params.provider', /NUL/);
    expect(server.logs.join('')).not.toContain('unhandled error');
  });
});
