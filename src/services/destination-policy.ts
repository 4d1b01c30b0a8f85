import { OtpdError } from '../domain/errors.ts';
import { geoRefusal } from '../domain/geo.ts';
import { type Channel, isPhoneChannel } from '../domain/recipients.ts';
import { isSafelisted } from '../domain/safelist.ts';
import type { AppSettings } from '../domain/settings.ts';
import { testCodeFor } from '../domain/test-numbers.ts';
import type { Logger } from '../observability/logger.ts';

type PolicySettings = Pick<AppSettings, 'geo' | 'numberTypes' | 'safelist' | 'testNumbers'>;

export interface DestinationPolicyDeps {
  settingsFor: (appId: string) => Promise<PolicySettings>;
  logger: Logger;
}

/**
 * Which destinations an app's codes may go to, decided before any limit counts the send:
 * test numbers (fixed code, never sent), the safelist, geo permissions and number types.
 */
export function createDestinationPolicy(deps: DestinationPolicyDeps) {
  const { settingsFor, logger } = deps;
  return {
    /** The fixed code when `to` (normalized) is one of the app's test numbers on a phone channel. */
    async testCode(appId: string, to: string, channel: Channel): Promise<string | undefined> {
      if (!isPhoneChannel(channel)) return undefined;
      return testCodeFor((await settingsFor(appId)).testNumbers, to);
    },

    /**
     * Refuses a send the app's geo permissions or number types forbid: 403
     * `country_not_allowed` or `number_type_not_allowed`. A safelisted number passes; email
     * and messenger ids always pass.
     */
    async assertAllowed(appId: string, to: string, channel: Channel): Promise<void> {
      if (!isPhoneChannel(channel)) return;
      const settings = await settingsFor(appId);
      if (isSafelisted(settings.safelist, to)) return;
      const refusal = geoRefusal(settings, to, channel);
      if (!refusal) return;
      // The number stays out of the log; its refusal code and the app suffice.
      logger.info({ appId, channel, refusal: refusal.code }, 'refused by geo permissions');
      throw new OtpdError(refusal.code, refusal.detail);
    },
  };
}

export type DestinationPolicy = ReturnType<typeof createDestinationPolicy>;
