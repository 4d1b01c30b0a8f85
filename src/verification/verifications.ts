import type { GateSettings, SendGate } from '../abuse/send-gate.ts';
import type { MessageSettings } from '../delivery/message-body.ts';
import type { Clock } from '../kernel/clock.ts';
import type { EmailRules } from '../kernel/email-address.ts';
import { OtpdError } from '../kernel/errors.ts';
import { type Channel, normalizeRecipient } from '../kernel/recipients.ts';
import type { Logger } from '../observability/logger.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import type { EventSinks } from '../webhooks/event-announcer.ts';
import { type CodeValidationDeps, createCodeValidation } from './code-validation.ts';
import {
  type CheckOutcome,
  effectiveStatus,
  type VerificationRecord,
} from './domain/verification.ts';
import { createCodeCheck } from './verification-check.ts';
import {
  type ChatSend,
  createVerificationInsert,
  type InsertedVerification,
} from './verification-insert.ts';
import { createVerificationRecords } from './verification-records.ts';
import type { AppDefaults, StartVerification } from './verification-request.ts';
import { createResend } from './verification-resend.ts';
import type { VerificationStore } from './verification-store-ports.ts';

export type { AppDefaults, StartVerification } from './verification-request.ts';

export interface VerificationServiceDeps {
  store: Pick<
    VerificationStore,
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
  /**
   * An app's settings, read once per start, resend or check: that snapshot is handed to
   * every step of the request (defaults, guards, events, who makes the code).
   */
  settingsFor: (appId: string) => Promise<VerificationSettings>;
  /**
   * Test numbers, destination policy, pumping guard and limits across verifications, for
   * every send and check (see send-gate.ts); `openSendGate()` lets everything through.
   */
  gate: SendGate;
  /** The app's webhook subscriptions; without it no event is written. */
  events?: Pick<EventSinks, 'forApp' | 'forSettings'>;
  /** Called after an event was committed, so webhook deliveries need not wait for a poll. */
  notifyWebhooks?: () => void;
  /** Who checks a verification's code (see code-validation.ts). */
  validatorFor?: CodeValidationDeps['validatorFor'];
  /** Whether a channel's senders make their codes, in the request's settings; without it, never. */
  senderMakesCode?: (settings: Pick<AppSettings, 'channels'>, channel: Channel) => boolean;
  /** What email addresses the operator accepts beyond the usual grammar; default none. */
  emailRules?: EmailRules;
}

/**
 * The app's settings a caller already read for this request (a dialect's route, the
 * messenger's gate): handed on, they are the request's one snapshot instead of a second read.
 */
type Snapshot = { settings?: VerificationSettings };

/** The parts of an app's settings a verification's requests decide by. */
export type VerificationSettings = AppDefaults &
  GateSettings &
  MessageSettings &
  Pick<AppSettings, 'webhooks' | 'channels'>;

export function createVerificationService(deps: VerificationServiceDeps) {
  const { store, clock, gate } = deps;

  const insertVerification = createVerificationInsert(deps);
  const records = createVerificationRecords(deps);
  const { mustGet, finish, settleExpired } = records;
  const checkRecord = createCodeCheck(deps, records, createCodeValidation(deps));
  const resend = createResend(deps, records);

  async function begin(
    appId: string,
    request: StartVerification,
    how: Snapshot & {
      handOff?: boolean;
      chat?: ChatSend;
      makeId?: (nowMs: number) => string;
    } = {},
  ): Promise<InsertedVerification & { settings: VerificationSettings }> {
    const { handOff = false, chat, makeId } = how;
    // The one read of the app's settings for this start: every step below decides by it.
    const settings = how.settings ?? (await deps.settingsFor(appId));
    const channel = request.channel ?? 'sms';
    const country = request.country ?? settings.preferredCountry ?? undefined;
    const to = normalizeRecipient(request.to, channel, country, deps.emailRules);
    const { testCode } = await gate.beforeStart(appId, settings, {
      to,
      channel,
      clientIp: request.clientIp,
    });
    if (testCode !== undefined) {
      const dest = { to, channel, testCode, makeId };
      return { ...(await insertVerification(appId, request, settings, dest)), settings };
    }
    // A hand-off sends otpd's own code through the caller's provider, whatever the channel's;
    // a chat message carries the app's.
    const externalCode = !handOff && !chat && (deps.senderMakesCode?.(settings, channel) ?? false);
    if (externalCode && request.code !== undefined) {
      throw new OtpdError(
        'validation_failed',
        `the ${channel} sender makes its own codes; a given code cannot be sent through it`,
        { errors: [{ field: 'code', message: 'not accepted on this channel' }] },
      );
    }
    const dest = { to, channel, handOff, externalCode, chat, makeId };
    const inserted = await insertVerification(appId, request, settings, dest);
    await gate.afterSend(appId, settings, { to, channel });
    return { ...inserted, settings };
  }

  /** `latestOf` in settings the caller already read. */
  async function latestIn(
    appId: string,
    settings: Pick<AppSettings, 'preferredCountry'>,
    request: { to: string; channel?: Channel; country?: string },
  ): Promise<VerificationRecord> {
    const channel = request.channel ?? (request.to.includes('@') ? 'email' : 'sms');
    const country = request.country ?? settings.preferredCountry ?? undefined;
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
      options: Snapshot & { makeId?: (nowMs: number) => string } = {},
    ): Promise<VerificationRecord> {
      return (await begin(app.id, request, options)).verification;
    },

    /**
     * Starts a verification whose code the caller sends itself, right after this returns,
     * with a provider it may not store (see `newHandedOffJob`): the same checks, limits and
     * transaction as `start`, but its job is recorded as handed off, and the code comes back
     * to be sent. A test number's verification is queued as usual and must not be sent.
     * The settings the start read come back too, so the message is made from the same ones.
     */
    async startHandedOff(
      app: { id: string },
      request: StartVerification,
      options: Snapshot = {},
    ): Promise<InsertedVerification & { settings: VerificationSettings }> {
      return begin(app.id, request, { ...options, handOff: true });
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
      options: Snapshot = {},
    ): Promise<VerificationRecord> {
      const how = { ...options, chat };
      return (await begin(app.id, { ...request, channel: 'messenger' }, how)).verification;
    },

    get: mustGet,

    /** Checks a code against one verification. Every business outcome is a value. */
    async check(
      appId: string,
      id: string,
      code: string,
      options: Snapshot & { clientIp?: string } = {},
    ): Promise<CheckOutcome> {
      const v = await mustGet(appId, id);
      const settings = options.settings ?? (await deps.settingsFor(appId));
      return checkRecord(v, code, options.clientIp, settings);
    },

    /**
     * The newest verification of a destination, whatever its status; the destination is
     * normalised as on start (email when it has an @, else a phone number).
     */
    latestOf: async (appId: string, request: { to: string; channel?: Channel; country?: string }) =>
      latestIn(appId, await deps.settingsFor(appId), request),

    /** Checks a code against the newest verification of a destination. */
    async checkDestination(
      appId: string,
      request: { to: string; code: string; channel?: Channel; country?: string; clientIp?: string },
    ): Promise<CheckOutcome> {
      const settings = await deps.settingsFor(appId);
      const latest = await latestIn(appId, settings, request);
      return checkRecord(latest, request.code, request.clientIp, settings);
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
