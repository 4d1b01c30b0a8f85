import { z } from 'zod';
import type { OutboundClient } from '../../ports/outbound.ts';
import { BUILTIN_VALIDATOR, type ValidatorEntry } from '../../settings/domain/settings.ts';
import type { ValidatorPlugin, ValidatorRegistry } from '../validator-ports.ts';
import { httpValidator } from './http-validator.ts';
import { twilioVerifyValidator } from './twilio-verify-validator.ts';

export interface ValidatorDeps {
  /** The guarded client every request to an app-configured URL goes through. */
  outbound: OutboundClient;
}

export type AnyValidatorPlugin = ValidatorPlugin<unknown, ValidatorDeps>;

/** The third-party validators an app can configure; `builtin` needs no plug-in. */
export const VALIDATOR_PLUGINS: readonly AnyValidatorPlugin[] = [
  httpValidator as AnyValidatorPlugin,
  twilioVerifyValidator as AnyValidatorPlugin,
];

export function createValidatorRegistry(
  plugins: readonly AnyValidatorPlugin[],
  deps: ValidatorDeps,
): ValidatorRegistry {
  const byType = new Map(plugins.map((p) => [p.metadata.type, p]));
  const schemas = plugins.map((plugin) => {
    const { type, name, description } = plugin.metadata;
    if (!(plugin.configSchema instanceof z.ZodObject)) {
      throw new Error(`validator plug-in "${type}": configSchema must be a zod object`);
    }
    return plugin.configSchema
      .extend({ type: z.literal(type).describe('Validator plug-in') })
      .describe(`${name}: ${description}`);
  });
  const builtin = z
    .object({ type: z.literal('builtin').describe('otpd checks its own hashed codes') })
    .strict()
    .describe("Built-in: otpd's own codes, stored only as HMACs");
  const types = ['builtin', ...byType.keys()];
  const entrySchema = z.discriminatedUnion('type', [builtin, ...schemas], {
    error: (issue) =>
      issue.code === 'invalid_union' ? `unknown validator type; one of ${types.join(', ')}` : '',
  }) as unknown as z.ZodType<ValidatorEntry>;
  return {
    entrySchema,
    metadata: plugins.map((plugin) => plugin.metadata),
    secretFieldsOf: (type) => byType.get(type)?.metadata.secretFields ?? [],
    destinationFieldsOf: (type) => byType.get(type)?.metadata.destinationFields,
    create(entry) {
      if (entry.type === BUILTIN_VALIDATOR.type) return null;
      const plugin = byType.get(entry.type);
      if (!plugin) throw new Error(`no validator plug-in "${entry.type}"`);
      const { type: _type, ...config } = entry;
      return plugin.create(plugin.configSchema.parse(config), deps);
    },
  };
}
