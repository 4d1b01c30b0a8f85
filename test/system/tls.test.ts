import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/kernel/config/config.ts';
import { createClient } from '../helpers/http-client.ts';
import {
  cleanupProcesses,
  createAppWithCli,
  freePort,
  readSandboxCode,
  runServerToExit,
  startServerProcess,
  tempDir,
} from '../helpers/process.ts';
import { fetchTrusting, makeCertificate, type TestCertificate } from '../helpers/tls.ts';

const TOKEN = 'metrics-token-for-the-tls-test';

describe('otpd serving https itself', () => {
  let certificate: TestCertificate;
  let other: TestCertificate;

  beforeAll(() => {
    certificate = makeCertificate(['otpd.test', '127.0.0.1']);
    other = makeCertificate(['elsewhere.test']);
  });
  afterEach(() => cleanupProcesses());
  afterAll(() => {
    certificate?.remove();
    other?.remove();
  });

  it('answers the API and the metrics port over https to a client that trusts the certificate', async () => {
    const dataDir = tempDir();
    const app = await createAppWithCli(dataDir);
    const metricsPort = await freePort();
    const server = await startServerProcess({
      OTPD_DATA_DIR: dataDir,
      OTPD_TLS_CERT_FILE: certificate.certFile,
      OTPD_TLS_KEY_FILE: certificate.keyFile,
      OTPD_METRICS_PORT: String(metricsPort),
      OTPD_METRICS_TOKEN: TOKEN,
    });
    expect(server.url).toMatch(/^https:\/\//);
    const trusting = fetchTrusting(certificate.cert);
    const client = createClient(server.url, app.apiKey, trusting);

    const started = await client.post('/v1/verifications', { to: '+14155550100' });
    expect(started.status, started.text).toBe(201);
    const code = await readSandboxCode(client, started.body.id);
    const checked = await client.post(`/v1/verifications/${started.body.id}/check`, { code });
    expect(checked.body).toMatchObject({ valid: true, status: 'approved' });

    // The scrape's token is a secret too: the metrics port speaks TLS with the API.
    const scrape = await createClient(`https://127.0.0.1:${metricsPort}`, undefined, trusting).get(
      '/metrics',
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(scrape.status).toBe(200);
    expect(scrape.text).toContain('otpd_verifications_checked_total');

    // Plain http gets no answer, and a client that does not trust the certificate refuses it.
    await expect(fetch(`${server.url.replace('https', 'http')}/healthz`)).rejects.toThrow();
    await expect(
      createClient(server.url, undefined, fetchTrusting(other.cert)).get('/healthz'),
    ).rejects.toThrow(/self.signed|certificate/);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });

  it('refuses to start when a file cannot be read, naming the variable', async () => {
    const missing = `${tempDir()}/absent.pem`;
    const result = await runServerToExit({
      OTPD_DATA_DIR: tempDir(),
      OTPD_TLS_CERT_FILE: missing,
      OTPD_TLS_KEY_FILE: certificate.keyFile,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`OTPD_TLS_CERT_FILE: cannot read ${missing} (ENOENT)`);
  });

  it('takes both files or neither, and a key that belongs to the certificate', () => {
    const failure = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('the configuration was accepted');
    };
    expect(failure({ OTPD_TLS_CERT_FILE: certificate.certFile })).toMatch(
      /^OTPD_TLS_KEY_FILE: required with OTPD_TLS_CERT_FILE/m,
    );
    expect(failure({ OTPD_TLS_KEY_FILE: certificate.keyFile })).toMatch(
      /^OTPD_TLS_CERT_FILE: required with OTPD_TLS_KEY_FILE/m,
    );
    expect(
      failure({ OTPD_TLS_CERT_FILE: certificate.certFile, OTPD_TLS_KEY_FILE: other.keyFile }),
    ).toMatch(/^OTPD_TLS_KEY_FILE: does not serve with OTPD_TLS_CERT_FILE: /m);
    expect(
      failure({ OTPD_TLS_CERT_FILE: certificate.keyFile, OTPD_TLS_KEY_FILE: certificate.keyFile }),
    ).toMatch(/^OTPD_TLS_KEY_FILE: does not serve with OTPD_TLS_CERT_FILE: /m);
    const config = loadConfig({
      OTPD_TLS_CERT_FILE: certificate.certFile,
      OTPD_TLS_KEY_FILE: certificate.keyFile,
    });
    expect(config.OTPD_TLS_CERT_FILE).toBe(certificate.certFile);
  });
});
