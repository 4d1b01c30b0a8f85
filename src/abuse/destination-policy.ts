import { OtpdError } from '../kernel/errors.ts';
import { type Channel, isPhoneChannel } from '../kernel/recipients.ts';
import type { Logger } from '../observability/logger.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import { testCodeFor } from '../verification/domain/test-numbers.ts';
import { geoRefusal } from './domain/geo.ts';
import { isSafelisted } from './domain/safelist.ts';

/** The parts of an app's settings the policy decides by. */
export type PolicySettings = Pick<AppSettings, 'geo' | 'numberTypes' | 'safelist' | 'testNumbers'>;

export interface DestinationPolicyDeps {
  logger: Logger;
}

/**
 * Which destinations an app's codes may go to, decided before any limit counts the send:
 * test numbers (fixed code, never sent), the safelist, geo permissions and number types.
 * It reads no settings itself: each call decides by the snapshot its caller read.
 */
export function createDestinationPolicy(deps: DestinationPolicyDeps) {
  const { logger } = deps;
  return {
    /** The fixed code when `to` (normalized) is one of the app's test numbers on a phone channel. */
    testCode(settings: PolicySettings, to: string, channel: Channel): string | undefined {
      if (!isPhoneChannel(channel)) return undefined;
      return testCodeFor(settings.testNumbers, to);
    },

    /**
     * Refuses a send the app's geo permissions or number types forbid: 403
     * `country_not_allowed` or `number_type_not_allowed`. A safelisted number passes; email
     * and messenger ids always pass.
     */
    assertAllowed(appId: string, settings: PolicySettings, to: string, channel: Channel): void {
      if (!isPhoneChannel(channel)) return;
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
