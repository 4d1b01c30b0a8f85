import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OtpdError } from '../kernel/errors.ts';
import type { Logger } from '../observability/logger.ts';
import { problemBody, sendProblem, statusOf, toOtpdError } from './errors.ts';

/**
 * The longest request target (path and query) otpd reads: 8 KiB, as most proxies allow.
 * Longer ones are 414 `uri_too_long`; past Node's 16 KiB header limit the parser itself
 * refuses them, and `clientErrorHandler` still answers 414.
 */
export const MAX_URL_LENGTH = 8 * 1024;

/** How long a request may take to arrive whole by default; a body that never ends is 408. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** A problem as a complete HTTP/1.1 response, for sockets no Fastify reply owns. */
function rawProblem(error: OtpdError, extraHeaders = ''): string {
  const status = statusOf(error.code);
  const body = JSON.stringify(problemBody(error));
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
    'content-type: application/problem+json; charset=utf-8\r\n' +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    `connection: close\r\n${extraHeaders}\r\n${body}`
  );
}

// A request line whose target alone is past the URL limit.
const LONG_TARGET = new RegExp(`^[A-Za-z]+ [^ \\r\\n]{${MAX_URL_LENGTH + 1}}`);

/** What Node's HTTP parser refused (`code`, the bytes it read in `rawPacket`). */
type ConnectionError = Error & { code?: string; rawPacket?: unknown };

/** The problem to answer for a parser error, mirroring Node's own choice of status. */
function parserProblem(error: ConnectionError, timeoutMs: number): OtpdError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW': {
      const packet = Buffer.isBuffer(error.rawPacket) ? error.rawPacket : Buffer.alloc(0);
      const head = packet.subarray(0, MAX_URL_LENGTH + 64).toString('latin1');
      if (LONG_TARGET.test(head)) {
        return new OtpdError('uri_too_long', `the URL must be at most ${MAX_URL_LENGTH} bytes`);
      }
      return new OtpdError(
        'header_fields_too_large',
        'the request line and headers must be at most 16 KiB together',
      );
    }
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new OtpdError('payload_too_large', 'the chunk extensions are too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new OtpdError(
        'request_timeout',
        `the request did not arrive whole within ${timeoutMs / 1000} s`,
      );
    default:
      return new OtpdError(
        'malformed_request',
        `the request is not well-formed HTTP/1.1 (${error.code ?? 'unreadable'})`,
      );
  }
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the bytes before any route ran
 * (oversized headers, a bad request line, conflicting Content-Length and Transfer-Encoding,
 * a timeout). Answers once per connection with a complete problem+json response and
 * `connection: close`, unless a response is already under way, then closes. Logs only the
 * parser's code: the raw bytes may hold an API key.
 */
export function createClientErrorHandler(logger: Logger, requestTimeoutMs: number) {
  const answered = new WeakSet<Socket>();
  return (error: ConnectionError, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
    answered.add(socket);
    const problem = parserProblem(error, requestTimeoutMs);
    logger.debug({ code: error.code, status: statusOf(problem.code) }, 'client error');
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) socket.end(rawProblem(problem));
    // Reading on until the client has our answer keeps the kernel from resetting the
    // connection over unread bytes; a client that never closes is cut off.
    setTimeout(() => socket.destroy(), 2_000).unref();
  };
}

/** Node's 'checkExpectation': an Expect other than 100-continue is 417, as a problem. */
export function refuseExpectation(_request: IncomingMessage, response: ServerResponse): void {
  const problem = new OtpdError(
    'expectation_failed',
    'otpd understands only Expect: 100-continue; send the request without Expect',
  );
  const body = JSON.stringify(problemBody(problem));
  response.writeHead(417, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  response.end(body);
}

/** Fastify's `frameworkErrors`: what its router refused before any route or hook ran. */
export function createFrameworkErrorHandler(logger: Logger) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    switch (error.code) {
      case 'FST_ERR_BAD_URL':
        return sendProblem(
          reply,
          new OtpdError('malformed_request', 'the path is not valid percent-encoding (RFC 3986)'),
        );
      case 'FST_ERR_MAX_PARAM_LENGTH':
        return sendProblem(
          reply,
          new OtpdError('uri_too_long', 'a path segment is longer than 100 characters'),
        );
      default:
        return sendProblem(reply, toOtpdError(error, logger, request));
    }
  };
}

/**
 * First onRequest hook: a target past `MAX_URL_LENGTH` is 414, and an HTTP/1.1 request
 * without Host is 400, as Node would answer it (Node's own answer has no body).
 */
export async function refuseUnreadableTarget(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  if (request.originalUrl.length > MAX_URL_LENGTH) {
    throw new OtpdError('uri_too_long', `the URL must be at most ${MAX_URL_LENGTH} bytes`);
  }
  if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
    reply.header('connection', 'close');
    throw new OtpdError('malformed_request', 'an HTTP/1.1 request must carry a Host header');
  }
}

/** Wires the answers to requests that no route reaches whole. */
export function installClientErrors(app: FastifyInstance, requestTimeoutMs: number): void {
  // Node enforces requestTimeout only while headersTimeout is not longer than it.
  app.server.headersTimeout = Math.min(app.server.headersTimeout, requestTimeoutMs);
  app.server.on('checkExpectation', refuseExpectation);
  app.addHook('onRequest', refuseUnreadableTarget);
}
