import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createSecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../observability/logger.ts';
import { OutboundError, type OutboundRequest } from '../../ports/outbound.ts';
import { createOutboundClient, type Resolve } from '../guarded-client.ts';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const routes: Record<string, Handler> = {
  '/echo': (req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-reply', ['one', 'two']);
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    });
  },
  '/hang': () => {},
  '/slow-body': (_req, res) => {
    res.writeHead(200);
    res.write('partial');
  },
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    // No content-length: the cap must hold while streaming, not only on a declared size.
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < 64 && res.write(chunk)) sent++;
      if (sent < 64) res.once('drain', pump);
      else res.end();
    };
    pump();
  },
  '/declared-huge': (_req, res) => {
    res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
    res.write('x');
  },
  '/dropped': (_req, res) => {
    res.writeHead(200, { 'content-length': '1000' });
    res.write('partial', () => res.socket?.destroy());
  },
  '/redirect': (_req, res) => {
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
    res.end();
  },
};

let server: Server;
let port: number;
/** Every log line the clients wrote, parsed. */
const logs: Array<Record<string, unknown>> = [];
const logger = createLogger(
  'debug',
  new Writable({
    write(chunk, _encoding, done) {
      logs.push(JSON.parse(String(chunk)));
      done();
    },
  }),
);

