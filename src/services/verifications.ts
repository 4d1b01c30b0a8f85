import type { EmailRules } from '../domain/email-address.ts';
import { OtpdError } from '../domain/errors.ts';
import { type Channel, normalizeRecipient } from '../domain/recipients.ts';
import {
  type CheckOutcome,
  DEFAULTS,
  effectiveStatus,
  type VerificationRecord,
} from '../domain/verification.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../ports/clock.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { Store } from '../ports/store.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import { type CodeValidationDeps, createCodeValidation } from './code-validation.ts';
import type { DestinationPolicy } from './destination-policy.ts';
import type { EventSinks } from './events.ts';
import type { FraudGuard } from './fraud-guard.ts';
import type { LimitGuard } from './limits.ts';
import { createCodeCheck } from './verification-check.ts';
import {
  type ChatSend,
  createVerificationInsert,
  type InsertedVerification,
} from './verification-insert.ts';
import { createVerificationRecords } from './verification-records.ts';
import type { AppDefaults, StartVerification } from './verification-request.ts';
import { createResend } from './verification-resend.ts';

export type { AppDefaults, StartVerification } from './verification-request.ts';

export interface VerificationServiceDeps {
  store: Pick<
    Store,
    | 'createVerification'
    | 'getVerification'
    | 'findLatestVerification'
    | 'recordCheck'
    | 'resendVerification'
    | 'finishVerification'
  >;
  keyring: Keyring;
  clock: Clock;
  telemetry: Telemetry;
  logger: Logger;
  /** Called after a send job commits, so the dispatcher need not wait for its next poll. */
  notifyOutbox: () => void;
  /** An app's settings (defaults for new verifications); without it, the built-in DEFAULTS. */
  settingsFor?: (appId: string) => Promise<AppDefaults>;
  /** The abuse limits across verifications; without it, only the per-verification ones. */
  limits?: Pick<LimitGuard, 'beforeSend' | 'beforeCheck' | 'failedCheck'>;
  /** Test numbers, safelist, geo permissions and number types; without it, none. */
  policy?: Pick<DestinationPolicy, 'testCode' | 'assertAllowed'>;
  /** The SMS-pumping guard; without it, no prefix is counted or blocked. */
  fraud?: Pick<FraudGuard, 'beforeSend' | 'afterSend' | 'approved'>;
  /** The app's webhook subscriptions; without it no event is written. */
  events?: Pick<EventSinks, 'forApp'>;
  /** Called after an event was committed, so webhook deliveries need not wait for a poll. */
  notifyWebhooks?: () => void;
  /** Who checks a verification's code (see code-validation.ts). */
  validatorFor?: CodeValidationDeps['validatorFor'];
  /** Whether an app's channel sends codes its senders make; without it, never. */
  senderMakesCode?: (appId: string, channel: Channel) => Promise<boolean>;
  /** What email addresses the operator accepts beyond the usual grammar; default none. */
  emailRules?: EmailRules;
}

const BUILT_IN: AppDefaults = {
  verification: DEFAULTS,
  defaultLocale: 'en',
  preferredCountry: null,
};

