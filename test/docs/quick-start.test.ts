import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { Session, type Step, steps, words } from './console-session.ts';
import { codeBlocks, read } from './markdown.ts';

/* The README's quick start and the walk-through, typed as they are written (the CLI and
   curl) against a real otpd over its own SQLite data directory: every answer must look like
   the one the page shows, field for field. */

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

async function otpd(args: string[]): Promise<string> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
  const code = await runCli(args, { ...io, env: { OTPD_DATA_DIR: server.dataDir } });
  expect(code, err).toBe(0);
  return out;
}

async function curl(args: string[]): Promise<string> {
  let method = 'GET';
  let url = '';
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-X') method = args[++i] ?? '';
    else if (arg === '-H') {
      const [name = '', ...value] = (args[++i] ?? '').split(':');
      headers[name] = value.join(':').trim();
    } else if (arg === '-d') body = args[++i];
    else url = arg.replace(/^localhost:8080/, server.url);
  }
  expect(url.startsWith(server.url), `curl to ${url}`).toBe(true);
  // The sandbox holds the message once the dispatcher has sent it: a reader waits too.
  for (let tries = 0; ; tries++) {
    const text = await (await fetch(url, { method, headers, body })).text();
    if (!url.includes('/sandbox/') || text !== '{"data":[]}' || tries > 100) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function replay(session: Session, step: Step, where: string) {
  const command = session.substitute(step.command);
  const assignment = /^([A-Z_]+)=(\S+)$/.exec(command);
  if (assignment) {
    session.vars[assignment[1] ?? ''] = assignment[2] ?? '';
    return;
  }
  const [program, ...args] = words(command, session.vars);
  let actual: string;
  if (program === 'npx' && args[0] === 'otpd') actual = await otpd(args.slice(1));
  else if (program === 'curl') actual = await curl(args);
  else throw new Error(`${where}: cannot replay ${command}`);
  session.matchOutput(step.output, actual, `${where}: ${step.command}`);
}

/** Every `$ ` step of the page's console blocks, in order. */
function consoleSteps(page: string): Step[] {
  return codeBlocks(read(page))
    .filter((block) => block.lang === 'console')
    .flatMap((block) => steps(block.body));
}

describe.each(['README.md', 'docs/walk-through.md'])('%s, typed as written', (page) => {
  it('creates an app, starts a verification, reads the code and checks it', async () => {
    const all = consoleSteps(page);
    expect(all.map((s) => words(s.command, {})[0] ?? '')).toEqual(
      expect.arrayContaining(['npx', 'curl']),
    );
    expect(all.filter((s) => s.command.startsWith('curl')).length).toBeGreaterThanOrEqual(3);
    const session = new Session();
    for (const [i, step] of all.entries()) await replay(session, step, `${page} step ${i + 1}`);
    // The code the page checks is the one the sandbox held: it was bound and approved.
    expect([...session.bound.keys()].some((k) => /^\d{4,10}$/.test(k))).toBe(true);
  });
});
