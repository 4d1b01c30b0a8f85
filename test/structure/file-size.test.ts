import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The house keeps files to one job (STYLE.md: aim for 100–200 lines, split before 300), tests
// included: a test file that grows past it splits by the port, route or behaviour it covers.
const MAX_LINES = 300;
const SOURCE = /\.(ts|tsx)$/;
/** Written by a generator, not by hand: packages/client/src/schema.d.ts. */
const GENERATED = /schema\.d\.ts$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !GENERATED.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes('node_modules'));
}

describe('source files', () => {
  it(`in src/, web/, test/, bench/ and packages/ are at most ${MAX_LINES} lines each`, () => {
    const files = ['src', 'web', 'test', 'bench', 'packages'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(500);
    const tooLong = files
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(tooLong).toEqual([]);
  });
});
