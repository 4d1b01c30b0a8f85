import type { FastifyRequest } from 'fastify';
import type { AppService } from '../../apps/apps.ts';
import { admit } from '../../http/auth.ts';
import { parseBasicAuth } from '../http/basic-auth.ts';
import { TwilioError } from './twilio-errors.ts';

/**
 * Twilio's Basic auth: the app's `AC…` account SID as username, one of its API keys as
 * password (where Twilio takes an auth token). A key of another app, or the right key with
 * another account SID, is refused like an unknown key.
 */
export function requireTwilioAuth(apps: Pick<AppService, 'authenticate'>) {
  return async (request: FastifyRequest) => {
    const credentials = parseBasicAuth(request.headers.authorization);
    if (!credentials) {
      throw new TwilioError(20003, 401, 'send Basic auth: account SID and an API key');
    }
    const principal = await apps.authenticate(credentials.password);
    if (!principal || principal.app.dialects?.twilioAccountSid !== credentials.username) {
      throw new TwilioError(20003, 401, 'the account SID or API key is not valid');
    }
    admit(request, principal);
  };
}
