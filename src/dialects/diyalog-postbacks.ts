import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import { newId } from '../kernel/ids.ts';
import type { Logger } from '../observability/logger.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import { isDigits } from '../verification/domain/codes.ts';
import type { VerificationRecord } from '../verification/domain/verification.ts';
import type { VerificationStore } from '../verification/verification-store-ports.ts';
import type { VerificationService } from '../verification/verifications.ts';
import { DIYALOG_POSTBACK } from '../webhooks/domain/events.ts';
import { newWebhookDelivery } from '../webhooks/event-announcer.ts';
import type { WebhookStore } from '../webhooks/webhook-store-ports.ts';
import { openSignedPayload } from './domain/diyalog-signing.ts';

export interface DiyalogPostbackDeps {
  store: Pick<VerificationStore, 'findVerificationByMessageId'> &
    Pick<WebhookStore, 'enqueueWebhookDeliveries'>;
  verifications: Pick<VerificationService, 'check'>;
  keyring: Pick<Keyring, 'encrypt'>;
  settingsFor: (appId: string) => Promise<Pick<AppSettings, 'dialects'>>;
  clock: Clock;
  logger: Logger;
  /** Wakes the webhook sender after a press was queued. */
  notifyWebhooks?: () => void;
}

/** A button press as the chat platform reports it. */
export interface ButtonPress {
  messageId: string;
  /** The button's payload as the message carried it: signed when it was hidden. */
  payload: string;
  customerNo?: string;
}

/**
 * Diyalog's envelope for a press, as its bots receive webhooks: the text is
 * `[<messageId>]:<payload>`, the payload exactly as pressed (still signed if it was hidden,
 * so the app can check it came from its own message).
 */
export function postbackEnvelope(
  appId: string,
  press: ButtonPress,
  sender: string,
  mid: string,
  now: number,
) {
  return {
    object: 'dialog',
    entry: [
      {
        id: appId,
        time: now,
        messaging: [
          {
            sender: { id: sender },
            recipient: { id: appId },
            timestamp: now,
            message: { mid, text: `[${press.messageId}]:${press.payload}` },
          },
        ],
      },
    ],
  };
}

/**
 * Button presses on the chat messages sent through Diyalog's sendmok. A press whose payload
 * has the shape of the message's code (as many characters; digits when the code is digits)
 * is a check of it: the code approves its verification (in-chat approval), anything else of
 * that shape spends an attempt like a wrong code typed, so a tampered payload cannot guess
 * past the attempt limit (I2). Any other press ("deny", "help") is an answer, not a guess,
 * and spends nothing.
 *
 * When the code's button hides its payload, only the signed payload the message carried may
 * approve: an unsigned press of the code's shape is refused (400 naming `payload`) without
 * being compared with the code, so it spends nothing and tells nothing — refusing only the
 * right code would answer whether a guess was right, and no unsigned press can approve.
 *
 * A press for a message the app never sent is 404, and goes nowhere. Every other press is
 * forwarded to the app's Diyalog webhook, when it has one, through the webhooks' outbox
 * (signed, retried, logged) — before the check, so a check a limit refuses is still forwarded.
 */
export function createDiyalogPostbacks(deps: DiyalogPostbackDeps) {
  const { store, keyring, clock, logger } = deps;

  /**
   * Whether `payload` could be the code of `v`: a check, not an answer. A chat code kept
   * before its form was recorded was digits.
   */
  function looksLikeCodeOf(v: VerificationRecord, payload: string): boolean {
    return (
      v.channel === 'messenger' &&
      !v.externalCode &&
      payload.length === v.codeLength &&
      (v.chatCode?.digits === false || isDigits(payload))
    );
  }

  function forwardDelivery(appId: string, url: string, body: string, now: number) {
    const id = newId('whd', now);
    const eventId = newId('evt', now);
    // The payload may be the code: kept encrypted, bound to the delivery (I1).
    const payload = keyring.encrypt(body, id);
    return newWebhookDelivery(
      { id, appId, eventId, eventType: DIYALOG_POSTBACK, url, payload },
      now,
    );
  }

  return {
    async press(
      appId: string,
      press: ButtonPress,
    ): Promise<{ approved: boolean; forwarded: boolean }> {
      const { secret, webhookUrl } = (await deps.settingsFor(appId)).dialects.diyalog;
      const opened =
        secret === null ? undefined : openSignedPayload(secret, press.messageId, press.payload);
      const payload = opened ?? press.payload;
      // A bot may give every message the same id: who pressed tells its messages apart.
      const v = await store.findVerificationByMessageId(
        appId,
        press.messageId,
        press.customerNo?.trim(),
      );
      if (!v) {
        throw new OtpdError(
          'verification_not_found',
          `the app sent no message ${JSON.stringify(press.messageId)}` +
            (press.customerNo === undefined ? '' : ' to this customerNo'),
        );
      }
      const isCheck = looksLikeCodeOf(v, payload);
      if (isCheck && v.chatCode?.hidden && opened === undefined) {
        throw new OtpdError(
          'validation_failed',
          "the message's code button hides its payload: press it with the signed payload",
          {
            errors: [
              { field: 'body.payload', message: 'must be the signed payload the message carried' },
            ],
          },
        );
      }
      let forwarded = false;
      if (webhookUrl !== null) {
        const now = clock.now();
        const sender = press.customerNo ?? v.to;
        const body = JSON.stringify(postbackEnvelope(appId, press, sender, newId('mid', now), now));
        await store.enqueueWebhookDeliveries([forwardDelivery(appId, webhookUrl, body, now)]);
        deps.notifyWebhooks?.();
        forwarded = true;
      }
      let approved = false;
      if (isCheck) {
        approved = (await deps.verifications.check(appId, v.id, payload)).valid;
      }
      logger.info({ appId, verificationId: v.id, approved, forwarded }, 'diyalog button pressed');
      return { approved, forwarded };
    },
  };
}

export type DiyalogPostbacks = ReturnType<typeof createDiyalogPostbacks>;
