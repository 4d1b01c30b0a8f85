import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../observability/logger.ts';
import { OutboundError } from '../../ports/outbound.ts';
import { createOutboundClient, type Resolve } from '../guarded-client.ts';

const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
const servers: Server[] = [];

/** A loopback gateway that counts the connections it accepts. */
async function gateway(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  servers.push(server);
  const sockets: Socket[] = [];
  server.on('connection', (socket) => sockets.push(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { port, sockets };
}

const post = (url: string) => ({
  method: 'POST' as const,
  url,
  headers: { 'content-type': 'text/plain' },
  body: 'hello',
  timeoutMs: 2_000,
  maxResponseBytes: 10_000,
});

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

describe('outbound connections', () => {
  it('sends one host’s requests over one kept-alive connection', async () => {
    const { port, sockets } = await gateway((_req, res) => res.end('ok'));
    const client = createOutboundClient({ allowNetworks: ['127.0.0.0/8'], logger });
    for (let i = 0; i < 5; i++) {
      const response = await client.request(post(`http://127.0.0.1:${port}/send`));
      expect(response.body).toBe('ok');
    }
    expect(sockets).toHaveLength(1);
  });

  it('sends again, on a new connection, when the server drops a kept-alive one as it is used', async () => {
    const served = new WeakSet<Socket>();
    const { port, sockets } = await gateway((req, res) => {
      // The second request on a connection meets a server that closes it instead of answering.
      if (served.has(req.socket)) return req.socket.destroy();
      served.add(req.socket);
      res.end('ok');
    });
    const client = createOutboundClient({ allowNetworks: ['127.0.0.0/8'], logger });
    expect((await client.request(post(`http://127.0.0.1:${port}/a`))).body).toBe('ok');
    expect((await client.request(post(`http://127.0.0.1:${port}/b`))).body).toBe('ok');
    expect(sockets).toHaveLength(2);
  });

  it('checks the host’s addresses on every request, even with a connection open to it', async () => {
    const { port } = await gateway((_req, res) => res.end('ok'));
    let answer = [{ address: '127.0.0.1', family: 4 }];
    const resolve: Resolve = async () => answer;
    const client = createOutboundClient({ allowNetworks: ['127.0.0.0/8'], logger, resolve });
    expect((await client.request(post(`http://gw.test:${port}/send`))).body).toBe('ok');
    answer = [{ address: '10.0.0.7', family: 4 }];
    const error = await client.request(post(`http://gw.test:${port}/send`)).catch((e) => e);
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).code).toBe('blocked_address');
  });
});
