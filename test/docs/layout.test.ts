import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBlocks, read } from './markdown.ts';

/* The source layout in docs/development.md against the folders it describes. */

const tree = codeBlocks(read('docs/development.md')).find((b) => b.body.startsWith('src/'));

/** `src/` → the names listed under it (`main.ts`, `deps/`, …). */
function listed(top: string): string[] {
  const lines = tree?.body.split('\n') ?? [];
  const from = lines.indexOf(top);
  const names: string[] = [];
  for (const line of lines.slice(from + 1)) {
    if (!line.startsWith('  ')) break;
    names.push(line.trim().split(/\s+/)[0] ?? '');
  }
  return names;
}

/** What a folder holds at its top: files by name, folders with a trailing `/`. */
const present = (folder: string) =>
  readdirSync(folder, { withFileTypes: true }).map((e) =>
    e.isDirectory() ? `${e.name}/` : e.name,
  );

describe('docs/development.md: the source layout', () => {
  it.each(['src/', 'test/'])('lists everything at the top of %s, and only what is there', (top) => {
    expect(listed(top).length).toBeGreaterThan(3);
    expect(listed(top).sort()).toEqual(present(top).sort());
  });

  it('names top-level folders that exist', () => {
    const tops = (tree?.body.split('\n') ?? [])
      .filter((line) => /^\S+\/\s/.test(`${line} `))
      .map((line) => line.split(/\s+/)[0] ?? '');
    expect(tops.length).toBeGreaterThanOrEqual(5);
    expect(tops.filter((path) => !existsSync(join('.', path)))).toEqual([]);
  });
});
