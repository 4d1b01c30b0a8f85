import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The loopback peers otpd talks to while it is benchmarked, in one HTTP server of the
 * parent process: an SMS gateway (`POST /sms`, what the app's `http` provider calls) and
 * a webhook receiver (`POST /webhook`). Each counts what it received and answers at once,
 * reading the body to its end as a real peer would, so it is never what otpd waits on.
 */
export interface Gateway {
  smsUrl: string;
  webhookUrl: string;
  /** Messages and webhook events received so far. */
  counts(): { messages: number; events: number };
  close(): Promise<void>;
}

export async function startGateway(): Promise<Gateway> {
  let messages = 0;
  let events = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url === '/sms') {
        messages += 1;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`{"id":"gw_${messages}"}`);
      } else if (request.url === '/webhook') {
        events += 1;
        response.writeHead(204).end();
      } else {
        response.writeHead(404).end();
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    smsUrl: `${base}/sms`,
    webhookUrl: `${base}/webhook`,
    counts: () => ({ messages, events }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
