import { expect } from 'vitest';

/* Replays a ```console block of the pages — `$ command` lines and the output under each —
   against a real otpd, the way a reader would type it. Ids, keys, times and codes differ on
   every run: the first time a documented one is seen in an output it is bound to the real
   one, and later commands that use it get the real one instead. */

export interface Step {
  command: string;
  /** The documented output, '' when the page shows none. */
  output: string;
}

/** `$ ` lines (with their `\` continuations) and the lines under each. */
export function steps(block: string): Step[] {
  const found: Step[] = [];
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('$ ')) continue;
    let command = line.slice(2);
    while (command.endsWith('\\')) command = `${command.slice(0, -1)} ${lines[++i]?.trim()}`;
    const output: string[] = [];
    while (lines[i + 1] !== undefined && !lines[i + 1]?.startsWith('$ '))
      output.push(lines[++i] ?? '');
    found.push({ command: command.trim(), output: output.join('\n').trim() });
  }
  return found;
}

/** The words of a shell command: quotes removed, `$NAME` expanded outside single quotes. */
export function words(command: string, vars: Record<string, string>): string[] {
  const found: string[] = [];
  for (const m of command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    const expand = (s: string) => s.replace(/\$([A-Z_]+)/g, (_, name) => vars[name] ?? '');
    found.push(m[1] ?? expand(m[2] ?? m[3] ?? ''));
  }
  return found;
}

/** What changes from run to run, each with the pattern its real value matches. */
const VARYING: RegExp[] = [
  /(?:app|ver|msg|key)_[0-9a-z]{26}/,
  /otpd_[A-Za-z0-9_-]{43}/,
  /(?:AC|VA)[0-9a-f]{32}/,
  /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/,
  /(?<=code is )\d{4,10}/,
];
const ANY_VARYING = new RegExp(VARYING.map((r) => r.source).join('|'), 'g');
/** A varying pattern without what it looks behind at: what the value itself matches. */
const bare = (r: RegExp) => r.source.replace(/^\(\?<=[^)]*\)/, '');

export class Session {
  /** Documented value → the value this run has in its place. */
  readonly bound = new Map<string, string>();
  readonly vars: Record<string, string> = {};

  /** The command with every documented value already seen replaced by this run's. */
  substitute(command: string): string {
    let result = command;
    for (const [documented, actual] of this.bound) result = result.replaceAll(documented, actual);
    return result;
  }

  private bind(documented: string, actual: string, where: string) {
    const known = this.bound.get(documented);
    if (known !== undefined) expect(actual, where).toBe(known);
    else this.bound.set(documented, actual);
  }

  /**
   * Matches a documented text, where `…` stands for anything, against the real one; each
   * varying value matches any of its kind and is bound.
   */
  matchText(documented: string, actual: string, where: string) {
    const varying: string[] = [];
    const source = documented
      .split(/(…)/)
      .map((part) => {
        if (part === '…') return '[\\s\\S]*?';
        let pattern = '';
        let last = 0;
        for (const m of part.matchAll(ANY_VARYING)) {
          pattern += escapeRegExp(part.slice(last, m.index));
          const kind = VARYING.find((r) => new RegExp(`^(?:${bare(r)})$`).test(m[0]));
          pattern += `(${kind ? bare(kind) : '\\S+'})`;
          varying.push(m[0]);
          last = (m.index ?? 0) + m[0].length;
        }
        return pattern + escapeRegExp(part.slice(last));
      })
      .join('');
    const match = new RegExp(`^${source}$`).exec(actual.trim());
    expect(match, `${where}\nexpected like: ${documented}\nactual: ${actual}`).not.toBeNull();
    varying.forEach((documentedValue, i) => {
      this.bind(documentedValue, match?.[i + 1] ?? '', where);
    });
  }

  /** Matches a documented JSON value against the real one: the same keys, everywhere. */
  matchJson(documented: unknown, actual: unknown, where: string, key = ''): void {
    if (typeof documented === 'string') {
      expect(typeof actual, where).toBe('string');
      this.matchText(documented, actual as string, where);
    } else if (Array.isArray(documented)) {
      expect(actual, where).toHaveLength(documented.length);
      documented.forEach((item, i) => {
        this.matchJson(item, (actual as unknown[])[i], `${where}[${i}]`);
      });
    } else if (documented !== null && typeof documented === 'object') {
      const doc = documented as Record<string, unknown>;
      const real = actual as Record<string, unknown>;
      expect(Object.keys(real ?? {}).sort(), where).toEqual(Object.keys(doc).sort());
      for (const k of Object.keys(doc)) this.matchJson(doc[k], real[k], `${where}.${k}`, k);
    } else if (key === 'appId' && typeof documented === 'number') {
      // Beem's numeric app id is drawn at random for each app.
      expect(typeof actual, where).toBe('number');
    } else {
      expect(actual, where).toEqual(documented);
    }
  }

  /** Checks a documented output: JSON shown in full is compared field by field. */
  matchOutput(documented: string, actual: string, where: string) {
    if (documented === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(documented);
    } catch {
      this.matchText(documented, actual, where);
      return;
    }
    this.matchJson(parsed, JSON.parse(actual), where);
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
