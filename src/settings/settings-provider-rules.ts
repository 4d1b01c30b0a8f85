import type { ProviderRegistry } from '../delivery/provider-ports.ts';
import type { FieldError } from '../kernel/errors.ts';
import { CHANNELS } from '../kernel/recipients.ts';
import type { AppSettings } from './domain/settings.ts';

/**
 * The rules over each channel's provider list that the schema cannot state, as every bad
 * field: a provider named for a channel it does not deliver, a Twilio voice entry without a
 * from number, two entries of one channel under one name. Puts each entry's `type` first,
 * as people write it (the schema appends it to the plug-in's fields).
 */
export function providerListErrors(
  settings: AppSettings,
  registry: Pick<ProviderRegistry, 'supports'>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const channel of CHANNELS) {
    const list = settings.channels[channel];
    list.providers = list.providers.map(({ type, ...config }) => ({ type, ...config }));
    const names = new Set<unknown>();
    list.providers.forEach((entry, index) => {
      const at = `channels.${channel}.providers.${index}`;
      if (!registry.supports(entry.type, channel)) {
        errors.push({
          field: `${at}.type`,
          message: `the ${entry.type} provider does not deliver ${channel}`,
        });
      }
      // Twilio places calls from a number; a Messaging Service only sends messages.
      if (channel === 'voice' && entry.type === 'twilio' && entry.from === undefined) {
        errors.push({ field: `${at}.from`, message: 'a voice call needs a from number' });
      }
      // Names tell providers apart in the message log and when masked secrets are kept.
      if (typeof entry.name !== 'string') return;
      if (names.has(entry.name)) {
        errors.push({ field: `${at}.name`, message: 'another provider of this channel has it' });
      }
      names.add(entry.name);
    });
  }
  return errors;
}
