import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/http/input-guard.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { type ApiResponse, type Client, createClient } from '../helpers/http-client.ts';
import { expectFieldFault, expectProblem } from '../helpers/problem.ts';

const shape = (r: ApiResponse) => ({
  status: r.status,
  contentType: r.headers.get('content-type'),
  body: r.body,
});

/** `{"a":{"a":…1…}}` with `levels` objects. */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** Input shapes that overflow or corrupt something past the edge are refused at the edge (I7). */
describe('edge input: bodies, queries and paths nothing past the edge can take', () => {
  let server: TestServer;
  let client: Client;
  let appId: string;

  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
    ({ client, appId } = await server.createApp('Edge Input'));
  });
  afterAll(() => server.close());

  it('refuses metadata nested thousands deep with 400 naming the place, not a stack overflow 500', async () => {
    const response = await client.post(
      '/v1/verifications',
      `{"to":"+905551230101","metadata":${nested(5_000)}}`,
    );
    const body = expectProblem(shape(response), 400, 'validation_failed');
    expect(body.errors[0].field).toMatch(/^body\.metadata\.a\.a/);
    expect(body.errors[0].message).toContain(`deeper than ${MAX_NESTING} levels`);
    expect(body.detail).toContain(`${MAX_NESTING}`);
  });

  it('refuses a settings document nested thousands deep with 400, not a stack overflow 500', async () => {
    const response = await client.request('PUT', '/v1/settings', `{"limits":${nested(5_000)}}`);
    const body = expectProblem(shape(response), 400, 'validation_failed');
    expect(body.errors[0].field).toMatch(/^body\.limits\.a\.a/);
  });

  it('refuses arrays nested past the limit on every JSON route, and accepts exactly the limit', async () => {
    for (const path of [
      '/v1/verifications',
      '/v1/verifications/check',
      '/v1/webhook-deliveries/wh_x/retry',
    ]) {
      const response = await client.post(path, nestedArrays(MAX_NESTING + 1));
      expectProblem(shape(response), 400, 'validation_failed');
    }
    // body (1) › metadata (2) › … : the deepest object allowed is level MAX_NESTING.
    const deepest = `{"to":"+905551230102","metadata":${nested(MAX_NESTING - 1)}}`;
    expect((await client.post('/v1/verifications', deepest)).status).toBe(201);
    const tooDeep = `{"to":"+905551230102","metadata":${nested(MAX_NESTING)}}`;
    expectProblem(shape(await client.post('/v1/verifications', tooDeep)), 400, 'validation_failed');
  });

  it('refuses a NUL character in a body, a query or a path, which PostgreSQL cannot store', async () => {
    expectFieldFault(
      shape(await client.post('/v1/verifications', '{"to":"+905551230103","txCode":"a\\u0000"}')),
      'body.txCode',
      /NUL/,
    );
    expectFieldFault(
      shape(await client.get('/v1/messages?txCode=%00')),
      'querystring.txCode',
      /NUL/,
    );
    expectFieldFault(shape(await client.get('/v1/verifications/ver_%00')), 'params.id', /NUL/);
  });

  it('refuses lone surrogates and numbers past the double range instead of storing them changed', async () => {
    expectFieldFault(
      shape(
        await client.post('/v1/verifications', '{"to":"+905551230104","metadata":{"k":"\\ud800"}}'),
      ),
      'body.metadata.k',
      /lone surrogate/,
    );
    expectFieldFault(
      shape(
        await client.post('/v1/verifications', '{"to":"+905551230104","metadata":{"\\udc00":1}}'),
      ),
      'body.metadata.\udc00',
      /lone surrogate/,
    );
    expectFieldFault(
      shape(
        await client.post('/v1/verifications', '{"to":"+905551230104","metadata":{"n":1e400}}'),
      ),
      'body.metadata.n',
      /too large/,
    );
  });

  it('refuses __proto__ and constructor.prototype keys by name, and pollutes nothing', async () => {
    expectFieldFault(
      shape(
        await client.post(
          '/v1/verifications',
          '{"to":"+905551230105","metadata":{"__proto__":{"polluted":1}}}',
        ),
      ),
      'body.metadata.__proto__',
      /prototype/,
    );
    expectFieldFault(
      shape(
        await client.post(
          '/v1/verifications',
          '{"to":"+905551230105","metadata":{"constructor":{"prototype":{"polluted":1}}}}',
        ),
      ),
      'body.metadata.constructor',
      /prototype/,
    );
    // A form field named __proto__, repeated so that it arrives as a list.
    const receipt = await createClient(server.url).post(
      `/v1/receipts/twilio/${appId}`,
      '__proto__=a&__proto__=b&MessageSid=SM1',
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expectFieldFault(shape(receipt), 'body.__proto__', /prototype/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names a key 60 KiB long by its start, not the whole key', async () => {
    const key = 'k'.repeat(60 * 1024);
    const response = await client.post(
      '/v1/verifications',
      `{"to":"+905551230106","${key}\\u0000":1}`,
    );
    const body = expectProblem(shape(response), 400, 'validation_failed');
    expect(body.errors[0].field.length).toBeLessThan(100);
  });

  it('answers a badly percent-encoded path with a 400 problem, not Fastify JSON', async () => {
    const response = await client.get('/v1/verifications/%E0%A4%A');
    const body = expectProblem(shape(response), 400, 'malformed_request');
    expect(body.detail).toContain('percent-encoding');
  });

  it('answers a path parameter past the router limit with a 414 problem, not Fastify JSON', async () => {
    const response = await client.get(`/v1/verifications/${'a'.repeat(150)}`);
    expectProblem(shape(response), 414, 'uri_too_long');
  });

  it('answers a URL past 8 KiB with 414 uri_too_long', async () => {
    const response = await client.get(`/v1/messages?txCode=${'a'.repeat(9 * 1024)}`);
    expectProblem(shape(response), 414, 'uri_too_long');
  });

  it('never logged an unhandled error for any of the above', () => {
    expect(server.logs.join('')).not.toContain('unhandled error');
    expect(server.logs.filter((line) => /"status":5\d\d/.test(line))).toEqual([]);
  });
});
