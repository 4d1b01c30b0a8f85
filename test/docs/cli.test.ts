import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../../src/cli/main.ts';
import { codeBlocks, codeSpans, docFiles, prose, read, tableAfter } from './markdown.ts';

const program = buildCli({ out: () => {}, err: () => {}, env: {} });

/** Every command that runs something, by its words: `apps create`, `serve`. */
function leafCommands(command: Command, prefix: string[] = []): Map<string, Command> {
  const found = new Map<string, Command>();
  for (const sub of command.commands) {
    const words = [...prefix, sub.name()];
    if (sub.commands.length === 0) found.set(words.join(' '), sub);
    else for (const [name, leaf] of leafCommands(sub, words)) found.set(name, leaf);
  }
  return found;
}
const commands = leafCommands(program);

interface Usage {
  name: string;
  args: string[];
  options: string[];
  /** Options written without brackets, as a reader must give them. */
  required: string[];
}

/** `otpd keys create <appId> [--scope <scope>]… [--json]` → its parts. */
function parseUsage(usage: string): Usage {
  const words = usage.replace(/^otpd /, '').split(' ');
  const name: string[] = [];
  while (words[0] && /^[a-z]+$/.test(words[0])) name.push(words.shift() as string);
  const rest = words.join(' ');
  const args = [...rest.replace(/--\S+ <[^>]+>/g, '').matchAll(/<([^>]+)>/g)].map(
    (m) => m[1] ?? '',
  );
  const options = [...rest.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
  const required = options.filter((o) => !new RegExp(`\\[${o}\\b`).test(rest));
  return { name: name.join(' '), args, options, required };
}

const table = tableAfter(read('docs/cli.md'), '| command').map((row) =>
  parseUsage(codeSpans(row[0] ?? '')[0] ?? ''),
);
const longOptions = (command: Command | undefined) =>
  (command?.options ?? []).map((o) => o.long ?? '');

describe('docs/cli.md', () => {
  it('lists every command the otpd program has, and only those', () => {
    expect(table.map((usage) => usage.name).sort()).toEqual([...commands.keys()].sort());
  });

  it.each(table.map((usage) => [usage.name, usage] as const))(
    'otpd %s: its arguments and options are the ones the program takes',
    (name, usage) => {
      const command = commands.get(name);
      expect(usage.args).toEqual(command?.registeredArguments.map((a) => a.name()));
      expect(usage.options.sort()).toEqual(longOptions(command).sort());
      const mandatory = (command?.options ?? []).filter((o) => o.mandatory).map((o) => o.long);
      expect(usage.required).toEqual(expect.arrayContaining(mandatory));
    },
  );
});

/** `otpd …` as a reader would type it, in a code block or a code span of any page. */
function invocations(): { file: string; line: string }[] {
  return docFiles().flatMap((file) => {
    const text = read(file);
    const spans = codeSpans(prose(text));
    const blocks = codeBlocks(text).flatMap((block) => block.body.split('\n'));
    return [...spans, ...blocks]
      .flatMap((line) => [...line.matchAll(/(?:^|npx |\$ |\| )otpd ([a-z][^|#`]*)/g)])
      .map((m) => ({ file, line: (m[1] ?? '').trim() }));
  });
}

describe('every otpd command shown in the pages', () => {
  const shown = invocations();

  it('is found in enough places to mean something', () => {
    expect(shown.length).toBeGreaterThan(20);
  });

  it('names a command the program has, with options it takes', () => {
    const wrong = shown.flatMap(({ file, line }) => {
      const words = line.split(/\s+/);
      const name = [...commands.keys()]
        .filter((n) => words.slice(0, n.split(' ').length).join(' ') === n)
        .sort((a, b) => b.length - a.length)[0];
      // `otpd <command> --help` and the like name no command in particular.
      if (!name) return /^(<command>|--help)/.test(line) ? [] : [`${file}: otpd ${line}`];
      const known = [...longOptions(commands.get(name)), '--help'];
      const options = [...line.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
      return options.filter((o) => !known.includes(o)).map((o) => `${file}: otpd ${line}: ${o}`);
    });
    expect(wrong).toEqual([]);
  });
});
