import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request. */
export type ProxyAction =
  | { forward: true }
  /** Forwards the request, waits for otpd's answer, then drops the connection unanswered. */
  | { forwardThenDrop: true }
  | { answer: { status: number; headers?: Record<string, string>; body?: string } };

/** What otpd answered a forwarded request. */
export interface UpstreamAnswer {
  status: number;
  headers: Headers;
  body: string;
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A loopback HTTP proxy in front of a real otpd that can answer or drop a request itself:
 * outages and lost answers, the way a client meets them on a network.
 */
export async function startProxy(
  target: string,
  decide: (request: SeenRequest, index: number) => ProxyAction,
) {
  const seen: SeenRequest[] = [];
  const answers: UpstreamAnswer[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: SeenRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    seen.push(request);
    const action = decide(request, seen.length - 1);
    if ('answer' in action) {
      res.writeHead(action.answer.status, action.answer.headers).end(action.answer.body);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) {
        headers.set(name, value);
      }
    }
    const upstream = await fetch(`${target}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === '' ? undefined : request.body,
    });
    const text = await upstream.text();
    answers.push({ status: upstream.status, headers: upstream.headers, body: text });
    if ('forwardThenDrop' in action) {
      req.socket.destroy();
      return;
    }
    const answerHeaders: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection'].includes(name)) {
        answerHeaders[name] = value;
      }
    });
    res.writeHead(upstream.status, answerHeaders).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
