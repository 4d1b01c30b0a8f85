import { z } from 'zod';
import type { AnyProviderPlugin } from '../../src/delivery/adapters/provider-registry.ts';
import { PROVIDER_PLUGINS } from '../../src/delivery/adapters/provider-registry.ts';
import { newId } from '../../src/kernel/ids.ts';

const configSchema = z
  .object({
    name: z.string().min(1),
    accountSid: z.string().min(1),
    authToken: z.string().min(1),
    headers: z.record(z.string(), z.string()).default({}),
    vars: z.record(z.string(), z.string()).default({}),
  })
  .strict();

/**
 * A provider plug-in with secrets, for settings tests: `authToken` is declared secret,
 * `vars.*` too, and headers are left to the well-known-name rule (`Authorization`). It
 * "delivers" into the sandbox like the console provider, under its own name.
 */
export const vaultProvider: AnyProviderPlugin = {
  metadata: {
    type: 'vault',
    name: 'Vault test gateway',
    channels: ['sms', 'whatsapp'],
    description: 'A test gateway whose config carries secrets.',
    secretFields: ['authToken', 'vars.*'],
  },
  configSchema,
  create(config, deps) {
    const { name } = configSchema.parse(config);
    return {
      name,
      async send(message) {
        const now = deps.clock.now();
        const id = newId('msg', now);
        await deps.sandbox.insertSandboxMessage({
          id,
          appId: message.appId,
          verificationId: message.verificationId,
          to: message.to,
          channel: message.channel,
          body: message.body,
          createdAt: now,
        });
        return { providerMessageId: id };
      },
    };
  },
};

/** The production plug-ins plus the vault one. */
export const PLUGINS_WITH_VAULT: readonly AnyProviderPlugin[] = [
  ...PROVIDER_PLUGINS,
  vaultProvider,
];
