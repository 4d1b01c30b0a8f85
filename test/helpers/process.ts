import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli as runCliCommand } from '../../src/cli/main.ts';

/** Kept here for the tests that import it with the process helpers. */
export { readSandboxCode } from './sandbox.ts';

import { fetchTrusting } from './tls.ts';

/** The repository root: where `dist/server/main.mjs` and `bin/otpd.js` live. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Hang guards, not timing assertions: generous for a loaded machine. */
const START_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 15_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything written so far, as received. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
  /** Resolves with the first stdout line containing `text`. */
  waitForOutput(text: string): Promise<string>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

const children = new Set<ChildProcess>();
const directories = new Set<string>();

/** A fresh temporary directory, removed by `cleanupProcesses`. */
export function tempDir(prefix = 'otpd-proc-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  directories.add(dir);
  return dir;
}

/**
 * Kills every child this module spawned that still runs, waits for them, then removes the
 * temporary directories. Call it from afterEach/afterAll.
 */
export async function cleanupProcesses(): Promise<void> {
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await gone;
      }
      children.delete(child);
    }),
  );
  // Retried, as Node advises for ENOTEMPTY and EBUSY, for up to 5.5 s (each wait 100 ms longer
  // than the last): 1.5 s of tries still failed so, once in several CI runs.
  for (const dir of directories) {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
  directories.clear();
}

/** A port nobody listens on right now: bind port 0, read the port, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('no port'));
      server.close(() => resolve(address.port));
    });
  });
}

/** The parent's environment without any OTPD_* setting, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('OTPD_')),
  );
  return { ...base, ...env };
}

function spawnTracked(args: string[], env: Record<string, string>, input?: string) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv(env),
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(input);
  children.add(child);
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // 'close' rather than 'exit': every byte of stdout and stderr has arrived by then.
  const exited = new Promise<Exit>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stdout: () => stdout, stderr: () => stderr, listeners };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The server as `npm start` runs it: compiled by `npm run build:server`, which Vitest's global
 * setup (`test/helpers/build-server.ts`) runs first, so a test never starts a stale build.
 */
const SERVER = ['dist/server/main.mjs'];

/** Runs the server to its end (for processes that must not start). */
export async function runServerToExit(
  env: Record<string, string>,
): Promise<Exit & { stdout: string; stderr: string }> {
  const run = spawnTracked(SERVER, env);
  const exit = await withTimeout(run.exited, EXIT_TIMEOUT_MS, 'server process to exit');
  return { ...exit, stdout: run.stdout(), stderr: run.stderr() };
}

/**
 * Starts the server (`node dist/server/main.mjs`) on a free loopback port with `env` and resolves
 * once `/healthz` answers 200. Rejects (with the process output) if it exits first.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const run = spawnTracked(SERVER, {
    OTPD_HOST: '127.0.0.1',
    OTPD_PORT: String(port),
    OTPD_DISPATCH_INTERVAL_MS: '50',
    ...env,
  });
  // With OTPD_TLS_CERT_FILE the server speaks https; the health check trusts that certificate.
  const certFile = env.OTPD_TLS_CERT_FILE;
  const url = `${certFile ? 'https' : 'http'}://127.0.0.1:${port}`;
  const send = certFile ? fetchTrusting(readFileSync(certFile, 'utf8')) : fetch;
  let exitedEarly = false;
  run.exited.then(() => {
    exitedEarly = true;
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exitedEarly) {
      throw new Error(`server exited before it was healthy:\n${run.stdout()}\n${run.stderr()}`);
    }
    if (Date.now() > deadline) throw new Error(`server not healthy in time:\n${run.stderr()}`);
    try {
      const response = await send(`${url}/healthz`);
      if (response.status === 200) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const waitForOutput = (text: string) =>
    withTimeout(
      new Promise<string>((resolve, reject) => {
        run.exited.then(() =>
          reject(new Error(`exited without printing "${text}":\n${run.stdout()}`)),
        );
        const check = () => {
          const line = run
            .stdout()
            .split('\n')
            .find((l) => l.includes(text));
          if (line === undefined) return;
          run.listeners.delete(check);
          resolve(line);
        };
        run.listeners.add(check);
        check();
      }),
      EXIT_TIMEOUT_MS,
      `output "${text}"`,
    );

  return {
    url,
    port,
    child: run.child,
    stdout: run.stdout,
    stderr: run.stderr,
    exited: run.exited,
    waitForOutput,
    async stop(signal = 'SIGTERM') {
      run.child.kill(signal);
      return withTimeout(run.exited, EXIT_TIMEOUT_MS, `server to exit after ${signal}`);
    },
  };
}

export interface CliResult extends Exit {
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/otpd.js …args` with `env` (and `input` on its standard input) and collects
 * its output and exit code.
 */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<CliResult> {
  const run = spawnTracked(['bin/otpd.js', ...args], env, input);
  const exit = await withTimeout(run.exited, EXIT_TIMEOUT_MS, `otpd ${args.join(' ')}`);
  return { ...exit, stdout: run.stdout(), stderr: run.stderr() };
}

/**
 * Runs `otpd …args` with `env` in this process: the code `bin/otpd.js` runs, with its output
 * captured. For set-up steps (creating an app before the test proper); starting the
 * executable costs seconds, and the CLI's own tests start it with `runCli`.
 */
export async function runCliInThisProcess(
  args: string[],
  env: Record<string, string>,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCliCommand(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    env,
  });
  return { code, signal: null, stdout, stderr };
}

/** `otpd apps create --name <name> --json` on a data dir: the app id and its first key. */
export async function createAppWithCli(
  dataDir: string,
  name = 'Shop',
): Promise<{ id: string; name: string; apiKey: string; keyId: string }> {
  const result = await runCliInThisProcess(['apps', 'create', '--name', name, '--json'], {
    OTPD_DATA_DIR: dataDir,
  });
  if (result.code !== 0) throw new Error(`apps create failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}
