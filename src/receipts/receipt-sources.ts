import { createHash, timingSafeEqual } from 'node:crypto';
import { type FormParams, isValidTwilioSignature } from '../dialects/domain/twilio-signature.ts';
import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import type { MessagePrice, MessageStatus } from '../message-log/message-log-ports.ts';
import type { ProviderEntry } from '../settings/domain/settings.ts';
import type { HttpReceiptConfig } from './domain/http-receipt.ts';
import { readHttpReceipt } from './domain/http-receipt.ts';
import type { ReceiptOutcome, ReceiptService } from './receipts.ts';

/**
 * Twilio's `Price` (negative: a charge, e.g. `-0.00750`) and `PriceUnit` (`USD`), when the
 * callback carries them; anything else is no price rather than a refused receipt.
 */
export function twilioPrice(
  price: string | undefined,
  unit: string | undefined,
): MessagePrice | null {
  if (!price || !unit || !/^-?\d{1,9}(\.\d{1,9})?$/.test(price)) return null;
  const currency = unit.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return null;
  return { amount: Math.abs(Number(price)), currency };
}

/** Twilio's message statuses (StatusCallback `MessageStatus`) in otpd's words; others are ignored. */
const TWILIO_STATUS: Record<string, MessageStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/**
 * Twilio's call statuses (a call's StatusCallback `CallStatus`) in otpd's words: a call that
 * rang is sent, one that was answered delivered the code it read out.
 */
const TWILIO_CALL_STATUS: Record<string, MessageStatus> = {
  queued: 'queued',
  initiated: 'queued',
  ringing: 'sent',
  'in-progress': 'delivered',
  completed: 'delivered',
  busy: 'undelivered',
  'no-answer': 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

export interface ReceiptSourcesDeps {
  receipts: Pick<ReceiptService, 'apply'>;
  /** An app's provider entries of every channel, secrets in plaintext. */
  providerEntriesOf: (appId: string) => Promise<ProviderEntry[]>;
  clock: Clock;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Equal in constant time, whatever the lengths. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Authenticates and reads each provider's receipts, then hands them to the receipt service.
 * An app, provider or account that is not configured is refused exactly like a bad
 * signature or token: the caller learns nothing about which apps exist.
 */
export function createReceiptSources(deps: ReceiptSourcesDeps) {
  const { receipts, providerEntriesOf, clock } = deps;

  return {
    /**
     * A Twilio StatusCallback: signed (X-Twilio-Signature) with the auth token of the app's
     * twilio provider whose `accountSid` is the callback's `AccountSid`, over `url`.
     */
    async twilio(
      appId: string,
      request: { url: string; form: FormParams; signature: string | undefined },
    ): Promise<ReceiptOutcome> {
      const { form } = request;
      const accountSid = one(form.AccountSid);
      const accounts = (await providerEntriesOf(appId)).filter(
        (e) => e.type === 'twilio' && accountSid !== undefined && e.accountSid === accountSid,
      );
      const signedFor = accounts.filter((e) =>
        isValidTwilioSignature(String(e.authToken), request.url, form, request.signature),
      );
      if (signedFor.length === 0) {
        throw new OtpdError(
          'invalid_receipt_signature',
          'X-Twilio-Signature is missing or does not match this URL and body',
        );
      }
      // A message's callback names MessageSid and MessageStatus, a call's CallSid and CallStatus.
      const call = one(form.CallSid) !== undefined && one(form.MessageSid) === undefined;
      const sid = call ? one(form.CallSid) : (one(form.MessageSid) ?? one(form.SmsSid));
      const reported = call
        ? one(form.CallStatus)
        : (one(form.MessageStatus) ?? one(form.SmsStatus));
      if (!sid || !reported) {
        throw new OtpdError(
          'validation_failed',
          'a status callback has MessageSid and MessageStatus (a call: CallSid and CallStatus)',
          {
            errors: [
              ...(sid ? [] : [{ field: 'body.MessageSid', message: 'required' }]),
              ...(reported ? [] : [{ field: 'body.MessageStatus', message: 'required' }]),
            ],
          },
        );
      }
      const statuses = call ? TWILIO_CALL_STATUS : TWILIO_STATUS;
      const status = Object.hasOwn(statuses, reported.toLowerCase())
        ? statuses[reported.toLowerCase()]
        : undefined;
      if (!status) return 'ignored';
      const errorCode = one(form.ErrorCode);
      const names = [...new Set(signedFor.map((e) => String(e.name)))];
      return receipts.apply(appId, names, sid, {
        status,
        at: clock.now(),
        error: errorCode && /^[0-9]{1,10}$/.test(errorCode) ? `twilio_${errorCode}` : null,
        price: twilioPrice(one(form.Price), one(form.PriceUnit)),
      });
    },

    /** A receipt from the app's http provider `name`, with the token of its `receipt` config. */
    async http(
      appId: string,
      name: string,
      request: { body: unknown; token: string | undefined },
    ): Promise<ReceiptOutcome> {
      const { token } = request;
      // One name may serve several channels, each entry with its own receipt config.
      const config = (await providerEntriesOf(appId))
        .filter((e) => e.type === 'http' && e.name === name && e.receipt)
        .map((e) => e.receipt as HttpReceiptConfig)
        .find((r) => token !== undefined && sameSecret(r.token, token));
      if (!config) {
        throw new OtpdError(
          'invalid_receipt_token',
          'the receipt token is missing or wrong for this app and provider',
        );
      }
      const read = readHttpReceipt(config, request.body);
      if ('errors' in read) {
        const detail = read.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
        throw new OtpdError('validation_failed', detail, { errors: read.errors });
      }
      const { receipt } = read;
      if (!receipt.status) return 'ignored';
      return receipts.apply(appId, [name], receipt.providerMessageId, {
        status: receipt.status,
        at: clock.now(),
        error: receipt.error,
      });
    },
  };
}

export type ReceiptSources = ReturnType<typeof createReceiptSources>;
