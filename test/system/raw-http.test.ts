import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { type ApiResponse, createClient } from '../helpers/http-client.ts';
import { expectProblem } from '../helpers/problem.ts';
import { type RawResponse, rawRequest } from '../helpers/raw-http.ts';

const raw = (r: RawResponse) => ({
  status: r.status,
  contentType: r.headers['content-type'],
  body: r.body,
});
const shape = (r: ApiResponse) => ({
  status: r.status,
  contentType: r.headers.get('content-type'),
  body: r.body,
});

/**
 * Requests that Node's HTTP parser or Fastify's router refuse before any route runs, written
 * byte for byte over TCP: each is answered with a complete problem+json response (I7).
 */
describe('raw HTTP: refusals before routing are problems too', () => {
  let server: TestServer;
  let apiKey: string;
  let accountSid: string;
  let serviceSid: string;

  beforeAll(async () => {
    server = await startServer({
      dispatcher: false,
      env: { OTPD_DIALECT_HOSTS: 'twilio=verify.example.test' },
    });
    const created = await server.createApp('Raw HTTP');
    apiKey = created.apiKey;
    const app = await server.deps.store.getApp(created.appId);
    if (!app?.dialects) throw new Error('the app has no dialect identities');
    accountSid = app.dialects.twilioAccountSid;
    serviceSid = app.dialects.twilioServiceSid;
  });
  afterAll(() => server.close());

  const post = (headers: string, body = '') =>
    `POST /v1/verifications HTTP/1.1\r\nHost: otpd.test\r\nAuthorization: Bearer ${apiKey}\r\n${headers}\r\n${body}`;

  it('answers headers past 16 KiB with a 431 problem and closes the connection', async () => {
    const response = await rawRequest(
      server.url,
      `GET /healthz HTTP/1.1\r\nHost: otpd.test\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expectProblem(raw(response), 431, 'header_fields_too_large');
    expect(response.headers.connection).toBe('close');
    expect(response.closed).toBe(true);
  });

  it('answers a request line past 16 KiB with a 414 problem, not 431', async () => {
    const response = await rawRequest(
      server.url,
      `GET /v1/${'a'.repeat(40_000)} HTTP/1.1\r\nHost: otpd.test\r\n\r\n`,
    );
    expectProblem(raw(response), 414, 'uri_too_long');
    expect(response.headers.connection).toBe('close');
  });

  it('answers bytes that are not HTTP with a 400 problem and closes', async () => {
    const response = await rawRequest(server.url, 'GARBAGE\r\n\r\n');
    expectProblem(raw(response), 400, 'malformed_request');
    expect(response.closed).toBe(true);
  });

  it('answers a bad Content-Length or Transfer-Encoding with a 400 problem (no smuggling)', async () => {
    const cases = [
      post('Content-Type: application/json\r\nContent-Length: abc\r\n'),
      post('Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n'),
      post('Content-Length: 3\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'),
      post('Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n'),
    ];
    for (const request of cases) {
      const response = await rawRequest(server.url, request);
      expectProblem(raw(response), 400, 'malformed_request');
      expect(response.headers.connection).toBe('close');
    }
  });

  it('reads bytes past a short Content-Length as a next request, refused with a 400 problem', async () => {
    const response = await rawRequest(
      server.url,
      post('Content-Type: application/json\r\nContent-Length: 2\r\n', '{}{"to":"+905551230201"}'),
    );
    // The parser meets the stray bytes before the first answer is written: the connection
    // is unusable, so it is answered once, as malformed, and closed.
    expectProblem(raw(response), 400, 'malformed_request');
    expect(response.headers.connection).toBe('close');
    expect(response.closed).toBe(true);
  });

  it('answers an HTTP/1.1 request without Host with a 400 problem', async () => {
    const response = await rawRequest(server.url, 'GET /healthz HTTP/1.1\r\n\r\n');
    const body = expectProblem(raw(response), 400, 'malformed_request');
    expect(body.detail).toContain('Host');
  });

  it('answers an Expect it cannot meet with a 417 problem; 100-continue still works', async () => {
    const refused = await rawRequest(
      server.url,
      post('Content-Type: application/json\r\nContent-Length: 2\r\nExpect: 200-ok\r\n', '{}'),
    );
    expectProblem(raw(refused), 417, 'expectation_failed');

    const continued = await rawRequest(
      server.url,
      post(
        'Content-Type: application/json\r\nContent-Length: 24\r\nExpect: 100-continue\r\n' +
          'Connection: close\r\n',
        '{"to":"+905551230202"}  ',
      ),
    );
    expect(continued.raw).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 201 /);
  });

  it('ignores a body on GET rather than parsing it', async () => {
    const response = await rawRequest(
      server.url,
      `GET /v1/sandbox/messages HTTP/1.1\r\nHost: otpd.test\r\nAuthorization: Bearer ${apiKey}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"a":',
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: [] });
  });

  it('answers a known path with a method it does not serve with 405 and Allow', async () => {
    const client = createClient(server.url, apiKey);
    const cases: Array<[string, string, string]> = [
      ['DELETE', '/v1/verifications', 'POST'],
      ['PUT', '/v1/verifications/ver_x', 'GET, HEAD'],
      ['GET', '/v1/verifications/ver_x/check', 'POST'],
      ['POST', '/healthz', 'GET, HEAD'],
      ['PATCH', '/diyalog/v1/bots/sendmok/token', 'POST'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await client.request(method, path);
      const body = expectProblem(shape(response), 405, 'method_not_allowed');
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expect(body.detail).toContain(method);
    }
    // A path nothing serves stays 404.
    expectProblem(shape(await client.request('DELETE', '/v1/nope')), 404, 'route_not_found');
  });

  it('answers 405 in Twilio’s shape under /twilio and on a Twilio dialect host', async () => {
    const basic = `Basic ${Buffer.from(`${accountSid}:${apiKey}`).toString('base64')}`;
    const path = `/v2/Services/${serviceSid}/Verifications`;
    const prefixed = await createClient(server.url).request('DELETE', `/twilio${path}`, undefined, {
      authorization: basic,
    });
    expect(prefixed.status).toBe(405);
    expect(prefixed.headers.get('allow')).toBe('POST');
    expect(prefixed.body).toMatchObject({ code: 20004, status: 405 });

    const hosted = await rawRequest(
      server.url,
      `DELETE ${path} HTTP/1.1\r\nHost: verify.example.test\r\nAuthorization: ${basic}\r\nConnection: close\r\n\r\n`,
    );
    expect(hosted.status).toBe(405);
    expect(hosted.headers.allow).toBe('POST');
    expect(hosted.body).toMatchObject({ code: 20004, status: 405 });
  });

  it('never logged an unhandled error or a raw request for any of the above', () => {
    const logs = server.logs.join('');
    expect(logs).not.toContain('unhandled error');
    expect(logs).not.toContain(apiKey);
    expect(server.logs.filter((line) => /"status":5\d\d/.test(line))).toEqual([]);
  });
});

describe('raw HTTP: a request that never arrives whole', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ dispatcher: false, http: { requestTimeoutMs: 300 } });
  });
  afterAll(() => server.close());

  it('is answered 408 with a problem and closed, instead of holding the connection forever', async () => {
    const started = Date.now();
    const response = await rawRequest(
      server.url,
      // A receipt route: it reads the body before it authenticates anything.
      'POST /v1/receipts/http/app_x/gw HTTP/1.1\r\nHost: otpd.test\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":',
      { waitMs: 5_000 },
    );
    expectProblem(raw(response), 408, 'request_timeout');
    expect(response.headers.connection).toBe('close');
    expect(response.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(server.logs.join('')).not.toContain('unhandled error');
  });
});
