import {
  type AnyProviderPlugin,
  createProviderRegistry,
  PROVIDER_PLUGINS,
} from '../delivery/adapters/provider-registry.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Config } from '../kernel/config/config.ts';
import { createHmacKeyring } from '../keyring/hmac-keyring.ts';
import { loadOrCreateServerSecret } from '../keyring/server-key-file.ts';
import { noConversationInbox } from '../messenger/conversation-inbox.ts';
import type { ConversationInbox } from '../messenger/conversation-inbox-ports.ts';
import type { Logger } from '../observability/logger.ts';
import { createAddressPolicy } from '../outbound/address-policy.ts';
import { createOutboundClient } from '../outbound/guarded-client.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { OutboundClient } from '../ports/outbound.ts';
import type { Store } from '../ports/store.ts';
import { createSettingsService, type SettingsService } from '../settings/settings-service.ts';
import {
  createValidatorRegistry,
  VALIDATOR_PLUGINS,
} from '../verification/adapters/validator-registry.ts';

/* The server's keys and the app settings they unlock, with the provider and validator
   plug-ins wired to the guarded outbound client: the settings CLI needs these alone. */

/** The server's keys: OTPD_SECRET, else the key file in the data dir (created if missing). */
export function openKeyring(config: Config): Keyring {
  const secret = config.OTPD_SECRET ?? loadOrCreateServerSecret(config.OTPD_DATA_DIR);
  return createHmacKeyring(secret, config.OTPD_PREVIOUS_SECRETS);
}

/** The one guarded client for URLs apps configure (OTPD_ALLOW_NETWORKS lets internal ones). */
export function openOutbound(config: Config, logger: Logger): OutboundClient {
  return createOutboundClient({ allowNetworks: config.OTPD_ALLOW_NETWORKS, logger });
}

/** App settings over a store, with the provider plug-ins wired to what they need. */
export function openSettings(
  config: Config,
  parts: {
    store: Store;
    keyring: Keyring;
    clock: Clock;
    logger: Logger;
    /** The guarded client providers use; one is made from config when not given. */
    outbound?: OutboundClient;
    /** The web messenger's chats, for its provider; none in a process without the messenger. */
    conversations?: ConversationInbox;
  },
  plugins: readonly AnyProviderPlugin[] = PROVIDER_PLUGINS,
): SettingsService {
  const outbound = parts.outbound ?? openOutbound(config, parts.logger);
  const registry = createProviderRegistry(plugins, {
    sandbox: parts.store,
    clock: parts.clock,
    outbound,
    addressPolicy: createAddressPolicy(config.OTPD_ALLOW_NETWORKS),
    conversations: parts.conversations ?? noConversationInbox,
  });
  return createSettingsService({
    ...parts,
    registry,
    validators: createValidatorRegistry(VALIDATOR_PLUGINS, { outbound }),
    refreshMs: config.OTPD_SETTINGS_REFRESH_MS,
  });
}
