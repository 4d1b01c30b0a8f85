/**
 * Reads a V8 `.cpuprofile` (by default the newest one `npm run bench -- --cpu-prof` wrote)
 * and says where the server's time went: self time by area (our src/ folders, each
 * node_modules package, Node internals, GC) and by function, and inclusive time of our own
 * functions, each also as microseconds per request served.
 *
 *   node --import tsx bench/profile-summary.ts [.bench/profiles | file] [requests]
 *   node --import tsx bench/profile-summary.ts [.bench/profiles | file] --callers writev
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  busyMs: number;
  idleMs: number;
  requests: number | undefined;
  areas: { area: string; selfMs: number }[];
  selfTop: { fn: string; selfMs: number }[];
  ownInclusiveTop: { fn: string; totalMs: number }[];
  text: string;
}

/** A short place for a script URL: `src/http/auth.ts`, `pkg:fastify`, `node:internal`. */
function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return `pkg:${parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  if (url.startsWith('node:')) return 'node:internal';
  const src = url.indexOf('/src/');
  if (src >= 0) {
    const rest = url.slice(src + 1).split('/');
    return rest.length > 2 ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  return url.replace(/^file:\/\//, '');
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  return url.replace(/^file:\/\//, '');
}

function fnKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  return url ? `${name} ${shortUrl(url)}:${lineNumber + 1}` : name;
}

const isOwn = (node: ProfileNode) => node.callFrame.url.includes('/src/');

/** The newest profile in `dir`. */
function newestProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!files[0]) throw new Error(`no .cpuprofile in ${dir}`);
  return files[0];
}

/**
 * Reads a profile with each frame of a compiled script (the server runs from one bundle,
 * `.bench/server.mjs`) placed back in its source file and line through the script's source
 * map, so that areas and functions read as `src/abuse/…`.
 */
function readProfile(file: string): CpuProfile {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const path = `${fileURLToPath(url)}.map`;
      maps.set(
        url,
        existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8'))) : undefined,
      );
    }
    return maps.get(url);
  };
  for (const { callFrame } of profile.nodes) {
    if (!callFrame.url.startsWith('file://') || !callFrame.url.endsWith('.mjs')) continue;
    const entry = mapOf(callFrame.url)?.findEntry(callFrame.lineNumber, callFrame.columnNumber);
    if (!entry || !('originalSource' in entry)) continue;
    callFrame.url = new URL(entry.originalSource, callFrame.url).href;
    callFrame.lineNumber = entry.originalLine;
    callFrame.columnNumber = entry.originalColumn;
  }
  return profile;
}

const top = <T>(m: Map<string, number>, n: number, make: (k: string, ms: number) => T) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => make(k, us / 1000));

export function summarizeProfile(dirOrFile: string, requests?: number): ProfileSummary {
  const file = dirOrFile.endsWith('.cpuprofile') ? dirOrFile : newestProfile(dirOrFile);
  const profile = readProfile(file);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const ownInclusive = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idle += us;
      return;
    }
    busy += us;
    const key = fnKey(node);
    self.set(key, (self.get(key) ?? 0) + us);
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    // Inclusive time: each of our functions on the stack once, however deep the recursion.
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      if (!isOwn(n)) continue;
      const k = fnKey(n);
      if (seen.has(k)) continue;
      seen.add(k);
      ownInclusive.set(k, (ownInclusive.get(k) ?? 0) + us);
    }
  });

  const busyMs = busy / 1000;
  const perRequest = (ms: number) =>
    requests ? `${((ms * 1000) / requests).toFixed(1).padStart(7)} µs/req` : '';
  const line = (label: string, ms: number) =>
    `  ${ms.toFixed(0).padStart(7)} ms ${((ms / busyMs) * 100).toFixed(1).padStart(5)}% ${perRequest(ms)}  ${label}`;
  const summary = {
    file,
    busyMs,
    idleMs: idle / 1000,
    requests,
    areas: top(areas, 25, (area, selfMs) => ({ area, selfMs })),
    selfTop: top(self, 30, (fn, selfMs) => ({ fn, selfMs })),
    ownInclusiveTop: top(ownInclusive, 30, (fn, totalMs) => ({ fn, totalMs })),
  };
  const text = [
    `CPU profile ${file}`,
    `busy ${busyMs.toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms` +
      (requests ? `, ${requests} requests : ${perRequest(busyMs).trim()}` : ''),
    '',
    'self time by area:',
    ...summary.areas.map((a) => line(a.area, a.selfMs)),
    '',
    'self time by function:',
    ...summary.selfTop.map((f) => line(f.fn, f.selfMs)),
    '',
    'inclusive time of src/ functions:',
    ...summary.ownInclusiveTop.map((f) => line(f.fn, f.totalMs)),
  ].join('\n');
  return { ...summary, text };
}

/**
 * Where the time of functions named `name` comes from: the chains of callers (up to `depth`
 * frames up) under their samples, heaviest first.
 */
export function callersOf(file: string, name: string, depth = 4): string {
  const profile = readProfile(file);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const chains = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName !== name) return;
    const frames: string[] = [];
    let n = byId.get(parent.get(node.id) ?? -1);
    for (; n && frames.length < depth; n = byId.get(parent.get(n.id) ?? -1)) frames.push(fnKey(n));
    const key = frames.join('\n      < ');
    chains.set(key, (chains.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return top(chains, 10, (chain, ms) => `${ms.toFixed(0).padStart(6)} ms  < ${chain}`).join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const callers = args.indexOf('--callers');
  const name = callers >= 0 ? args.splice(callers, 2)[1] : undefined;
  const [where = '.bench/profiles', requests] = args;
  const file = where.endsWith('.cpuprofile') ? where : newestProfile(where);
  process.stdout.write(
    name
      ? `${callersOf(file, name)}\n`
      : `${summarizeProfile(file, requests ? Number(requests) : undefined).text}\n`,
  );
}
