import { z } from 'zod';
import type { Clock } from '../../kernel/clock.ts';
import { newId } from '../../kernel/ids.ts';
import { CHANNELS } from '../../kernel/recipients.ts';
import type { SandboxStore } from '../../verification/sandbox-store-ports.ts';
import type { ProviderPlugin } from '../provider-ports.ts';

const configSchema = z.object({}).strict();

interface ConsoleDeps {
  sandbox: Pick<SandboxStore, 'insertSandboxMessage'>;
  clock: Clock;
}

/**
 * The sandbox: "delivers" by keeping the message where the app's key can read it
 * (`GET /v1/sandbox/messages`). The default until a real provider is configured, so nothing
 * leaves the machine by accident, and the way tests read codes as a person would.
 */
export const consoleProvider: ProviderPlugin<z.infer<typeof configSchema>, ConsoleDeps> = {
  metadata: {
    type: 'console',
    name: 'Sandbox console',
    channels: CHANNELS,
    description: 'Keeps messages for reading through the sandbox API; sends nothing.',
    destinationFields: [],
  },
  configSchema,
  create(_config, deps) {
    return {
      name: 'console',
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
