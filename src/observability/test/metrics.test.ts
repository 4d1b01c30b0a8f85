import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { createClient } from '../../../test/helpers/http-client.ts';
import {
  cleanupProcesses,
  freePort,
  startServerProcess,
  tempDir,
} from '../../../test/helpers/process.ts';
import { promtoolFindings } from '../../../test/helpers/promtool.ts';

const TOKEN = 'metrics-token-for-the-tests-0123456789';

describe('/metrics behind OTPD_METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { OTPD_METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => server.close());

  it('refuses a scrape without the token or with a wrong one: 401 problem, no metrics', async () => {
    const anonymous = createClient(server.url);
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: 'Bearer wrong-token-of-the-same-kind-000000' },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` },
    ]) {
      const answer = await anonymous.get('/metrics', headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.code).toBe('invalid_metrics_token');
      expect(answer.text).not.toContain('otpd_');
      expect(answer.text).not.toContain(TOKEN);
    }
    const scrape = await anonymous.get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(scrape.status).toBe(200);
    expect(scrape.text).toContain('# TYPE otpd_http_request_duration_seconds histogram');
  });

  it('gives promtool nothing to complain about in a real scrape after traffic', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905553340001' });
    expect(created.status).toBe(201);
    const code = await server.readCode(client, created.body.id);
    await client.post(`/v1/verifications/${created.body.id}/check`, { code });
    await client.get(`/v1/verifications/${created.body.id}`);
    await client.get('/no/such/route/ver_0123');
    const { text } = await createClient(server.url).get('/metrics', {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(promtoolFindings(text)).toBe('');
    // Routes by pattern: neither ids nor unknown paths become label values.
    expect(text).toContain('route="/v1/verifications/:id"');
    expect(text).toContain('route="unmatched"');
    expect(text).not.toContain(created.body.id);
    expect(text).not.toContain('/no/such/route');
  });
});

describe('OTPD_METRICS_PORT', () => {
  afterEach(() => cleanupProcesses());

  it('serves /metrics on its own port only, and closes it on SIGTERM', async () => {
    const metricsPort = await freePort();
    const server = await startServerProcess({
      OTPD_DATA_DIR: tempDir(),
      OTPD_METRICS_PORT: String(metricsPort),
      OTPD_METRICS_TOKEN: TOKEN,
    });
    const metricsUrl = `http://127.0.0.1:${metricsPort}`;
    const auth = { authorization: `Bearer ${TOKEN}` };

    const onApi = await createClient(server.url).get('/metrics', auth);
    expect(onApi.status).toBe(404);
    expect(onApi.body.code).toBe('route_not_found');
    const scrape = await createClient(metricsUrl).get('/metrics', auth);
    expect(scrape.status).toBe(200);
    expect(scrape.text).toContain('otpd_process_cpu_seconds_total');
    expect((await createClient(metricsUrl).get('/metrics')).status).toBe(401);
    // Nothing but the metrics on that port.
    const other = await createClient(metricsUrl).get('/healthz');
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('route_not_found');

    expect(await server.stop()).toEqual({ code: 0, signal: null });
    await expect(fetch(`${metricsUrl}/metrics`, { headers: auth })).rejects.toThrow();
  });
});
