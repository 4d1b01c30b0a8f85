import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { docFiles, read } from './markdown.ts';

/* The metric names the pages tell operators to alert on and graph, against a real scrape. */

let server: TestServer;
let served: Set<string>;

beforeAll(async () => {
  server = await startServer({ dispatcher: false });
  const scrape = await (await fetch(`${server.url}/metrics`)).text();
  served = new Set([...scrape.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1] ?? ''));
});

afterAll(async () => {
  await server?.close();
});

/** Names that read as metrics by their unit or kind; `otpd_console` is a cookie, say. */
const METRIC = /\botpd_[a-z_]+_(?:total|seconds|bytes|handles|requests|info)\b/g;
const named = new Set(
  docFiles().flatMap((file) => [...read(file).matchAll(METRIC)].map((m) => m[0])),
);

describe('the metrics the pages name', () => {
  it('are found', () => {
    expect(named.size).toBeGreaterThan(5);
  });

  it.each([...named])('%s is in a scrape of /metrics', (name) => {
    expect([...served]).toContain(name);
  });

  it("are all of otpd's own, beyond the process and Node.js ones", () => {
    const own = [...served].filter((name) => !/^otpd_(process|nodejs)_/.test(name));
    expect(own.length).toBeGreaterThan(5);
    expect(own.filter((name) => !named.has(name))).toEqual([]);
  });
});
