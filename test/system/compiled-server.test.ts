import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupProcesses, startServerProcess, tempDir } from '../helpers/process.ts';

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
