import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizeProfile } from '../profile-summary.ts';

const dir = mkdtempSync(join(tmpdir(), 'otpd-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compiles a one-function module as the server is compiled: one bundle, a linked map. */
async function compiledGuard(): Promise<{ url: string; line: number; column: number }> {
  const outfile = join(dir, 'server.mjs');
  await build({
    stdin: {
      contents: '\n\nexport function guard(n: number): number {\n  return n * 2;\n}\n',
      sourcefile: 'src/abuse/guard.ts',
      loader: 'ts',
      resolveDir: dir,
    },
    outfile,
    format: 'esm',
    sourcemap: 'linked',
    logLevel: 'silent',
  });
  const lines = readFileSync(outfile, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes('function guard'));
  return { url: pathToFileURL(outfile).href, line, column: lines[line]?.indexOf('function') ?? 0 };
}

describe('the CPU profile summary', () => {
  it('places the frames of a compiled script in their source files through its source map', async () => {
    const guard = await compiledGuard();
    const file = join(dir, 'run.cpuprofile');
    const frame = (
      id: number,
      functionName: string,
      url = '',
      lineNumber = -1,
      columnNumber = -1,
    ) => ({
      id,
      callFrame: { functionName, url, lineNumber, columnNumber },
    });
    const profile = {
      nodes: [
        { ...frame(1, '(root)'), children: [2] },
        frame(2, 'guard', guard.url, guard.line, guard.column),
      ],
      samples: [2, 2],
      timeDeltas: [1000, 1000],
    };
    writeFileSync(file, JSON.stringify(profile));

    const summary = summarizeProfile(file);

    expect(summary.areas).toEqual([{ area: 'src/abuse', selfMs: 2 }]);
    // Line 3 of the source (1-based), not the bundle's line.
    expect(summary.selfTop[0]?.fn).toBe('guard src/abuse/guard.ts:3');
  });
});
