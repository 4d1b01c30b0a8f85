import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { packageFile } from '../kernel/package-files.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface WebFile {
  body: Buffer;
  type: string;
}

/** The built pages, read once into memory: a few small files, served on every page view. */
export interface WebBuild {
  /** The hosted messenger page. */
  messengerHtml: string;
  /** The admin console's page. */
  consoleHtml: string;
  /** `messenger.js`, the loader embedding sites point at (fixed name, short cache). */
  loader: WebFile;
  /** Hashed assets by file name (`messenger-1a2b3c.js`): immutable. */
  assets: ReadonlyMap<string, WebFile>;
}

export class WebBuildMissingError extends Error {}

/**
 * Reads the build output, by default where `npm install` (the `prepare` script, `vite
 * build`) puts it; a missing one is an error that says how to make it.
 */
export function loadWebBuild(dir: string = packageFile('dist', 'web')): WebBuild {
  const html = join(dir, 'messenger.html');
  for (const page of [html, join(dir, 'console.html')]) {
    if (!existsSync(page)) {
      throw new WebBuildMissingError(
        `the web pages are not built (no ${page}): run "npm run build:web" (npm install runs it)`,
      );
    }
  }
  const assets = new Map<string, WebFile>();
  for (const name of readdirSync(join(dir, 'assets'))) {
    assets.set(name, fileAt(join(dir, 'assets', name)));
  }
  return {
    messengerHtml: readFileSync(html, 'utf8'),
    consoleHtml: readFileSync(join(dir, 'console.html'), 'utf8'),
    loader: fileAt(join(dir, 'messenger.js')),
    assets,
  };
}

function fileAt(path: string): WebFile {
  return {
    body: readFileSync(path),
    type: TYPES[extname(path)] ?? 'application/octet-stream',
  };
}
