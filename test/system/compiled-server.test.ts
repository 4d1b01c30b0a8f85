import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupProcesses, freePort, startServerProcess, tempDir } from '../helpers/process.ts';

afterEach(() => cleanupProcesses());

describe('the compiled server', () => {
  it('runs on plain Node from dist/server and finds the package’s files from there', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ OTPD_DATA_DIR: dataDir });
    expect(server.child.spawnargs.slice(1)).toEqual(['dist/server/main.mjs']);
    // The web build, found from dist/server rather than from src/web.
    const console = await fetch(`${server.url}/console`);
    expect(console.status).toBe(200);
    expect(await console.text()).toContain('<script');
    // The version, read from the package's own package.json.
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    const document = await (await fetch(`${server.url}/openapi.json`)).json();
    expect(document.info.version).toBe(version);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    // The checkpoints' worker thread, started from beside the bundle, emptied the WAL.
    expect(readdirSync(dataDir).filter((name) => name.endsWith('-wal'))).toEqual([]);
  });
});

describe('the build before npm start', () => {
  /** Runs a copy of scripts/build-server.mjs where no package (esbuild) is installed. */
  function buildWithoutEsbuild(withBuild: boolean) {
    const root = tempDir();
    mkdirSync(join(root, 'scripts'));
    copyFileSync('scripts/build-server.mjs', join(root, 'scripts', 'build-server.mjs'));
    if (withBuild) {
      mkdirSync(join(root, 'dist', 'server'), { recursive: true });
      writeFileSync(join(root, 'dist', 'server', 'main.mjs'), '');
    }
    return spawnSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], {
      encoding: 'utf8',
    });
  }

  it('keeps the build an install made when its build tools were left out since', () => {
    expect(buildWithoutEsbuild(true)).toMatchObject({ status: 0, stderr: '' });
  });

  it('says to run npm install when there is neither a build nor the tools to make one', () => {
    const run = buildWithoutEsbuild(false);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('otpd: cannot compile the server: run "npm install" first\n');
  });
});

/**
 * Starts `command` in its own process group, on a fresh data dir and port, as a supervisor
 * would: a kill of its pid then reaches that process alone. `stop` sends it a SIGTERM once the
 * server answers, and resolves once every pipe closed (the server, which holds them, exited
 * too) or 10 s went by; the group's leftovers are killed after.
 */
async function startInGroup(command: string, args: string[], env: Record<string, string> = {}) {
  const dataDir = tempDir();
  const port = await freePort();
  const child = spawn(command, args, {
    env: {
      ...process.env,
      ...env,
      OTPD_DATA_DIR: dataDir,
      OTPD_HOST: '127.0.0.1',
      OTPD_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const healthz = () =>
    fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
  return {
    child,
    dataDir,
    healthz,
    async stop() {
      try {
        await expect.poll(healthz, { timeout: 20_000, interval: 100 }).toBe(200);
        child.kill('SIGTERM');
        // A server left running keeps the pipes open: then this gives up, and the test says so.
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        return stdout;
      } finally {
        try {
          process.kill(-(child.pid as number), 'SIGKILL');
        } catch {}
      }
    },
  };
}

const walFiles = (dataDir: string) => readdirSync(dataDir).filter((name) => name.endsWith('-wal'));

describe('npm start', () => {
  it('hands a SIGTERM sent to npm to the server, which stops cleanly', async () => {
    const npm = await startInGroup('npm', ['start']);
    const stdout = await npm.stop();
    expect(stdout).toContain('"msg":"stopped"');
    expect(npm.child.exitCode).toBe(0);
    expect(walFiles(npm.dataDir)).toEqual([]);
  });
});

describe('npx otpd serve', () => {
  it('stops cleanly when npm exec is stopped, though its shell passes no signal on', async () => {
    // As npm exec runs a package's bin: through `sh -c`, which stays the server's parent and
    // dies of a SIGTERM without passing it on.
    const script = `"${process.execPath}" bin/otpd.js serve; exit $?`;
    const shell = await startInGroup('sh', ['-c', script], { npm_command: 'exec' });
    const stdout = await shell.stop();
    expect(stdout).toContain('"signal":"parent exited"');
    expect(stdout).toContain('"msg":"stopped"');
    expect(walFiles(shell.dataDir)).toEqual([]);
  });

  it('runs on when a shell, not npm exec, leaves it in the background', async () => {
    // A script that starts the server in the background and ends a while later: its server is
    // orphaned on purpose.
    const script = `"${process.execPath}" bin/otpd.js serve >/dev/null 2>&1 & sleep 5`;
    const shell = await startInGroup('sh', ['-c', script], { npm_command: '' });
    const exited = new Promise<void>((resolve) => shell.child.once('exit', () => resolve()));
    try {
      await expect.poll(shell.healthz, { timeout: 20_000, interval: 100 }).toBe(200);
      await exited;
      // Past the parent watch's interval (1 s): a watching server would have stopped by now.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await shell.healthz()).toBe(200);
    } finally {
      await shell.stop();
    }
  });
});
