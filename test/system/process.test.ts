import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../helpers/http-client.ts';
import {
  cleanupProcesses,
  createAppWithCli,
  readSandboxCode,
  runServerToExit,
  startServerProcess,
  tempDir,
} from '../helpers/process.ts';

afterEach(() => cleanupProcesses());

const SECRET_A = 'first-server-secret-for-the-process-tests-aaaa';
const SECRET_B = 'second-server-secret-for-the-process-tests-bbbb';

/** Starts a verification on a running server and reads its code from the sandbox. */
async function sendCode(url: string, apiKey: string, to: string) {
  const client = createClient(url, apiKey);
  const started = await client.post('/v1/verifications', { to });
  expect(started.status).toBe(201);
  const id: string = started.body.id;
  return { id, code: await readSandboxCode(client, id) };
}

async function check(url: string, apiKey: string, id: string, code: string) {
  const checked = await createClient(url, apiKey).post(`/v1/verifications/${id}/check`, { code });
  expect(checked.status).toBe(200);
  return checked.body;
}

describe('the server key', () => {
  it('is created once with mode 0600 and reused, so codes survive a restart', async () => {
    const dataDir = tempDir();
    const app = await createAppWithCli(dataDir);
    expect(existsSync(join(dataDir, 'server.key'))).toBe(false);

    const first = await startServerProcess({ OTPD_DATA_DIR: dataDir });
    const keyFile = join(dataDir, 'server.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'otpd.db')).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8');
    expect(key.trim().length).toBeGreaterThanOrEqual(32);
    const { id, code } = await sendCode(first.url, app.apiKey, '+14155550100');
    expect(await first.stop()).toEqual({ code: 0, signal: null });
    expect(first.stdout()).not.toContain(key.trim());

    const second = await startServerProcess({ OTPD_DATA_DIR: dataDir });
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    // No stray temporary key files are left next to it.
    expect(readdirSync(dataDir).filter((f) => f.startsWith('server.key'))).toEqual(['server.key']);
    expect(await check(second.url, app.apiKey, id, code)).toMatchObject({
      valid: true,
      status: 'approved',
    });
  });

  it('is not written when OTPD_SECRET is set', async () => {
    const dataDir = tempDir();
    const app = await createAppWithCli(dataDir);
    const server = await startServerProcess({ OTPD_DATA_DIR: dataDir, OTPD_SECRET: SECRET_A });
    const { id, code } = await sendCode(server.url, app.apiKey, '+14155550100');
    expect(await check(server.url, app.apiKey, id, code)).toMatchObject({ valid: true });
    expect(existsSync(join(dataDir, 'server.key'))).toBe(false);
    expect(server.stdout()).not.toContain(SECRET_A);
  });

  it('rotates: a code made under the old secret checks once it is listed as previous', async () => {
    const dataDir = tempDir();
    const app = await createAppWithCli(dataDir);
    const before = await startServerProcess({ OTPD_DATA_DIR: dataDir, OTPD_SECRET: SECRET_A });
    const { id, code } = await sendCode(before.url, app.apiKey, '+14155550100');
    expect(await before.stop()).toEqual({ code: 0, signal: null });

    // Without the old secret the code cannot match: the rotation is what makes it valid.
    const forgotten = await startServerProcess({ OTPD_DATA_DIR: dataDir, OTPD_SECRET: SECRET_B });
    expect(await check(forgotten.url, app.apiKey, id, code)).toMatchObject({
      valid: false,
      status: 'pending',
    });
    expect(await forgotten.stop()).toEqual({ code: 0, signal: null });

    const after = await startServerProcess({
      OTPD_DATA_DIR: dataDir,
      OTPD_SECRET: SECRET_B,
      OTPD_PREVIOUS_SECRETS: SECRET_A,
    });
    expect(await check(after.url, app.apiKey, id, code)).toMatchObject({
      valid: true,
      status: 'approved',
    });
    // New codes are made under the new secret alone.
    const fresh = await sendCode(after.url, app.apiKey, '+14155550101');
    expect(await after.stop()).toEqual({ code: 0, signal: null });
    const onlyB = await startServerProcess({ OTPD_DATA_DIR: dataDir, OTPD_SECRET: SECRET_B });
    expect(await check(onlyB.url, app.apiKey, fresh.id, fresh.code)).toMatchObject({
      valid: true,
    });
    expect(existsSync(join(dataDir, 'server.key'))).toBe(false);
  });
});

