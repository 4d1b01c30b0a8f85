/** One request to an app-configured URL. */
export interface OutboundRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Total budget in ms for resolving, connecting, sending and reading the whole response. */
  timeoutMs: number;
  /** The response body may be at most this many bytes; past it the request is aborted. */
  maxResponseBytes: number;
}

export interface OutboundResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body decoded as UTF-8. */
  body: string;
}

/**
 * The one way otpd talks to URLs that apps configure (gateways, webhooks). Refuses internal
 * addresses unless the operator allowed their network, follows no redirects (a 3xx is
 * returned as it is), and bounds time and response size. Fails only with `OutboundError`.
 */
export interface OutboundClient {
  request(request: OutboundRequest): Promise<OutboundResponse>;
}

export const OUTBOUND_ERROR_CODES = [
  /** The host resolved to an address outside what the guard lets through. */
  'blocked_address',
  /** The total budget ran out (resolution, connection or response). */
  'timeout',
  /** The response declared or sent more than `maxResponseBytes`. */
  'response_too_large',
  /** The host did not resolve, refused the connection, or dropped it. */
  'connection_failed',
  /** Not an absolute http(s) URL. */
  'invalid_url',
  /** A method, header name or header value that HTTP cannot carry (e.g. a line break). */
  'invalid_request',
] as const;
export type OutboundErrorCode = (typeof OUTBOUND_ERROR_CODES)[number];

/** Why an outbound request did not produce a response. Messages name the host, never the URL. */
export class OutboundError extends Error {
  override name = 'OutboundError';
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
  ) {
    super(message);
  }
}
