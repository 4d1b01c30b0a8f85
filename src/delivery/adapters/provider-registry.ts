import { z } from 'zod';
import type { Clock } from '../../kernel/clock.ts';
import type { ConversationInbox } from '../../messenger/conversation-inbox-ports.ts';
import type { AddressPolicy } from '../../outbound/address-policy.ts';
import type { OutboundClient } from '../../ports/outbound.ts';
import type { ProviderEntry } from '../../settings/domain/settings.ts';
import type { SandboxStore } from '../../verification/sandbox-store-ports.ts';
import type { ProviderPlugin, ProviderRegistry } from '../provider-ports.ts';
import { consoleProvider } from './console-provider.ts';
import { httpProvider } from './http-provider.ts';
import { providerRoute } from './provider-route.ts';
import { smtpProvider } from './smtp-provider.ts';
import { twilioProvider } from './twilio-provider.ts';
import { twilioVerifyProvider } from './twilio-verify-provider.ts';
import { webMessengerProvider } from './web-messenger-provider.ts';

/** Everything a provider plug-in may ask for when it is created; deps.ts supplies it whole. */
export interface ProviderDeps {
  sandbox: Pick<SandboxStore, 'insertSandboxMessage'>;
  clock: Clock;
  /** The guarded client every request to an app-configured URL goes through. */
  outbound: OutboundClient;
  /**
   * The guard's address rule (with OTPD_ALLOW_NETWORKS), for providers that connect by other
   * protocols than HTTP (smtp) and must refuse the same internal addresses.
   */
  addressPolicy: AddressPolicy;
  /** otpd's own web messenger, for the provider that delivers to its chats. */
  conversations: ConversationInbox;
}

/** A plug-in of any config type whose dependencies `ProviderDeps` satisfies. */
export type AnyProviderPlugin = ProviderPlugin<unknown, ProviderDeps>;

/**
 * Every provider type an app can configure, by `metadata.type`. Adding a plug-in is adding
 * it to this list (and, if it needs a new service, that service to `ProviderDeps`).
 */
export const PROVIDER_PLUGINS: readonly AnyProviderPlugin[] = [
  consoleProvider,
  httpProvider,
  smtpProvider,
  twilioProvider,
  twilioVerifyProvider,
  webMessengerProvider,
];

function entrySchemaOf(plugin: AnyProviderPlugin) {
  const { type, name, description } = plugin.metadata;
  const schema = plugin.configSchema;
  if (!(schema instanceof z.ZodObject)) {
    throw new Error(`provider plug-in "${type}": configSchema must be a zod object`);
  }
  return schema
    .extend({ type: z.literal(type).describe('Provider plug-in') })
    .describe(`${name}: ${description}`);
}

/** The registry over `plugins`, creating providers with `deps`. Throws on a duplicate type. */
export function createProviderRegistry(
  plugins: readonly AnyProviderPlugin[],
  deps: ProviderDeps,
): ProviderRegistry {
  const byType = new Map<string, AnyProviderPlugin>();
  for (const plugin of plugins) {
    if (byType.has(plugin.metadata.type)) {
      throw new Error(`two provider plug-ins share the type "${plugin.metadata.type}"`);
    }
    byType.set(plugin.metadata.type, plugin);
  }
  const [first, ...rest] = plugins.map(entrySchemaOf);
  if (!first) throw new Error('no provider plug-ins');
  const types = [...byType.keys()];
  /**
   * generatesCode's answer per settings entry: every start asks it of the settings it read,
   * the same objects for a whole revision, and parsing an entry's config costs more than the
   * rest of the answer. Entries are never changed in place, so an answer stays true.
   */
  const generates = new WeakMap<ProviderEntry, boolean>();
  const entrySchema = z.discriminatedUnion('type', [first, ...rest], {
    error: (issue) =>
      issue.code === 'invalid_union' ? `unknown provider type; one of ${types.join(', ')}` : '',
  }) as unknown as z.ZodType<ProviderEntry>;

  return {
    types,
    metadata: plugins.map((plugin) => plugin.metadata),
    entrySchema,
    secretFieldsOf: (type) => byType.get(type)?.metadata.secretFields ?? [],
    destinationFieldsOf: (type) => byType.get(type)?.metadata.destinationFields,
    supports: (type, channel) =>
      byType.get(type)?.metadata.channels.some((c) => c === channel) ?? false,
    generatesCode(entry) {
      let answer = generates.get(entry);
      if (answer === undefined) {
        const plugin = byType.get(entry.type);
        const { type: _type, ...config } = entry;
        answer = plugin?.generatesCode?.(plugin.configSchema.parse(config)) ?? false;
        generates.set(entry, answer);
      }
      return answer;
    },
    create(entry) {
      const plugin = byType.get(entry.type);
      if (!plugin) throw new Error(`no provider plug-in "${entry.type}"`);
      const { type, ...config } = entry;
      const parsed = plugin.configSchema.parse(config);
      return { ...plugin.create(parsed, deps), route: providerRoute(type, parsed) };
    },
  };
}
