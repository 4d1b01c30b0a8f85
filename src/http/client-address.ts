import type { FastifyRequest } from 'fastify';

/**
 * The end user's address for the native API's per-IP limits: the one the caller names
 * (`clientIp`) when it names one, else the request's own address. That is the
 * connection's peer, or, when the peer is a proxy listed in OTPD_TRUST_PROXY, the address its
 * X-Forwarded-For gives; from any other peer the header is ignored, so a client cannot name
 * a fresh address per request and slip past a per-IP limit.
 *
 * The compatible APIs do not use it: their callers are servers with no field for the
 * person's address, and counting the caller would hold all of an app's users to one budget.
 */
export function clientAddress(request: FastifyRequest, given?: string): string {
  return given ?? request.ip;
}
