import {
  createProviderRegistry,
  PROVIDER_PLUGINS,
} from '../../src/delivery/adapters/provider-registry.ts';
import type { AppSettings } from '../../src/settings/domain/settings.ts';
import { createSettingsSchema } from '../../src/settings/domain/settings.ts';
import {
  createValidatorRegistry,
  VALIDATOR_PLUGINS,
} from '../../src/verification/adapters/validator-registry.ts';

/**
 * The settings of an app that never changed them, as the settings service parses `{}`: for
 * services built without one. Only the schemas of the registries are used, so no plug-in
 * gets what it would need to send.
 */
export function defaultAppSettings(): AppSettings {
  const providers = createProviderRegistry(PROVIDER_PLUGINS, {} as never);
  const validators = createValidatorRegistry(VALIDATOR_PLUGINS, {} as never);
  return createSettingsSchema(providers.entrySchema, validators.entrySchema).parse({});
}
