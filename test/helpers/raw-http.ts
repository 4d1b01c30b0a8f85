import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case; the last of a repeated header wins. */
  headers: Record<string, string>;
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  body: any;
  /** Every byte the server wrote, as text: several responses on a kept-alive connection. */
  raw: string;
  /** Whether the server closed the connection before `waitMs` ran out. */
  closed: boolean;
}

/**
 * Writes `request` byte for byte to a fresh TCP connection and reads what comes back until
 * the server closes or `waitMs` passes, so nothing between the test and otpd (no HTTP
 * client) can tidy up a malformed request or a malformed answer. Parses the first response.
 */
export function rawRequest(
  url: string,
  request: string | Buffer,
  options: { waitMs?: number } = {},
): Promise<RawResponse> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      try {
        resolve(parseFirst(Buffer.concat(chunks).toString('utf8'), closed));
      } catch (error) {
        reject(error);
      }
    };
    const timer = setTimeout(finish, options.waitMs ?? 2_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => {
      closed = true;
      finish();
    });
    // A server may reset after answering; what it wrote before is still the answer.
    socket.on('error', () => undefined);
    socket.write(request);
  });
}

function parseFirst(raw: string, closed: boolean): RawResponse {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) throw new Error(`no HTTP response: ${JSON.stringify(raw.slice(0, 200))}`);
  const [statusLine = '', ...lines] = raw.slice(0, headEnd).split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const text = raw.slice(headEnd + 4, headEnd + 4 + length);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status, headers, body, raw, closed };
}
