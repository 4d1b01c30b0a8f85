import { OtpdError } from '../kernel/errors.ts';
import { phoneCountry } from '../kernel/phone-facts.ts';
import { type Channel, isPhoneChannel } from '../kernel/recipients.ts';
import type { Logger } from '../observability/logger.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import { clientIpSubject } from './domain/client-ip.ts';
import { activeRules, type LimitName, type LimitsSettings } from './domain/limits.ts';
import {
  type RateLimiter,
  RateLimiterUnavailableError,
  type RefusedStep,
  rateLimitKey,
} from './rate-limiter-ports.ts';

export interface LimitGuardDeps {
  limiter: RateLimiter;
  logger: Logger;
  /** Counts refusals for operators; none when absent. */
  telemetry?: Pick<Telemetry, 'limitReached'>;
}

/** A code about to be sent: by a create or a resend. */
export interface Send {
  to: string;
  channel: Channel;
  /** The end user's address: as the app passed it, else the request's (client-address.ts). */
  clientIp?: string;
}

/** How long a client should wait when the limiter cannot decide (Retry-After). */
export const LIMITER_UNAVAILABLE_RETRY_MS = 2_000;

/** Country subject for numbers libphonenumber places in no country (e.g. +800). */
const NO_COUNTRY = 'ZZ';

/** One limit to decide: its name, its subject's parts, and whether it counts the call. */
type Step = [name: LimitName, subject: string[], count: boolean];

/**
 * The abuse limits across verifications, enforced by the services before a code is sent or
 * a check is answered. Every key carries the app id (I5). A refusal is
 * `OtpdError('rate_limited', …, {limit, retryAfterMs})`.
 *
 * Order (each decision is one atomic call to the limiter, `decideInOrder`, which stops at the
 * first refusal, so the order decides what a refused request has already counted):
 *  - a send: the app's budgets are peeked first, so while a budget is spent requests count
 *    nothing; then createPerClientIp → sendsPerDestination → sendsPerAppPerChannel →
 *    sendsPerAppPerCountry are consumed. A request refused per IP counts against no
 *    destination (one IP cannot lock a stranger's number out); one refused per destination
 *    spends none of the app's budget (flooding one number cannot exhaust the app).
 *  - a check: both failed-check limits are peeked before the code is compared, and a spent
 *    one refuses the check whatever the code. A wrong code that the check evaluated
 *    (its attempt recorded, I2) is then consumed per (destination, IP) and then per
 *    destination before it is answered, so a check refused per IP adds nothing to
 *    the destination's overall count: a stranger guessing from a few addresses cannot lock
 *    the real person out. A right code is never counted.
 *
 * Fails closed: when the limiter cannot decide (`RateLimiterUnavailableError`), the request
 * answers 503 `service_unavailable` with `Retry-After` and nothing is sent or checked.
 *
 * It reads no settings itself: each call counts by the app's `limits` its caller read.
 */
export function createLimitGuard(deps: LimitGuardDeps) {
  const { limiter, logger } = deps;

  /**
   * Decides `steps` in order, each a limit, its subject, and whether it counts (false: only
   * checks the budget), in one call to the limiter: the first refusal stops the rest, and is
   * answered 429 naming its limit. A limit set to 0 ("no limit") is left out.
   */
  async function decide(appId: string, limits: LimitsSettings, steps: Step[]): Promise<void> {
    const active = steps
      .map(([name, subject, count]) => ({
        name,
        key: rateLimitKey(appId, name, ...subject),
        rules: activeRules(limits[name]),
        count,
      }))
      .filter((step) => step.rules.length > 0);
    let refused: RefusedStep | null;
    try {
      refused = await limiter.decideInOrder(active);
    } catch (error) {
      if (!(error instanceof RateLimiterUnavailableError)) throw error;
      const names = active.map((step) => step.name);
      logger.error({ err: error.message, appId, limits: names }, 'rate limiter unavailable');
      throw new OtpdError(
        'service_unavailable',
        'rate limits cannot be checked right now, so nothing was done; retry shortly',
        { retryAfterMs: LIMITER_UNAVAILABLE_RETRY_MS },
      );
    }
    if (!refused) return;
    const { name } = active[refused.step] as (typeof active)[number];
    const { decision } = refused;
    // The subject (an IP, a destination) stays out of the log: the limit and app suffice.
    logger.info({ appId, limit: name, retryAfterMs: decision.retryAfterMs }, 'refused by a limit');
    deps.telemetry?.limitReached(name);
    const { max, windowSeconds } = decision.rule;
    throw new OtpdError(
      'rate_limited',
      `limit ${name} (${max} per ${windowSeconds} s) reached; retry later`,
      { limit: name, retryAfterMs: decision.retryAfterMs },
    );
  }

  const ipOf = (clientIp: string | undefined) =>
    clientIp === undefined ? undefined : clientIpSubject(clientIp);

  /** The failed-check limits of a destination, from this IP when known. */
  const failedChecks = (to: string, clientIp: string | undefined, count: boolean): Step[] => {
    const ip = ipOf(clientIp);
    return [
      ...(ip ? [['failedChecksPerDestinationAndIp', [to, ip], count] as Step] : []),
      ['failedChecksPerDestination', [to], count],
    ];
  };

  return {
    /** Before a code is sent (create or resend): counts the send, or refuses it. */
    async beforeSend(appId: string, limits: LimitsSettings, send: Send): Promise<void> {
      const country = !isPhoneChannel(send.channel)
        ? undefined
        : (phoneCountry(send.to) ?? NO_COUNTRY);
      const budgets: [LimitName, string][] = [['sendsPerAppPerChannel', send.channel]];
      if (country) budgets.push(['sendsPerAppPerCountry', country]);
      const ip = ipOf(send.clientIp);
      // The app's budgets are only looked at first, so a send they refuse spends none of the
      // per-IP or per-destination allowance; then each counts, in this order.
      await decide(appId, limits, [
        ...budgets.map(([name, subject]): Step => [name, [subject], false]),
        ...(ip ? [['createPerClientIp', [ip], true] as Step] : []),
        ['sendsPerDestination', [send.to], true],
        ...budgets.map(([name, subject]): Step => [name, [subject], true]),
      ]);
    },

    /** Before a code is compared: refuses when the destination's failed checks are spent. */
    async beforeCheck(
      appId: string,
      limits: LimitsSettings,
      to: string,
      clientIp?: string,
    ): Promise<void> {
      await decide(appId, limits, failedChecks(to, clientIp, false));
    },

    /**
     * After a wrong code was evaluated, before it is answered: counts it, or refuses the check
     * (the attempt stays spent; the 429 hides the outcome). Only concurrent checks that all
     * passed `beforeCheck` reach a refusal here: a sequential one is refused before.
     */
    async failedCheck(
      appId: string,
      limits: LimitsSettings,
      to: string,
      clientIp?: string,
    ): Promise<void> {
      await decide(appId, limits, failedChecks(to, clientIp, true));
    },
  };
}

export type LimitGuard = ReturnType<typeof createLimitGuard>;