describe('start-up errors', () => {
  const noStackTrace = (text: string) => {
    expect(text).not.toMatch(/^\s+at /m);
    expect(text).not.toContain('node:internal');
  };

  it('refuses a port that is not a number, naming OTPD_PORT', async () => {
    const dataDir = tempDir();
    const result = await runServerToExit({ OTPD_DATA_DIR: dataDir, OTPD_PORT: 'notaport' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^otpd: /);
    expect(result.stderr).toMatch(/^OTPD_PORT: .+$/m);
    noStackTrace(result.stderr);
    noStackTrace(result.stdout);
    expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
  });

  it('refuses a short OTPD_SECRET, naming it, and writes no key file', async () => {
    const dataDir = tempDir();
    const result = await runServerToExit({ OTPD_DATA_DIR: dataDir, OTPD_SECRET: 'short' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^otpd: /);
    expect(result.stderr).toMatch(/^OTPD_SECRET: .*32/m);
    expect(result.stderr).not.toContain('short\n');
    noStackTrace(result.stderr);
    noStackTrace(result.stdout);
    expect(existsSync(join(dataDir, 'server.key'))).toBe(false);
  });
});

/** A POST whose body is sent in two halves, with the server's 100-continue in between. */
function slowPost(port: number, apiKey: string, body: string) {
  const req = httpRequest({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/v1/verifications',
    agent: false,
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
      // The server answers 100 Continue only once it has parsed the headers and handed the
      // request to the app: proof that the request is in flight before we send SIGTERM.
      expect: '100-continue',
    },
  });
  const accepted = new Promise<void>((resolve) => req.once('continue', resolve));
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      res.once('error', reject);
    });
  });
  // Observed by the test when it gets that far; an early failure must not be unhandled too.
  response.catch(() => {});
  req.flushHeaders();
  const half = Math.floor(body.length / 2);
  return {
    accepted,
    response,
    writeFirstHalf: () => req.write(body.slice(0, half)),
    writeRest: () => req.end(body.slice(half)),
  };
}

describe('graceful shutdown', () => {
  it('finishes a request in flight at SIGTERM, refuses new ones, then exits 0', async () => {
    const dataDir = tempDir();
    const app = await createAppWithCli(dataDir);
    const server = await startServerProcess({
      OTPD_DATA_DIR: dataDir,
      OTPD_SHUTDOWN_GRACE_MS: '20000',
    });

    const body = JSON.stringify({ to: '+14155550100', txCode: 'in-flight' });
    const post = slowPost(server.port, app.apiKey, body);
    await post.accepted;
    post.writeFirstHalf();

    server.child.kill('SIGTERM');
    await server.waitForOutput('shutting down');

    // A new connection is refused (the listener is closed) or answered 503.
    const late = await fetch(`${server.url}/healthz`).then(
      (response) => response.status,
      () => 'refused' as const,
    );
    expect(['refused', 503]).toContain(late);
    // Still running: it waits for the request in flight.
    expect(server.child.exitCode).toBeNull();

    post.writeRest();
    const response = await post.response;
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'pending', txCode: 'in-flight' });

    expect(await server.stop()).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toContain('"msg":"stopped"');
    expect(server.stderr()).toBe('');

    // Accepted means durable: the verification is there after a restart.
    const again = await startServerProcess({ OTPD_DATA_DIR: dataDir });
    const read = await createClient(again.url, app.apiKey).get(
      `/v1/verifications/${response.body.id}`,
    );
    expect(read.status).toBe(200);
    expect(read.body.txCode).toBe('in-flight');
  });

  it('exits 0 on SIGTERM when idle, before the grace period would force exit 1', async () => {
    const server = await startServerProcess({
      OTPD_DATA_DIR: tempDir(),
      OTPD_SHUTDOWN_GRACE_MS: '5000',
    });
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toContain('"msg":"stopped"');
  });

  it('exits 0 on SIGINT too', async () => {
    const server = await startServerProcess({ OTPD_DATA_DIR: tempDir() });
    expect(await server.stop('SIGINT')).toEqual({ code: 0, signal: null });
  });
});

describe('logs', () => {
  it('are JSON lines (pino) on stdout', async () => {
    const dataDir = tempDir();
    const app = await createAppWithCli(dataDir);
    const server = await startServerProcess({ OTPD_DATA_DIR: dataDir });
    await sendCode(server.url, app.apiKey, '+14155550100');
    expect(await server.stop()).toEqual({ code: 0, signal: null });

    const lines = server.stdout().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const entries = lines.map((line) => JSON.parse(line));
    for (const entry of entries) {
      expect(entry).toMatchObject({
        level: expect.any(Number),
        time: expect.any(String),
        service: 'otpd',
        msg: expect.any(String),
      });
      expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
    }
    const messages = entries.map((e) => e.msg);
    expect(messages).toEqual(
      expect.arrayContaining(['verification started', 'message sent', 'request', 'stopped']),
    );
    expect(server.stdout()).not.toContain(app.apiKey);
    expect(server.stderr()).toBe('');
  });
});
