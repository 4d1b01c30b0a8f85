import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/* Reading the Markdown pages (README.md and docs/**) the way the tests of this folder need:
   fenced blocks, headings with GitHub's anchors, links, and the rows of a table. Paths are
   relative to the repository root, which is where Vitest runs. */

export interface CodeBlock {
  /** The fence's info string: `json`, `console`, or '' for a bare fence. */
  lang: string;
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export interface Link {
  target: string;
  image: boolean;
  line: number;
}

/** README.md and every page under docs/, sorted. */
export function docFiles(): string[] {
  const pages = readdirSync('docs', { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
  return ['README.md', ...pages.sort()];
}

export const read = (file: string) => readFileSync(file, 'utf8');

export function codeBlocks(text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)/.exec(lines[i] ?? '');
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    blocks.push({ lang: open[1] ?? '', body: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return blocks;
}

/** The text with every fenced block's lines blanked, so line numbers still match. */
export function prose(text: string): string {
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('```')) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a page offers: its headings' (`-1`, `-2` for repeats) and `<a id>` ones. */
export function anchors(text: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of prose(text).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const [, id] of text.matchAll(/<a (?:id|name)="([^"]+)"/g)) found.add(id ?? '');
  return found;
}

/** The headings of a page, text only, in order. */
export function headings(text: string): string[] {
  return [...prose(text).matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1] ?? '');
}

/** Links and images outside fenced blocks; web addresses and mail links left out. */
export function relativeLinks(text: string): Link[] {
  return prose(text)
    .split('\n')
    .flatMap((line, i) =>
      [...line.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => ({
        target: m[2] ?? '',
        image: m[1] === '!',
        line: i + 1,
      })),
    )
    .filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link.target));
}

/**
 * The rows of the first table after the first line that holds `after`, each as its
 * cells, trimmed, header and separator left out. `\|` inside a cell stays in the cell.
 */
export function tableAfter(text: string, after: string): string[][] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes(after));
  if (from < 0) throw new Error(`no line holds ${after}`);
  const first = lines.findIndex((l, i) => i >= from && l.startsWith('|'));
  const rows: string[][] = [];
  for (let i = first + 2; i < lines.length && lines[i]?.startsWith('|'); i++) {
    const cells = (lines[i] ?? '').split(/(?<!\\)\|/).slice(1, -1);
    rows.push(cells.map((cell) => cell.trim()));
  }
  return rows;
}

/** The text of each `code span` in a string. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}

/** The cells of every table row of a page, separators left out. */
export function allTableRows(text: string): string[][] {
  return prose(text)
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}
