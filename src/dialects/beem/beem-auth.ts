import type { FastifyRequest } from 'fastify';
import type { AppService } from '../../apps/apps.ts';
import { admit } from '../../http/auth.ts';
import { OtpdError } from '../../kernel/errors.ts';
import { parseBasicAuth } from '../http/basic-auth.ts';

/**
 * Beem's Basic auth `api_key:secret_key`: the app id (`app_…`) as api_key, one of its API
 * keys as secret_key. The only thing Beem answers with 401.
 */
export function requireBeemAuth(apps: Pick<AppService, 'authenticate'>) {
  return async (request: FastifyRequest) => {
    const credentials = parseBasicAuth(request.headers.authorization);
    if (!credentials) throw new OtpdError('missing_api_key', 'send Basic api_key:secret_key');
    const principal = await apps.authenticate(credentials.password);
    if (!principal || principal.app.id !== credentials.username) {
      throw new OtpdError('invalid_api_key', 'the api_key or secret_key is not valid');
    }
    admit(request, principal);
  };
}