export function createVerificationService(deps: VerificationServiceDeps) {
  const { store, clock, limits, fraud, policy } = deps;
  const defaultsOf = async (appId: string) =>
    deps.settingsFor ? deps.settingsFor(appId) : BUILT_IN;

  const insertVerification = createVerificationInsert(deps);
  const records = createVerificationRecords(deps);
  const { mustGet, finish, settleExpired } = records;
  const checkRecord = createCodeCheck(deps, records, createCodeValidation(deps));
  const resend = createResend(deps, records);

  async function begin(
    appId: string,
    request: StartVerification,
    how: { handOff?: boolean; chat?: ChatSend; makeId?: (nowMs: number) => string } = {},
  ): Promise<InsertedVerification> {
    const { handOff = false, chat, makeId } = how;
    const settings = await defaultsOf(appId);
    const channel = request.channel ?? 'sms';
    const country = request.country ?? settings.preferredCountry ?? undefined;
    const to = normalizeRecipient(request.to, channel, country, deps.emailRules);
    const testCode = await policy?.testCode(appId, to, channel);
    // A test number is never sent: no geo permission, guard or limit applies to it.
    if (testCode !== undefined) {
      return insertVerification(appId, request, settings, { to, channel, testCode, makeId });
    }
    // Before the guards and limits, so a refused destination counts against none of them.
    await policy?.assertAllowed(appId, to, channel);
    // A blocked prefix is refused before the rate limits, so it spends none of them.
    await fraud?.beforeSend(appId, { to, channel });
    await limits?.beforeSend(appId, { to, channel, clientIp: request.clientIp });
    // A hand-off sends otpd's own code through the caller's provider, whatever the channel's;
    // a chat message carries the app's.
    const externalCode =
      !handOff && !chat && ((await deps.senderMakesCode?.(appId, channel)) ?? false);
    if (externalCode && request.code !== undefined) {
      throw new OtpdError(
        'validation_failed',
        `the ${channel} sender makes its own codes; a given code cannot be sent through it`,
        { errors: [{ field: 'code', message: 'not accepted on this channel' }] },
      );
    }
    const dest = { to, channel, handOff, externalCode, chat, makeId };
    const inserted = await insertVerification(appId, request, settings, dest);
    await fraud?.afterSend(appId, { to, channel });
    return inserted;
  }

  /**
   * The newest verification of a destination, whatever its status; the destination is
   * normalised as on start (email when it has an @, else a phone number).
   */
  async function latestOf(
    appId: string,
    request: { to: string; channel?: Channel; country?: string },
  ): Promise<VerificationRecord> {
    const channel = request.channel ?? (request.to.includes('@') ? 'email' : 'sms');
    const country = request.country ?? (await defaultsOf(appId)).preferredCountry ?? undefined;
    const to = normalizeRecipient(request.to, channel, country, deps.emailRules);
    const latest = await store.findLatestVerification(appId, to);
    if (!latest)
      throw new OtpdError('verification_not_found', 'no verification for this destination');
    return latest;
  }

  /** Finishes a pending verification as the app asks; the same status again is a no-op. */
  async function finishByApp(
    appId: string,
    id: string,
    target: 'canceled' | 'approved',
    reason: 'canceled_by_app' | 'approved_by_app',
  ): Promise<VerificationRecord> {
    let v = await mustGet(appId, id);
    const now = clock.now();
    if (effectiveStatus(v, now).status === 'pending') {
      const finished = await finish(v, target, reason, now);
      if (finished) return finished;
      v = await mustGet(appId, id); // finished by someone else meanwhile
    }
    const { status } = effectiveStatus(v, now);
    if (status === target) return v;
    await settleExpired(v, now);
    throw new OtpdError('verification_not_pending', `the verification is ${status}`, {
      verificationStatus: status,
    });
  }

  return {
    /**
     * Starts a verification: stores it and its first send job in one transaction (I4).
     * What the request leaves out comes from the app's settings.
     */
    async start(
      app: { id: string },
      request: StartVerification,
      options: { makeId?: (nowMs: number) => string } = {},
    ): Promise<VerificationRecord> {
      return (await begin(app.id, request, options)).verification;
    },

    /**
     * Starts a verification whose code the caller sends itself, right after this returns,
     * with a provider it may not store (see `newHandedOffJob`): the same checks, limits and
     * transaction as `start`, but its job is recorded as handed off, and the code comes back
     * to be sent. A test number's verification is queued as usual and must not be sent.
     */
    startHandedOff(app: { id: string }, request: StartVerification): Promise<InsertedVerification> {
      return begin(app.id, request, { handOff: true });
    },

    /**
     * Sends a chat message the app wrote over the `messenger` channel's providers, through
     * the outbox like any code, and records it as a verification of `chat.code` when given
     * (see `ChatSend`): the same checks, limits, transaction, events and message log.
     */
    async startChatMessage(
      app: { id: string },
      request: Omit<StartVerification, 'channel' | 'content' | 'codeLength'>,
      chat: ChatSend,
    ): Promise<VerificationRecord> {
      return (await begin(app.id, { ...request, channel: 'messenger' }, { chat })).verification;
    },

    get: mustGet,

    /** Checks a code against one verification. Every business outcome is a value. */
    async check(appId: string, id: string, code: string, clientIp?: string): Promise<CheckOutcome> {
      return checkRecord(await mustGet(appId, id), code, clientIp);
    },

    latestOf,

    /** Checks a code against the newest verification of a destination. */
    async checkDestination(
      appId: string,
      request: { to: string; code: string; channel?: Channel; country?: string; clientIp?: string },
    ): Promise<CheckOutcome> {
      return checkRecord(await latestOf(appId, request), request.code, request.clientIp);
    },

    /** Sends a new code; the previous one stops working. The attempt budget carries over. */
    resend,

    /**
     * Approves a pending verification without a code, for an app that confirmed the person
     * another way (its own code, a call). It announces `verification.approved` like a
     * checked code, but counts no conversion for the pumping guard: nothing here proves a
     * message arrived. Approving an approved one answers it unchanged.
     */
    async approve(appId: string, id: string): Promise<VerificationRecord> {
      return finishByApp(appId, id, 'approved', 'approved_by_app');
    },

    /** Cancels a pending verification; canceling a canceled one answers it unchanged. */
    async cancel(appId: string, id: string): Promise<VerificationRecord> {
      return finishByApp(appId, id, 'canceled', 'canceled_by_app');
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
