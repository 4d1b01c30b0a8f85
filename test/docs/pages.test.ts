import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, codeBlocks, docFiles, prose, read, relativeLinks } from './markdown.ts';

const files = docFiles();
const pages = files.filter((file) => file !== 'README.md');

/** `docs/api.md` → what a link from `from` to it resolves to, anchor apart. */
function resolve(from: string, target: string): { path: string; anchor: string | undefined } {
  const [path = '', anchor] = target.split('#');
  return { path: path === '' ? from : normalize(join(dirname(from), path)), anchor };
}

describe('the documentation pages', () => {
  it('are README.md and one page per area under docs/', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s: every relative link and image points to a file that exists', (file) => {
    const broken = relativeLinks(read(file))
      .map((link) => ({ ...link, path: resolve(file, link.target).path }))
      .filter(({ path }) => !existsSync(path))
      .map(({ target, line }) => `line ${line}: ${target}`);
    expect(broken).toEqual([]);
  });

  it.each(files)('%s: every #anchor names a heading of the page it points to', (file) => {
    const broken = relativeLinks(read(file))
      .map((link) => ({ ...link, ...resolve(file, link.target) }))
      .filter(({ path, anchor }) => anchor !== undefined && path.endsWith('.md'))
      .filter(({ path, anchor }) => existsSync(path) && !anchors(read(path)).has(anchor ?? ''))
      .map(({ target, line }) => `line ${line}: ${target}`);
    expect(broken).toEqual([]);
  });

  it.each(files)('%s: every ```json block is JSON', (file) => {
    const invalid = codeBlocks(read(file))
      .filter((block) => block.lang === 'json')
      .flatMap((block) => {
        try {
          JSON.parse(block.body);
          return [];
        } catch (error) {
          return [`line ${block.line}: ${(error as Error).message}`];
        }
      });
    expect(invalid).toEqual([]);
  });

  it.each(pages)(
    '%s: starts with a title, says what it covers, and links to the README',
    (file) => {
      const [title, blank, intro = ''] = read(file).split('\n');
      expect(title).toMatch(/^# \S/);
      expect(blank).toBe('');
      expect(intro).toMatch(/^\S.*\. /);
      const back = relativeLinks(intro).map((link) => resolve(file, link.target).path);
      expect(back).toContain('README.md');
      // One title: the areas within a page are its sections.
      expect(prose(read(file)).match(/^# /gm)).toHaveLength(1);
    },
  );

  it('keep the README a short front door: the reference lives in the pages', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(160);
  });

  it('are each linked from the README: no page is left for a reader to stumble on', () => {
    const linked = new Set(
      relativeLinks(read('README.md')).map((link) => resolve('README.md', link.target).path),
    );
    expect(pages.filter((page) => !linked.has(page))).toEqual([]);
  });

  it('show every screenshot under docs/ somewhere', () => {
    const shown = new Set(
      files.flatMap((file) =>
        relativeLinks(read(file))
          .filter((link) => link.image)
          .map((link) => resolve(file, link.target).path),
      ),
    );
    const screenshots = readdirSync('docs', { recursive: true, encoding: 'utf8' })
      .map((name) => join('docs', name))
      .filter((path) => path.endsWith('.png') && statSync(path).isFile());
    expect(screenshots.length).toBeGreaterThan(20);
    expect(screenshots.filter((path) => !shown.has(path))).toEqual([]);
  });
});