beforeAll(async () => {
  server = createServer((req, res) => {
    const handler = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

const allowed = createOutboundClient({ allowNetworks: ['127.0.0.0/8'], logger });
const guarded = createOutboundClient({ allowNetworks: [], logger });

function get(path: string, extra: Partial<OutboundRequest> = {}): OutboundRequest {
  return {
    method: 'GET',
    url: `http://127.0.0.1:${port}${path}`,
    timeoutMs: 2_000,
    maxResponseBytes: 64 * 1024,
    ...extra,
  };
}

/** A client whose every lookup answers with these addresses, in this order. */
function resolvingTo(allowNetworks: string[], ...addresses: string[]) {
  const resolve: Resolve = async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  return createOutboundClient({ allowNetworks, logger, resolve });
}

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => {
      throw new Error('the request succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe('outbound guard against a real loopback server', () => {
  it('sends method, path, query, headers and body when the operator allows loopback', async () => {
    const res = await allowed.request(
      get('/echo?key=k1&x=%20y', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-token': 'abc' },
        body: '{"to":"+90555"}',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers['x-reply']).toBe('one, two');
    const echo = JSON.parse(res.body);
    expect(echo).toMatchObject({
      method: 'POST',
      url: '/echo?key=k1&x=%20y',
      body: '{"to":"+90555"}',
    });
    expect(echo.headers).toMatchObject({ 'x-token': 'abc', 'content-length': '15' });
    expect(echo.headers.host).toBe(`127.0.0.1:${port}`);
  });

  it('refuses loopback without the operator allowing it, and logs the host only', async () => {
    logs.length = 0;
    const error = await failure(guarded.request(get('/echo?apiKey=SECRET-1')));
    expect(error.code).toBe('blocked_address');
    expect(error.message).not.toContain('SECRET-1');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ host: '127.0.0.1', failure: 'blocked_address' });
    expect(JSON.stringify(logs)).not.toContain('SECRET-1');
    expect(JSON.stringify(logs)).not.toContain('/echo');
  });

  it.each([
    ['localhost', 'http://localhost:9/echo'],
    ['an IPv6 literal', 'http://[::1]:9/echo'],
    ['a mapped IPv4 literal', 'http://[::ffff:127.0.0.1]:9/echo'],
    ['a decimal IPv4 form', 'http://2130706433:9/echo'],
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['a private address', 'https://10.0.0.1/send'],
  ])('refuses %s, which resolves to an internal address', async (_name, url) => {
    const error = await failure(guarded.request(get('', { url })));
    expect(error.code).toBe('blocked_address');
  });

  it('refuses a name when any of its addresses is internal (DNS rebinding in one answer)', async () => {
    const client = resolvingTo([], '93.184.215.14', '127.0.0.1');
    const error = await failure(client.request(get('', { url: 'http://gw.example/send' })));
    expect(error.code).toBe('blocked_address');
  });

  it('connects to the address it checked, not to a second lookup', async () => {
    // gw.test resolves nowhere on this machine; only the checked answer can reach the server.
    const client = resolvingTo(['127.0.0.1/32'], '127.0.0.1');
    const res = await client.request(get('', { url: `http://gw.test:${port}/echo` }));
    expect(JSON.parse(res.body).headers.host).toBe(`gw.test:${port}`);
  });

  it.skipIf(!hasOpenssl())(
    'sends the host name as TLS SNI to the checked address, and keeps certificate checks on',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'otpd-tls-'));
      const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
      execFileSync(
        'openssl',
        [
          ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
          ...['-subj', '/CN=gw.test', '-addext', 'subjectAltName=DNS:gw.test'],
          ...['-keyout', key, '-out', cert],
        ],
        { stdio: 'ignore' },
      );
      const context = { key: readFileSync(key), cert: readFileSync(cert) };
      const serverNames: string[] = [];
      const tlsServer = createHttpsServer({
        ...context,
        SNICallback: (name, done) => {
          serverNames.push(name);
          done(null, createSecureContext(context));
        },
      });
      tlsServer.listen(0, '127.0.0.1');
      await once(tlsServer, 'listening');
      const tlsPort = (tlsServer.address() as AddressInfo).port;
      const client = resolvingTo(['127.0.0.0/8'], '127.0.0.1');
      try {
        const error = await failure(
          client.request(get('', { url: `https://gw.test:${tlsPort}/send` })),
        );
        // A self-signed certificate is not trusted: the guard never turns verification off.
        expect(error.code).toBe('connection_failed');
        expect(serverNames).toEqual(['gw.test']);
      } finally {
        tlsServer.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('times out on a server that never answers, and on one that stalls mid-body', async () => {
    for (const path of ['/hang', '/slow-body']) {
      const started = Date.now();
      const error = await failure(allowed.request(get(path, { timeoutMs: 300 })));
      expect(error.code).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('aborts a body past the cap, streamed or declared', async () => {
    for (const path of ['/huge', '/declared-huge']) {
      const error = await failure(allowed.request(get(path, { maxResponseBytes: 100_000 })));
      expect(error.code).toBe('response_too_large');
    }
  });

  it('returns a redirect as it is instead of following it', async () => {
    const res = await allowed.request(get('/redirect'));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('http://169.254.169.254/latest/meta-data/');
  });

  it('falls back among the checked addresses of both families', async () => {
    // The server listens on 127.0.0.1 only, so ::1 is refused and 127.0.0.1 must be tried.
    const client = resolvingTo(['127.0.0.0/8', '::1/128'], '::1', '127.0.0.1');
    const res = await client.request(get('', { url: `http://gw.test:${port}/echo` }));
    expect(res.status).toBe(200);
  });

  it('reports a response cut off mid-body as connection_failed', async () => {
    const error = await failure(allowed.request(get('/dropped')));
    expect(error.code).toBe('connection_failed');
  });

  it('reports a refused connection as connection_failed', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const freePort = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const error = await failure(allowed.request(get('', { url: `http://127.0.0.1:${freePort}/` })));
    expect(error.code).toBe('connection_failed');
  });

  it.each(['ftp://127.0.0.1/file', 'file:///etc/passwd', 'not a url', '/relative/path'])(
    'refuses %s as invalid_url, without logging it',
    async (url) => {
      logs.length = 0;
      const error = await failure(allowed.request(get('', { url })));
      expect(error.code).toBe('invalid_url');
      expect(JSON.stringify(logs)).not.toContain(url);
    },
  );

  it('refuses a header value with a line break as invalid_request', async () => {
    const error = await failure(
      allowed.request(get('/echo', { headers: { 'x-to': 'a\r\nx-injected: 1' } })),
    );
    expect(error.code).toBe('invalid_request');
  });
});
