import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import { newId } from '../kernel/ids.ts';
import { phoneCountry } from '../kernel/phone-facts.ts';
import type { Channel } from '../kernel/recipients.ts';
import type { Logger } from '../observability/logger.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import {
  conversionOf,
  type FraudDecision,
  type FraudGuardSettings,
  guardedChannel,
  looksPumped,
  numberPrefix,
} from './domain/fraud.ts';
import { isSafelisted } from './domain/safelist.ts';
import type { FraudStore } from './fraud-store-ports.ts';
import { rateLimitKey } from './rate-limiter-ports.ts';
import type { WindowCounter } from './window-counter-ports.ts';

export interface FraudGuardDeps {
  store: Pick<
    FraudStore,
    'recordFraudDecision' | 'findLiveFraudDecisions' | 'listFraudDecisions' | 'liftFraudDecision'
  >;
  counter: WindowCounter;
  clock: Clock;
  logger: Logger;
  /** Counts decisions and refusals for operators; none when absent. */
  telemetry?: Pick<Telemetry, 'fraudGuard'>;
}

/** A code about to be sent, or just sent: by a create or a resend. */
export interface GuardedSend {
  to: string;
  channel: Channel;
}

/** The parts of an app's settings the guard decides by: its own, and the exempt numbers. */
export type FraudSettings = Pick<AppSettings, 'fraudGuard' | 'safelist'>;

/** Country of numbers libphonenumber places in no country (e.g. +800). */
const NO_COUNTRY = 'ZZ';

/**
 * The SMS-pumping guard. Per app (I5), for sms and whatsapp only, it
 * counts sends and approvals per prefix (the number without its last 4 digits) and per
 * country in sliding windows of `windowSeconds`. After a send is counted, a prefix with at
 * least `minSends` sends and a conversion (approvals / sends) under `minConversion` gets a
 * decision recorded for `blockSeconds`: a `block` in enforce mode — later sends to the prefix
 * answer 403 `blocked_by_fraud_guard` before anything is created or counted — or a `monitor`
 * record that blocks nothing. One live decision per prefix and action; recording one starts
 * the prefix's counts afresh, so a block that ends (expired or lifted) does not come back on
 * the next send from counts it already acted on.
 *
 * Failure modes (I9): counting fails open — when the counters cannot be read or written
 * (Redis down) the send goes ahead uncounted and the failure is logged; the rate limits,
 * which fail closed, still bound the volume. The block lookup reads the store a send needs
 * anyway: if it fails, the request fails (closed) and nothing is sent.
 *
 * It reads no settings itself: each call decides by the snapshot its caller read.
 */
