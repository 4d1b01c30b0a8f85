import type { AppSettings } from '../settings/domain/settings.ts';
import type { DestinationPolicy, PolicySettings } from './destination-policy.ts';
import type { FraudGuard, FraudSettings, GuardedSend } from './fraud-guard.ts';
import type { LimitGuard, Send } from './limit-guard.ts';

/**
 * The parts of an app's settings the gate decides by. Callers read the app's settings once
 * per request and hand that snapshot to every step, so one request is judged by one revision.
 */
export type GateSettings = PolicySettings & FraudSettings & Pick<AppSettings, 'limits'>;

/** What the gate makes of a start: a test number's fixed code, or a send it let through. */
export type StartDecision = { testCode: string } | { testCode: undefined };

/**
 * Every guard a code passes, in one place and one order. A send: test number? (a fixed code,
 * never sent: nothing else applies) → destination policy (safelist, geo, number types) → the
 * SMS-pumping guard's blocks → the rate limits and budgets; after it committed, the pumping
 * guard counts it. A check: its failed-check limits, and the pumping guard's conversions.
 * Each refusal is the guard's own `OtpdError` (code and status unchanged).
 */
export interface SendGate {
  /** Before a new verification's first code: a test number's fixed code, else `beforeSend`. */
  beforeStart(appId: string, settings: GateSettings, send: Send): Promise<StartDecision>;
  /**
   * Before a real send (a start's, a resend's, a test message's): refuses it, or counts it
   * against the limits. Test numbers are not looked up: a resend knows from its record.
   */
  beforeSend(appId: string, settings: GateSettings, send: Send): Promise<void>;
  /** After a send committed: the pumping guard counts it (fail-open). */
  afterSend(appId: string, settings: GateSettings, send: GuardedSend): Promise<void>;
  /** Before a code is compared: refuses when the destination's failed checks are spent. */
  beforeCheck(appId: string, settings: GateSettings, to: string, clientIp?: string): Promise<void>;
  /** After a wrong code was evaluated, before it is answered: counts it, or refuses (429). */
  failedCheck(appId: string, settings: GateSettings, to: string, clientIp?: string): Promise<void>;
  /** After a verification was approved by its code: the pumping guard counts a conversion. */
  approved(appId: string, settings: GateSettings, send: GuardedSend): Promise<void>;
}

export interface SendGateDeps {
  policy: Pick<DestinationPolicy, 'testCode' | 'assertAllowed'>;
  fraud: Pick<FraudGuard, 'beforeSend' | 'afterSend' | 'approved'>;
  limits: Pick<LimitGuard, 'beforeSend' | 'beforeCheck' | 'failedCheck'>;
}

/** The gate over the app's destination policy, pumping guard and rate limits. */
export function createSendGate(deps: SendGateDeps): SendGate {
  const { policy, fraud, limits } = deps;

  async function beforeSend(appId: string, settings: GateSettings, send: Send): Promise<void> {
    // Before the guards and limits, so a refused destination counts against none of them.
    policy.assertAllowed(appId, settings, send.to, send.channel);
    // A blocked prefix is refused before the rate limits, so it spends none of them.
    await fraud.beforeSend(appId, settings, send);
    await limits.beforeSend(appId, settings.limits, send);
  }

  return {
    async beforeStart(appId, settings, send) {
      const testCode = policy.testCode(settings, send.to, send.channel);
      // A test number is never sent: no geo permission, guard or limit applies to it.
      if (testCode !== undefined) return { testCode };
      await beforeSend(appId, settings, send);
      return { testCode: undefined };
    },
    beforeSend,
    afterSend: (appId, settings, send) => fraud.afterSend(appId, settings, send),
    beforeCheck: (appId, settings, to, clientIp) =>
      limits.beforeCheck(appId, settings.limits, to, clientIp),
    failedCheck: (appId, settings, to, clientIp) =>
      limits.failedCheck(appId, settings.limits, to, clientIp),
    approved: (appId, settings, send) => fraud.approved(appId, settings, send),
  };
}

/**
 * The gate that lets every send through and counts nothing: no test numbers, no destination
 * policy, no pumping guard, no limits across verifications. For tests and tools that
 * exercise something else; a verification's own limits (sends, attempts, cooldown) still hold.
 */
export function openSendGate(): SendGate {
  const pass = async () => {};
  return {
    beforeStart: async () => ({ testCode: undefined }),
    beforeSend: pass,
    afterSend: pass,
    beforeCheck: pass,
    failedCheck: pass,
    approved: pass,
  };
}
