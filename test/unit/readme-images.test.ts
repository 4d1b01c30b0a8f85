import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe("the README's pictures", () => {
  it('each point to a file in the repository', () => {
    const readme = readFileSync('README.md', 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(pictures.length).toBeGreaterThan(20);
    expect(pictures.filter((path) => !existsSync(path))).toEqual([]);
  });
});
