import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, startFakeGateway } from '../helpers/fake-gateway.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { createClient } from '../helpers/http-client.ts';

/** The sample lines of one metric family, e.g. `name{labels} value`. */
function samples(text: string, name: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe('operations endpoints', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
  });
  afterAll(() => server.close());

  it('answers /healthz without a key', async () => {
    const response = await createClient(server.url).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the database check', async () => {
    const response = await createClient(server.url).get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('counts creates, checks and requests in Prometheus text at /metrics', async () => {
    const { client } = await server.createApp();
    const anonymous = createClient(server.url);

    const before = await anonymous.get('/metrics');
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toContain('text/plain');
    expect(before.text).toContain('# TYPE otpd_verifications_created_total counter');
    expect(before.text).not.toContain('otpd_verifications_created_total{channel="sms"}');

    const created = await client.post('/v1/verifications', { to: '+905553330001' });
    expect(created.status).toBe(201);
    const code = await server.readCode(client, created.body.id);
    const wrong = code === '000000' ? '111111' : '000000';
    await client.post(`/v1/verifications/${created.body.id}/check`, { code: wrong });
    await client.post(`/v1/verifications/${created.body.id}/check`, { code });

    const { text } = await anonymous.get('/metrics');
    expect(samples(text, 'otpd_verifications_created_total')).toEqual([
      'otpd_verifications_created_total{channel="sms"} 1',
    ]);
    const checked = samples(text, 'otpd_verifications_checked_total');
    expect(checked).toContain('otpd_verifications_checked_total{channel="sms",status="pending"} 1');
    expect(checked).toContain(
      'otpd_verifications_checked_total{channel="sms",status="approved"} 1',
    );

    // Latency by route pattern, never by concrete URL (ids would explode the label set).
    const buckets = samples(text, 'otpd_http_request_duration_seconds_bucket');
    expect(buckets.some((l) => l.includes('route="/v1/verifications"'))).toBe(true);
    expect(buckets.some((l) => l.includes('route="/v1/verifications/:id/check"'))).toBe(true);
    expect(
      buckets.some((l) => l.includes('method="POST"') && l.includes('status_code="201"')),
    ).toBe(true);
    expect(text).not.toContain(created.body.id);
    expect(text).not.toContain('905553330001');
  });

  it('counts limit refusals and webhook attempts', async () => {
    const receiver = await startFakeGateway(answer(204));
    try {
      const { client } = await server.createApp('Metered');
      const put = await client.request('PUT', '/v1/settings', {
        limits: { sendsPerDestination: { max: 1, windowSeconds: 3600 } },
        webhooks: [
          {
            url: `${receiver.url}/hooks`,
            events: ['verification.created'],
            secret: `whsec_${Buffer.from('metered-webhook-secret-0123').toString('base64')}`,
          },
        ],
      });
      expect(put.status, put.text).toBe(200);
      const allowed = await client.post('/v1/verifications', { to: '+905553330002' });
      expect(allowed.status).toBe(201);
      const refused = await client.post('/v1/verifications', { to: '+905553330002' });
      expect(refused.status).toBe(429);
      for (let i = 0; i < 250 && receiver.requests.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      for (let i = 0; i < 50; i++) {
        const { text } = await createClient(server.url).get('/metrics');
        if (samples(text, 'otpd_webhook_attempts_total').length > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }

      const { text } = await createClient(server.url).get('/metrics');
      expect(samples(text, 'otpd_limit_refusals_total')).toEqual([
        'otpd_limit_refusals_total{limit="sendsPerDestination"} 1',
      ]);
      expect(samples(text, 'otpd_webhook_attempts_total')).toEqual([
        'otpd_webhook_attempts_total{outcome="delivered"} 1',
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('serves an OpenAPI 3.1 document generated from the validating schemas', async () => {
    const response = await createClient(server.url).get('/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('otpd');

    for (const path of [
      '/v1/verifications',
      '/v1/verifications/{id}',
      '/v1/verifications/{id}/check',
      '/v1/verifications/check',
      '/v1/verifications/{id}/resend',
      '/v1/verifications/{id}/cancel',
      '/v1/sandbox/messages',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(Object.keys(doc.paths['/v1/verifications'])).toContain('post');
    expect(Object.keys(doc.paths['/v1/verifications/{id}'])).toContain('get');
    expect(Object.keys(doc.paths['/v1/sandbox/messages'])).toContain('get');
    // Operational endpoints are documented too, public (no security), under their own tag.
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const open = path === '/metrics' ? [{}, { metricsToken: [] }] : [];
      expect(doc.paths[path]?.get?.security, path).toEqual(open);
      expect(doc.paths[path]?.get?.tags, path).toEqual(['operations']);
    }

    const create = doc.paths['/v1/verifications'].post;
    let schema = create.requestBody.content['application/json'].schema;
    if (schema.$ref) {
      schema = doc.components.schemas[String(schema.$ref).split('/').pop() as string];
    }
    expect(schema.properties.to.type).toBe('string');
    expect(schema.required).toContain('to');
    expect(schema.properties.codeLength).toMatchObject({ minimum: 4, maximum: 10 });
    expect(schema.properties.ttlSeconds).toMatchObject({ minimum: 60, maximum: 86_400 });
    expect(schema.additionalProperties).toBe(false);

    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(create.security).toEqual([{ bearerAuth: ['verifications'] }]);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401']));
  });

  it('serves a docs page at /docs', async () => {
    const response = await fetch(`${server.url}/docs`, { redirect: 'follow' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect((await response.text()).toLowerCase()).toContain('<html');
  });
});

describe('readiness when the database is gone', () => {
  let server: TestServer;
  beforeAll(async () => {
    // No dispatcher: it would only log errors against the closed store.
    server = await startServer({ dispatcher: false });
  });
  afterAll(() => server.close());

  it('answers /readyz 503 once the store is closed, while /healthz stays up', async () => {
    const anonymous = createClient(server.url);
    expect((await anonymous.get('/readyz')).status).toBe(200);
    await server.deps.store.close();
    const response = await anonymous.get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 'not_ready' });
    expect(response.body.checks.database).not.toBe('ok');
    expect((await anonymous.get('/healthz')).status).toBe(200);
  });
});

describe('requests during shutdown', () => {
  it('are answered with a 503 problem, while the request in flight completes', async () => {
    const server = await startServer();
    const { apiKey } = await server.createApp();
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    await once(socket, 'connect');

    const body = JSON.stringify({ to: '+905551260001' });
    const half = Math.floor(body.length / 2);
    socket.write(
      `POST /v1/verifications HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${apiKey}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, half)}`,
    );
    await new Promise((r) => setTimeout(r, 50)); // the server has the request in hand
    const closed = server.close();
    await new Promise((r) => setTimeout(r, 50)); // shutdown has begun
    socket.write(body.slice(half));
    await until(() => received.includes('"status":"pending"'));
    // The same keep-alive connection asks again after shutdown began.
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => received.includes('service_unavailable'));
    socket.destroy();
    await closed;

    const [first, second] = received.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 201/);
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second).toMatch(/content-type: application\/problem\+json/i);
    expect(second).toMatch(/retry-after: 1/i);
    expect(second).toMatch(/connection: close/i);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('condition not met in time');
}
