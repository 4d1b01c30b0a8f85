import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction, type TcpNetConnectOpts } from 'node:net';
import type { Logger } from '../observability/logger.ts';
import {
  type OutboundClient,
  OutboundError,
  type OutboundRequest,
  type OutboundResponse,
} from '../ports/outbound.ts';
import { createAddressPolicy } from './address-policy.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address of a host, as the operating system resolves it. */
export type Resolve = (host: string) => Promise<ResolvedAddress[]>;

export interface OutboundClientOptions {
  /** CIDR networks the operator lets through although they are internal (OTPD_ALLOW_NETWORKS). */
  allowNetworks: readonly string[];
  logger: Pick<Logger, 'warn'>;
  /** Defaults to `dns.lookup` with every address; tests substitute a fixed answer. */
  resolve?: Resolve;
}

const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

interface Target {
  url: URL;
  /** The hostname without IPv6 brackets. */
  host: string;
}

function parseTarget(raw: string): Target {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError('invalid_url', 'not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundError('invalid_url', `scheme ${url.protocol} is not http or https`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new OutboundError('invalid_url', 'the URL has no host');
  return { url, host };
}

/** Hands the connection exactly the addresses that were checked, so nothing is resolved twice. */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = addresses.filter((a) => family === 0 || a.family === family);
    const first = usable[0];
    if (!first) {
      const error = Object.assign(new Error('no checked address of that family'), {
        code: 'ENOTFOUND',
      });
      callback(error, '', 0);
    } else if (options.all) {
      (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, usable);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Rejects with `timeout` when the signal fires first. */
function beforeDeadline<T>(promise: Promise<T>, signal: AbortSignal, host: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new OutboundError('timeout', `${host} did not answer in time`));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Idle connections are closed before the usual server's keep-alive timeout (Node's is 5 s),
 * so a request rarely meets a connection the server is closing; when it does, it is sent
 * again once on a new one (see `send`).
 */
const IDLE_CONNECTION_MS = 4_000;

/** Kept-alive connections per protocol: opening one costs more than the request on it. */
function keepAliveAgents() {
  const options = { keepAlive: true, timeout: IDLE_CONNECTION_MS, maxFreeSockets: 32 };
  return { 'http:': new http.Agent(options), 'https:': new https.Agent(options) };
}

/**
 * The guarded client. Per request it resolves
 * the host itself, refuses it when any of its addresses is internal (fail closed: one bad
 * answer among good ones is still a refusal), and connects only to the checked addresses.
 * Connections are kept alive and reused for the same host and port: each was opened to an
 * address the policy allowed, and a request is only sent once its host's current addresses
 * pass the check too.
 */
export function createOutboundClient(options: OutboundClientOptions): OutboundClient {
  const policy = createAddressPolicy(options.allowNetworks);
  const resolve = options.resolve ?? systemResolve;
  const { logger } = options;
  const agents = keepAliveAgents();

  async function checkedAddresses(host: string): Promise<ResolvedAddress[]> {
    const family = isIP(host);
    let addresses: ResolvedAddress[];
    if (family !== 0) {
      addresses = [{ address: host, family }];
    } else {
      try {
        addresses = await resolve(host);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'resolution failed';
        throw new OutboundError('connection_failed', `${host} did not resolve (${reason})`);
      }
    }
    if (addresses.length === 0) {
      throw new OutboundError('connection_failed', `${host} resolved to no address`);
    }
    for (const { address } of addresses) {
      const verdict = policy.check(address);
      if (!verdict.allowed) {
        throw new OutboundError(
          'blocked_address',
          `${host} resolves to ${address} (${verdict.range}), which outbound requests may not reach`,
        );
      }
    }
    return addresses;
  }

  function send(
    target: Target,
    addresses: ResolvedAddress[],
    request: OutboundRequest,
    signal: AbortSignal,
    fresh = false,
  ): Promise<OutboundResponse> {
    const { url, host } = target;
    const max = request.maxResponseBytes;
    return new Promise((resolvePromise, reject) => {
      let req: http.ClientRequest;
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined) {
        headers['content-length'] = String(Buffer.byteLength(request.body));
      }
      // http's RequestOptions type lacks autoSelectFamily, which Node hands on to net.connect.
      const options: http.RequestOptions & Pick<TcpNetConnectOpts, 'autoSelectFamily'> = {
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers,
        auth: url.username
          ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
          : undefined,
        lookup: pinnedLookup(addresses),
        // Happy eyeballs over the checked addresses: a host with IPv6 and IPv4 addresses is
        // still reached where IPv6 does not route.
        autoSelectFamily: true,
        agent: fresh ? false : agents[url.protocol as 'http:' | 'https:'],
      };
      try {
        req = (url.protocol === 'https:' ? https : http).request(options);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'invalid request';
        reject(new OutboundError('invalid_request', `request to ${host} not sent (${reason})`));
        return;
      }
      const fail = (error: OutboundError) => {
        reject(error);
        req.destroy();
      };
      const tooLarge = () =>
        fail(new OutboundError('response_too_large', `${host} answered more than ${max} bytes`));
      signal.addEventListener(
        'abort',
        () => fail(new OutboundError('timeout', `${host} did not answer in time`)),
        { once: true },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // The server closed a kept-alive connection as the request went out on it, almost
        // always unread (the request raced the server's idle timeout): sent once more, on a
        // connection of its own. Deliveries are at least once anyway.
        if (req.reusedSocket && error.code === 'ECONNRESET' && !signal.aborted) {
          send(target, addresses, request, signal, true).then(resolvePromise, reject);
          return;
        }
        fail(new OutboundError('connection_failed', `${host}: ${error.code ?? error.message}`));
      });
      req.on('response', (res) => {
        if (Number(res.headers['content-length']) > max) return tooLarge();
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > max) return tooLarge();
          chunks.push(chunk);
        });
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            headers: flatten(res.headers),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', () =>
          fail(new OutboundError('connection_failed', `${host} dropped the response`)),
        );
      });
      req.end(request.body);
    });
  }

  return {
    async request(request) {
      let target: Target;
      try {
        target = parseTarget(request.url);
      } catch (error) {
        // The URL itself stays out of the log: it may carry credentials (I6).
        logger.warn(
          { failure: 'invalid_url' },
          `outbound request refused: ${(error as Error).message}`,
        );
        throw error;
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), request.timeoutMs);
      try {
        const addresses = await beforeDeadline(
          checkedAddresses(target.host),
          controller.signal,
          target.host,
        );
        return await send(target, addresses, request, controller.signal);
      } catch (error) {
        if (error instanceof OutboundError) {
          // Host and port only: paths and query strings may carry credentials (I6). The field
          // is not `code`, which the logger redacts everywhere.
          logger.warn(
            { host: target.host, port: target.url.port || undefined, failure: error.code },
            `outbound request failed: ${error.message}`,
          );
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
