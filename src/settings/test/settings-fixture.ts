import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { PLUGINS_WITH_VAULT } from '../../../test/helpers/vault-provider.ts';

/* What the settings-*.test.ts files share: one document with every kind of secret, and a server. */

export const AUTH_TOKEN = 'tok_live_9f8e7d6c5b4a3210';
export const BEARER = 'Bearer gw-secret-0123456789abcdef';
export const VAR_KEY = 'var-key-5566778899aabbccdd';
export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const SECRETS = [AUTH_TOKEN, BEARER, 'gw-secret-0123456789abcdef', VAR_KEY, WEBHOOK_SECRET];

/** A full settings document with every kind of secret. */
export function document(overrides: Record<string, unknown> = {}) {
  return {
    verification: { codeLength: 8, ttlSeconds: 120, maxAttempts: 3, maxSends: 2 },
    defaultLocale: 'tr',
    preferredCountry: 'TR',
    channels: {
      sms: {
        providers: [
          {
            type: 'vault',
            name: 'gw-a',
            accountSid: 'AC123',
            authToken: AUTH_TOKEN,
            headers: { Authorization: BEARER, 'Content-Type': 'application/json' },
            vars: { apiKey: VAR_KEY },
          },
          { type: 'console' },
        ],
      },
    },
    templates: {
      sms: {
        tr: '{{app}} kodunuz: {{code}}',
        pt: 'Seu código {{app}}: {{code}}',
        'pt-BR': 'Código {{app}} (BR): {{code}}',
      },
    },
    webhooks: [
      { url: 'https://hooks.example/otp', events: ['message.sent'], secret: WEBHOOK_SECRET },
    ],
    ...overrides,
  };
}

/** A server with the vault provider plug-in and two apps: `Shop` and `Other`, which never set any. */
export async function startSettingsServer(): Promise<{
  server: TestServer;
  client: Client;
  appId: string;
  otherClient: Client;
}> {
  const server = await startServer({ providerPlugins: PLUGINS_WITH_VAULT });
  const { client, appId } = await server.createApp('Shop');
  const { client: otherClient } = await server.createApp('Other');
  return { server, client, appId, otherClient };
}

export const put = (c: Client, body: unknown) => c.request('PUT', '/v1/settings', body);
