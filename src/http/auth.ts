import type { FastifyRequest } from 'fastify';
import { OtpdError } from '../domain/errors.ts';
import type { AppService, Principal } from '../services/apps.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The authenticated app of a request; only routes behind `requireApiKey` have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('route is missing the requireApiKey hook');
  return request.principal;
}

/** A preHandler that accepts `Authorization: Bearer <API key>` and nothing else. */
export function requireApiKey(apps: Pick<AppService, 'authenticate'>) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header) throw new OtpdError('missing_api_key', 'send Authorization: Bearer <API key>');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new OtpdError('invalid_api_key', 'use the Bearer scheme');
    const principal = await apps.authenticate(match[1]);
    if (!principal) throw new OtpdError('invalid_api_key', 'the key is unknown or revoked');
    request.principal = principal;
  };
}
