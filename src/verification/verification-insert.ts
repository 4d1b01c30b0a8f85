import { newChatMessageJob, newHandedOffJob, newOutboxJob } from '../delivery/outbox-job.ts';
import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import { maskDestination } from '../kernel/mask.ts';
import type { Channel } from '../kernel/recipients.ts';
import type { Logger } from '../observability/logger.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { OutboxJob } from '../ports/store.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import type { EventSinks } from '../webhooks/event-announcer.ts';
import { type ChatCodeForm, type ChatMessage, chatCodeForm } from './domain/chat-message.ts';
import { generateCode } from './domain/codes.ts';
import {
  EXTERNAL_CODE,
  newVerificationRecord,
  type VerificationRecord,
} from './domain/verification.ts';
import type { AppDefaults, StartVerification } from './verification-request.ts';
import type { VerificationStore } from './verification-store-ports.ts';

export interface VerificationInsertDeps {
  store: Pick<VerificationStore, 'createVerification'>;
  keyring: Keyring;
  clock: Clock;
  telemetry: Telemetry;
  logger: Logger;
  notifyOutbox: () => void;
  /** The app's webhook subscriptions; without it no event is written. */
  events?: Pick<EventSinks, 'forSettings'>;
  /** Called after an event was committed, so webhook deliveries need not wait for a poll. */
  notifyWebhooks?: () => void;
}

/** Where a new verification's code goes; `testCode` when it is one of the app's test numbers. */
export interface Destination {
  to: string;
  channel: Channel;
  testCode?: string;
  /**
   * The caller sends the code itself right after the commit (see `newHandedOffJob`); a test
   * number's job is never handed off: nothing is sent for it.
   */
  handOff?: boolean;
  /** The channel's sender makes the code (integration mode 3): otpd makes and keeps none. */
  externalCode?: boolean;
  /** A message the app wrote, sent as given instead of a template (see `ChatSend`). */
  chat?: ChatSend;
  /** Makes the verification's id instead of `newId('ver', …)`, for a dialect whose ids
   * must take a vendor's form (see beem-pin-ids.ts). */
  makeId?: (nowMs: number) => string;
}

/**
 * A chat message the app wrote, with the code it made when the message carries one. The
 * verification holds that code's hash, so the app can have it checked; without one it holds
 * the hash of a code nobody is told, and only tracks the message's delivery. Either way it is
 * sent once: a new code is a new message.
 */
export interface ChatSend {
  code?: string;
  message: ChatMessage;
  /**
   * How `code` is pressed back, when the message's buttons were signed before they got here
   * (their payloads no longer show the code); default: read from the buttons.
   */
  codeForm?: ChatCodeForm;
}

/** A committed verification with its code and first job, for a caller that sends it itself. */
export interface InsertedVerification {
  verification: VerificationRecord;
  code: string;
  job: OutboxJob;
}

/**
 * Stores a new verification with its first send job in one transaction (I4), once every
 * check and limit has let it through. A test number's verification takes its fixed code,
 * and its job carries no code.
 */
export function createVerificationInsert(deps: VerificationInsertDeps) {
  const { store, keyring, clock, telemetry, logger, notifyOutbox } = deps;
  return async function insertVerification(
    appId: string,
    request: StartVerification,
    settings: AppDefaults & Pick<AppSettings, 'webhooks'>,
    dest: Destination,
  ): Promise<InsertedVerification> {
    const { to, channel, testCode, chat } = dest;
    // A test number's fixed code is otpd's, whatever sends the app's other codes.
    const externalCode = testCode === undefined && dest.externalCode === true;
    const defaults = settings.verification;
    const now = clock.now();
    const id = dest.makeId?.(now) ?? newId('ver', now);
    const given = testCode ?? chat?.code ?? request.code;
    const codeLength = given?.length ?? request.codeLength ?? defaults.codeLength;
    const code = given ?? generateCode(codeLength);
    const { hash, keyId } = externalCode ? EXTERNAL_CODE : keyring.hashCode(id, code);
    const verification = newVerificationRecord({
      id,
      appId,
      to,
      channel,
      code: { hash, keyId, length: codeLength },
      locale: request.locale ?? settings.defaultLocale,
      limits: chat ? { ...defaults, maxSends: 1 } : defaults,
      ttlSeconds: request.ttlSeconds ?? defaults.ttlSeconds,
      test: testCode !== undefined,
      externalCode,
      chatCode:
        chat?.code === undefined
          ? undefined
          : (chat.codeForm ?? chatCodeForm(chat.code, chat.message.buttons)),
      references: request,
      now,
    });
    const job = chat
      ? newChatMessageJob(keyring, verification, chat.code, chat.message, now)
      : dest.handOff && testCode === undefined
        ? newHandedOffJob(verification, now)
        : newOutboxJob(keyring, verification, code, now);
    const events = deps.events?.forSettings(appId, settings);
    const superseded = await store.createVerification(verification, job, events);
    if (events) deps.notifyWebhooks?.();
    telemetry.verificationCreated(channel);
    logger.info(
      {
        verificationId: id,
        appId,
        channel,
        to: maskDestination(to),
        superseded,
        test: verification.test,
      },
      'verification started',
    );
    notifyOutbox();
    return { verification, code, job };
  };
}
