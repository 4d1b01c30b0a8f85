import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Frame, type FrameLocator, type Page } from 'playwright-core';
import type { Client } from './http-client.ts';

/** Debian's Chromium, as installed by .ci/run. */
export const CHROMIUM = '/usr/bin/chromium';

/** The console's desktop window, and the narrowest phone every page is held to. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 320, height: 640 };

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export interface BrowserOptions {
  /**
   * Flags added to the defaults, e.g. `--host-resolver-rules=MAP shop.example 127.0.0.1` so
   * that pages on several sites all reach loopback servers.
   */
  args?: readonly string[];
}

/** A headless Chromium with a fresh profile and no calls to the outside world. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  // launch() gives every browser a fresh, empty profile directory of its own (and removes it).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** axe-core's serious and critical findings on a page or frame, as readable lines. */
export async function seriousViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE_SOURCE);
  const results = await target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<any> } }).axe;
    return axe.run();
  });
  return (results.violations as { id: string; impact: string; help: string; nodes: unknown[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

/**
 * Takes a screenshot of the step; with OTPD_SCREENSHOTS=1 it replaces the README's copy under
 * docs/<folder>/ (default the messenger's), so an ordinary test run leaves the checkout as it
 * found it.
 */
export async function screenshot(page: Page, name: string, folder = 'messenger'): Promise<void> {
  const path =
    process.env.OTPD_SCREENSHOTS === '1' ? join('docs', folder, `${name}.png`) : undefined;
  await page.screenshot({ path });
}

/**
 * Reads the newest code sent to `to` in the app's sandbox outbox, as a person reads their
 * phone: polls until a message arrives that was not read before.
 */
export function createPhone(client: Client, to: string) {
  const read = new Set<string>();
  return async function nextCode(): Promise<string> {
    for (let i = 0; i < 250; i++) {
      const { body } = await client.get('/v1/sandbox/messages?limit=100');
      const message = (body.data as { id: string; to: string; body: string }[]).find(
        (m) => m.to === to && !read.has(m.id),
      );
      if (message) {
        read.add(message.id);
        const code = /\b(\d{4,10})\b/.exec(message.body)?.[1];
        if (!code) throw new Error(`no code in "${message.body}"`);
        return code;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no new sandbox message to ${to}`);
  };
}

export interface HostPageOptions {
  /** Serve https with this certificate and key (default http). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The name in the page's URL, resolved to loopback by the browser (default 127.0.0.1). */
  hostname?: string;
}

/**
 * A second loopback server: a shop's page that embeds the messenger with the script tag. The
 * page notes its own globals before the loader runs (`shopGlobals`), so a test can see that
 * the loader adds none.
 */
export async function startHostPage(
  otpdUrl: string,
  options: HostPageOptions = {},
): Promise<{ url: string; embed(appId: string): void; close(): Promise<void> }> {
  let appId = '';
  const html = () => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Shop</title>
<style>button, iframe { display: none !important; } * { font-size: 3px !important; }</style>
</head><body><main><h1>Shop</h1><p>Welcome to the shop.</p></main>
<script>window.shopGlobals = Object.keys(window);</script>
<script src="${otpdUrl}/messenger.js" data-app="${appId}" async></script></body></html>`;
  const handler = (_request: unknown, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html());
  };
  const server: Server = options.tls
    ? createHttpsServer(options.tls, handler)
    : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const scheme = options.tls ? 'https' : 'http';
  return {
    url: `${scheme}://${options.hostname ?? '127.0.0.1'}:${address.port}`,
    embed(id) {
      appId = id;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Passes the phone gate as a person: types the number, reads the SMS, types the code. */
export async function enterChat(
  target: Page | Frame | FrameLocator,
  national: string,
  nextCode: () => Promise<string>,
): Promise<void> {
  await target.getByLabel('Phone number').fill(national);
  await target.getByLabel('Phone number').press('Enter');
  const code = target.getByLabel('Verification code');
  await code.fill(await nextCode());
  await code.press('Enter');
  await target.getByRole('log').waitFor();
}
