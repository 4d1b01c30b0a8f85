import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the gateway received it. */
export interface GatewayRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface GatewayAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
}

/**
 * What the gateway does with a request: answer it, or `'hang'` (never answer). A promise
 * answers once it settles: a slow gateway.
 */
export type GatewayBehaviour = (
  request: GatewayRequest,
) => GatewayAnswer | 'hang' | Promise<GatewayAnswer | 'hang'>;

export interface FakeGateway {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Every request received, oldest first. */
  requests: GatewayRequest[];
  behave(behaviour: GatewayBehaviour): void;
  close(): Promise<void>;
}

/** Accepts everything: 200 with `{"ok": true, "id": "gw-1"}`. */
export const succeed: GatewayBehaviour = () => ({ status: 200, body: { ok: true, id: 'gw-1' } });
export const answer =
  (status: number, body: string | object = '', headers: Record<string, string> = {}) =>
  (): GatewayAnswer => ({ status, body, headers });
export const hang: GatewayBehaviour = () => 'hang';

/**
 * A third-party SMS gateway as a real HTTP server on loopback, whose behaviour each test sets.
 * Object bodies are sent as JSON.
 */
export async function startFakeGateway(initial: GatewayBehaviour = succeed): Promise<FakeGateway> {
  let behaviour = initial;
  const requests: GatewayRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request: GatewayRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const outcome = await behaviour(request);
      if (outcome === 'hang') return;
      const isJson = typeof outcome.body === 'object';
      res.writeHead(outcome.status, {
        ...(isJson ? { 'content-type': 'application/json' } : {}),
        ...outcome.headers,
      });
      res.end(isJson ? JSON.stringify(outcome.body) : (outcome.body ?? ''));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    behave(next) {
      behaviour = next;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
