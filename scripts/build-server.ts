// Compiles the server and the CLI to JavaScript in dist/server, so that they run on plain
// Node. Compiling as modules load (`node --import tsx`) keeps a second V8 isolate, tsx's
// loader thread, alive for the life of the process: 33–38 MB of resident memory
// (docs/performance.md). esbuild bundles our source into one file per entry point and
// leaves the packages in node_modules, as Node loads them anyway.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The entry points `npm start`, `bin/otpd.js` and the checkpoints' worker thread load. */
export const SERVER_ENTRY_POINTS = {
  main: 'src/main.ts',
  cli: 'src/cli/executable.ts',
  // Started by src/database/wal-checkpointer.ts from beside the module that starts it.
  'wal-checkpoint-worker': 'src/database/wal-checkpoint-worker.mjs',
};

/**
 * Bundles `entryPoints` (name → source file, from the repository root) into `outdir` as
 * `<name>.mjs`, each with a source map: stack traces and CPU profiles map back to src/.
 */
export async function buildServer(
  entryPoints: Record<string, string> = SERVER_ENTRY_POINTS,
  outdir = `${ROOT}/dist/server`,
): Promise<void> {
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

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