export function createFraudGuard(deps: FraudGuardDeps) {
  const { store, counter, clock, logger } = deps;

  /** The guard's settings when it applies to this send, else undefined. */
  function applies(settings: FraudSettings, send: GuardedSend) {
    if (!guardedChannel(send.channel)) return undefined;
    if (settings.fraudGuard.mode === 'off') return undefined;
    if (isSafelisted(settings.safelist, send.to)) return undefined;
    return settings.fraudGuard;
  }

  const keys = (appId: string, to: string) => {
    const prefix = numberPrefix(to);
    const country = phoneCountry(to) ?? NO_COUNTRY;
    return {
      prefix,
      country,
      prefixSends: rateLimitKey(appId, 'fraudSends', prefix),
      prefixApprovals: rateLimitKey(appId, 'fraudApprovals', prefix),
      countrySends: rateLimitKey(appId, 'fraudCountrySends', country),
      countryApprovals: rateLimitKey(appId, 'fraudCountryApprovals', country),
    };
  };

  async function judge(appId: string, send: GuardedSend, settings: FraudGuardSettings) {
    const k = keys(appId, send.to);
    const window = settings.windowSeconds;
    const [sends, countrySends] = await Promise.all([
      counter.add(k.prefixSends, window),
      counter.add(k.countrySends, window),
    ]);
    if (sends < settings.minSends) return;
    const [approvals, countryApprovals] = await Promise.all([
      counter.read(k.prefixApprovals, window),
      counter.read(k.countryApprovals, window),
    ]);
    if (!looksPumped(sends, approvals, settings)) return;
    const now = clock.now();
    const decision: FraudDecision = {
      id: newId('frd', now),
      appId,
      prefix: k.prefix,
      country: k.country,
      channel: send.channel,
      action: settings.mode === 'enforce' ? 'block' : 'monitor',
      reasons: {
        sends,
        approvals,
        conversion: conversionOf(sends, approvals),
        minSends: settings.minSends,
        minConversion: settings.minConversion,
        windowSeconds: window,
        country: {
          code: k.country,
          sends: countrySends,
          approvals: countryApprovals,
          conversion: conversionOf(countrySends, countryApprovals),
        },
      },
      createdAt: now,
      expiresAt: now + settings.blockSeconds * 1000,
      liftedAt: null,
    };
    if (!(await store.recordFraudDecision(decision))) return;
    deps.telemetry?.fraudGuard(decision.action);
    await Promise.all([counter.reset(k.prefixSends), counter.reset(k.prefixApprovals)]);
    // The prefix stays out of the log (it is most of a phone number); the id finds it.
    logger.warn(
      { appId, decisionId: decision.id, action: decision.action, country: k.country, sends },
      'SMS-pumping guard decision recorded',
    );
  }

  return {
    /**
     * Before a code is sent (create or resend), ahead of the rate limits: refuses a send to a
     * prefix with a live block while the app is in enforce mode; counts nothing.
     */
    async beforeSend(appId: string, app: FraudSettings, send: GuardedSend): Promise<void> {
      const settings = applies(app, send);
      if (settings?.mode !== 'enforce') return;
      const now = clock.now();
      const live = await store.findLiveFraudDecisions(appId, numberPrefix(send.to), now);
      const block = live.find((d) => d.action === 'block');
      if (!block) return;
      logger.info({ appId, decisionId: block.id }, 'refused by the SMS-pumping guard');
      deps.telemetry?.fraudGuard('refused');
      throw new OtpdError(
        'blocked_by_fraud_guard',
        'codes to this number range are blocked for now: too many were sent and too few used',
        { blockId: block.id, retryAfterMs: block.expiresAt - now },
      );
    },

    /** After a send was committed: counts it and records a decision if the prefix looks pumped. */
    async afterSend(appId: string, app: FraudSettings, send: GuardedSend): Promise<void> {
      try {
        const settings = applies(app, send);
        if (settings) await judge(appId, send, settings);
      } catch (error) {
        logger.error({ err: error, appId }, 'SMS-pumping guard could not count a send');
      }
    },

    /** After a verification was approved: counts the approval (its conversion). */
    async approved(appId: string, app: FraudSettings, send: GuardedSend): Promise<void> {
      try {
        const settings = applies(app, send);
        if (!settings) return;
        const k = keys(appId, send.to);
        await Promise.all([
          counter.add(k.prefixApprovals, settings.windowSeconds),
          counter.add(k.countryApprovals, settings.windowSeconds),
        ]);
      } catch (error) {
        logger.error({ err: error, appId }, 'SMS-pumping guard could not count an approval');
      }
    },

    /**
     * The decisions of the given apps (a key's one, an admin's several), newest first: live
     * ones, or all with `includeEnded`.
     */
    list(appIds: readonly string[], filter: { includeEnded: boolean; limit: number }) {
      return store.listFraudDecisions(appIds, { ...filter, now: clock.now() });
    },

    /**
     * Lifts a decision of one of the given apps; another app's is not found (I5). `lifted` is
     * false when it had been lifted before: the decision is answered unchanged.
     */
    async lift(
      appIds: readonly string[],
      id: string,
    ): Promise<{ decision: FraudDecision; lifted: boolean }> {
      const result = await store.liftFraudDecision(appIds, id, clock.now());
      if (!result) throw new OtpdError('fraud_block_not_found', `no fraud guard decision ${id}`);
      if (result.lifted) {
        logger.info(
          { appId: result.decision.appId, decisionId: id },
          'SMS-pumping guard decision lifted',
        );
      }
      return result;
    },
  };
}

export type FraudGuard = ReturnType<typeof createFraudGuard>;
