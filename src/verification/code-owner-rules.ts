import type { FieldError } from '../kernel/errors.ts';
import { CHANNELS } from '../kernel/recipients.ts';
import type { AppSettings, ProviderEntry } from '../settings/domain/settings.ts';

/**
 * The settings rules of integration mode 3, per channel: a channel whose senders make their
 * own codes needs a validator that can check them, and all its senders must agree, since
 * failover can neither hand a code otpd made to a sender that makes its own, nor the other
 * way round. Field paths are relative to the document.
 */
export function codeOwnerErrors(
  settings: AppSettings,
  generatesCode: (entry: ProviderEntry) => boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const channel of CHANNELS) {
    const making = settings.channels[channel].providers.map(generatesCode);
    if (!making.some(Boolean)) continue;
    if (!making.every(Boolean)) {
      errors.push({
        field: `channels.${channel}.providers`,
        message: 'mixes senders that make their own code with senders of otpd codes',
      });
    }
    if (settings.validator.type === 'builtin') {
      errors.push({
        field: 'validator',
        message: `channel ${channel} has a sender that makes its own code: name a validator that can check it (http or twilio-verify)`,
      });
    }
  }
  return errors;
}
