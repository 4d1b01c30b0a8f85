// Compiles the server and the CLI to JavaScript in dist/server, so that they run on plain
// Node. Compiling as modules load (`node --import tsx`) keeps a second V8 isolate, tsx's
// loader thread, alive for the life of the process: 33–38 MB of resident memory
// (docs/performance.md). esbuild bundles our source into one file per entry point and
// leaves the packages in node_modules, as Node loads them anyway. Plain JavaScript, so that
// it runs before `npm start` on Node alone.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = `${ROOT}/dist/server`;

/** The entry points `npm start`, `bin/otpd.js` and the checkpoints' worker thread load. */
export const SERVER_ENTRY_POINTS = {
  main: 'src/main.ts',
  cli: 'src/cli/executable.ts',
  // Started by src/database/wal-checkpointer.ts from beside the module that starts it.
  'wal-checkpoint-worker': 'src/database/wal-checkpoint-worker.mjs',
};

/**
 * Bundles `entryPoints` (name → source file, from the repository root) into `outdir` as
 * `<name>.mjs`, each with a source map, through which CPU profiles (and stack traces, under
 * `node --enable-source-maps`) point at src/.
 */
export async function buildServer(entryPoints = SERVER_ENTRY_POINTS, outdir = OUT_DIR) {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

const isModuleMissing = (error) => error?.code === 'ERR_MODULE_NOT_FOUND';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildServer();
  } catch (error) {
    // An install without its build tools (`npm prune --omit=dev` after `npm install`) keeps
    // the build it made; only a missing one is an error.
    if (!isModuleMissing(error)) throw error;
    if (!existsSync(`${OUT_DIR}/main.mjs`)) {
      process.stderr.write('otpd: cannot compile the server: run "npm install" first\n');
      process.exit(1);
    }
  }
}
