import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import { type Client, createClient } from '../../../test/helpers/http-client.ts';
import { loadWebBuild, WebBuildMissingError } from '../../web/static-assets.ts';

describe('messenger page and loader', () => {
  let server: TestServer;
  let client: Client;
  let appId: string;
  let anonymous: Client;

  beforeAll(async () => {
    server = await startServer();
    ({ client, appId } = await server.createApp('Shop'));
    anonymous = createClient(server.url);
    const messenger = { enabled: true, allowedOrigins: ['https://shop.example'] };
    expect((await client.request('PUT', '/v1/settings', { messenger })).status).toBe(200);
  });
  afterAll(() => server.close());

  it('serves the page uncached, with a CSP that lets only the allowed origins frame it', async () => {
    const page = await anonymous.get(`/messenger/${appId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://shop.example");
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(page.text).not.toMatch(/https?:\/\//);
  });

  it('serves every asset the page names under a hashed name, cached for a year', async () => {
    const page = await anonymous.get(`/messenger/${appId}`);
    const assets = [...page.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const path of assets) {
      expect(path).toMatch(/-[\w-]{8}\.(js|css)$/);
      const asset = await anonymous.get(path as string);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await anonymous.get('/assets/nothing-12345678.js')).status).toBe(404);
  });

  it('serves the loader at its fixed name as a script', async () => {
    const loader = await anonymous.get('/messenger.js');
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(loader.text).toContain('data-otpd-messenger');
    expect(loader.text.length).toBeLessThan(4_000);
  });

  it('answers a 404 problem for a disabled messenger and for an unknown app', async () => {
    const other = await server.createApp('Closed');
    for (const id of [other.appId, 'app_unknown']) {
      const { status, headers, body } = await anonymous.get(`/messenger/${id}`);
      expect(status).toBe(404);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(body.code).toBe('messenger_not_found');
    }
  });

  it('refuses to start without a build, saying how to make one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'otpd-web-'));
    expect(() => loadWebBuild(empty)).toThrow(WebBuildMissingError);
    expect(() => loadWebBuild(empty)).toThrow(/npm run build:web/);
  });
});
