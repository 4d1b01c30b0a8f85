import { clientIpSubject } from '../abuse/domain/client-ip.ts';
import {
  type Decision,
  type RateLimiter,
  RateLimiterUnavailableError,
  rateLimitKey,
} from '../abuse/rate-limiter-ports.ts';
import type { AppStore } from '../apps/app-store-ports.ts';
import type { Clock } from '../kernel/clock.ts';
import { OtpdError } from '../kernel/errors.ts';
import { newId } from '../kernel/ids.ts';
import { normalizeRecipient } from '../kernel/recipients.ts';
import type { Logger } from '../observability/logger.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { AppSettings } from '../settings/domain/settings.ts';
import type { CheckOutcome, VerificationRecord } from '../verification/domain/verification.ts';
import type { VerificationService } from '../verification/verifications.ts';
import type { ConversationRecord, ConversationStore } from './conversation-store.ts';
import { acceptedLanguages, resolveTexts } from './domain/messenger-texts.ts';
import { type GatePass, openGatePass, sealGatePass } from './gate-cookie.ts';

export interface GateDeps {
  apps: Pick<AppStore, 'getApp'>;
  settingsFor: (appId: string) => Promise<AppSettings>;
  verifications: Pick<VerificationService, 'start' | 'check' | 'resend' | 'get'>;
  conversations: Pick<ConversationStore, 'openConversation'>;
  limiter: RateLimiter;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  /** Hears every conversation the gate creates (the bot's `conversation.started`). */
  onCreated: (conversation: ConversationRecord) => void;
}

/** What the visitor's request says about who and where they are. */
export interface Visitor {
  ip: string;
  /** `?locale=` or the `Accept-Language` header, as sent. */
  locale?: string;
  acceptLanguage?: string;
}

export const PER_IP_LIMIT = 'messengerRequestsPerIp';

/**
 * The messenger's gate: what the page shows, the verification of the visitor's phone through
 * otpd's own verification service (limits, guards, providers, message log and webhooks all
 * apply), the messenger's own per-IP rule on code requests, and the conversation a right
 * code opens.
 */
export function createGateService(deps: GateDeps) {
  const { verifications, keyring, clock, logger } = deps;

  /** The app's settings while its messenger is on; 404 otherwise, alike for unknown apps. */
  async function enabled(appId: string) {
    const app = await deps.apps.getApp(appId);
    const settings = app && (await deps.settingsFor(appId));
    if (!app || !settings?.messenger.enabled) {
      throw new OtpdError('messenger_not_found', `no messenger is enabled for app ${appId}`);
    }
    return { app, settings, messenger: settings.messenger };
  }

  const localeOf = (visitor: Visitor, messenger: AppSettings['messenger']) =>
    resolveTexts(
      [...(visitor.locale ? [visitor.locale] : []), ...acceptedLanguages(visitor.acceptLanguage)],
      messenger.texts,
    );

  /** Counts one code request of the visitor's address, or refuses it with a sentence. */
  async function countRequest(appId: string, settings: AppSettings, ip: string) {
    const rule = settings.messenger.limits.requestsPerIp;
    const key = rateLimitKey(appId, PER_IP_LIMIT, clientIpSubject(ip) ?? ip);
    let decision: Decision;
    try {
      decision = await deps.limiter.consume(key, rule);
    } catch (error) {
      if (!(error instanceof RateLimiterUnavailableError)) throw error;
      logger.error({ err: error.message, appId }, 'rate limiter unavailable');
      throw new OtpdError('service_unavailable', 'no code can be sent right now; retry shortly', {
        retryAfterMs: 2_000,
      });
    }
    if (decision.allowed) return;
    const minutes = Math.max(1, Math.ceil(decision.retryAfterMs / 60_000));
    const at = new Date(clock.now() + decision.retryAfterMs).toISOString().slice(11, 16);
    logger.info({ appId, limit: PER_IP_LIMIT }, 'refused by a limit');
    throw new OtpdError(
      'rate_limited',
      `Too many codes were requested from your network. Try again in ${minutes} ` +
        `minute${minutes === 1 ? '' : 's'} (after ${at} UTC).`,
      { limit: PER_IP_LIMIT, retryAfterMs: decision.retryAfterMs },
    );
  }

  function verificationView(v: VerificationRecord) {
    return {
      id: v.id,
      to: v.to,
      expiresAt: new Date(v.expiresAt).toISOString(),
      resendAvailableAt: new Date(v.lastSentAt + v.resendCooldownMs).toISOString(),
      attemptsRemaining: Math.max(0, v.maxAttempts - v.attempts),
      codeLength: v.codeLength,
    };
  }

  function mustBe(messenger: AppSettings['messenger'], authentication: 'none' | 'otp') {
    if (messenger.authentication !== authentication) {
      throw new OtpdError(
        'messenger_gate_mismatch',
        authentication === 'otp'
          ? 'this messenger opens the chat without a code'
          : 'this messenger opens the chat only after a code',
      );
    }
  }

  function requireAsked(
    messenger: AppSettings['messenger'],
    profile: { name?: string; email?: string },
  ) {
    const errors = [
      ...(messenger.askName && !profile.name ? [{ field: 'body.name', message: 'required' }] : []),
      ...(messenger.askEmail && !profile.email
        ? [{ field: 'body.email', message: 'required' }]
        : []),
    ];
    if (errors.length > 0) {
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      throw new OtpdError('validation_failed', detail, { errors });
    }
  }

  /** The gate pass of `id`, or the same 404 as an unknown id. */
  function passFor(appId: string, id: string, sealed: string | undefined): GatePass {
    const pass = openGatePass(keyring, appId, sealed, clock.now());
    if (pass?.verificationId !== id) {
      throw new OtpdError('verification_not_found', `no verification ${id} was started here`);
    }
    return pass;
  }

  async function openConversation(
    appId: string,
    profile: { phone: string | null; name: string | null; email: string | null; locale: string },
  ) {
    const now = clock.now();
    const opened = await deps.conversations.openConversation({
      id: newId('conv', now),
      appId,
      status: 'bot',
      ...profile,
      createdAt: now,
      updatedAt: now,
    });
    if (opened.created) deps.onCreated(opened.conversation);
    return opened.conversation;
  }

  return {
    /** What the page needs before its first step, in the visitor's language. */
    async config(appId: string, visitor: Visitor) {
      const { app, settings, messenger } = await enabled(appId);
      const { locale, texts } = localeOf(visitor, messenger);
      return {
        appId,
        appName: app.name,
        authentication: messenger.authentication,
        askName: messenger.askName,
        askEmail: messenger.askEmail,
        preferredCountry: messenger.preferredCountry ?? settings.preferredCountry,
        codeLength: settings.verification.codeLength,
        resendCooldownSeconds: settings.verification.resendCooldownSeconds,
        locale,
        texts,
      };
    },

    /** Sends a code to the visitor's phone; the sealed pass goes into the gate cookie. */
    async start(
      appId: string,
      request: { phone: string; country?: string; name?: string; email?: string; locale?: string },
      visitor: Visitor,
    ) {
      const { settings, messenger } = await enabled(appId);
      mustBe(messenger, 'otp');
      requireAsked(messenger, request);
      const country =
        request.country?.toUpperCase() ??
        messenger.preferredCountry ??
        settings.preferredCountry ??
        undefined;
      // A number that can never be sent to spends none of the visitor's requests.
      const to = normalizeRecipient(request.phone, 'sms', country);
      await countRequest(appId, settings, visitor.ip);
      const { locale } = localeOf(
        { ...visitor, locale: request.locale ?? visitor.locale },
        messenger,
      );
      const v = await verifications.start(
        { id: appId },
        { to, channel: 'sms', locale, clientIp: visitor.ip, metadata: { source: 'messenger' } },
        { settings },
      );
      const pass = sealGatePass(keyring, appId, {
        verificationId: v.id,
        name: request.name ?? null,
        email: request.email?.toLowerCase() ?? null,
        locale,
        expiresAt: v.expiresAt,
      });
      return { verification: verificationView(v), pass, passExpiresAt: v.expiresAt };
    },

    /** A new code for the visitor's verification; counts against the per-IP rule. */
    async resend(appId: string, id: string, sealed: string | undefined, visitor: Visitor) {
      const { settings } = await enabled(appId);
      passFor(appId, id, sealed);
      await countRequest(appId, settings, visitor.ip);
      const v = await verifications.resend(appId, id, { clientIp: visitor.ip, settings });
      return verificationView(v);
    },

    /**
     * Checks the visitor's code. A right one opens the conversation of the verified phone
     * (or returns to the open one); a wrong one is a value with the attempts left.
     */
    async check(
      appId: string,
      id: string,
      code: string,
      sealed: string | undefined,
      visitor: Visitor,
    ): Promise<{ outcome: CheckOutcome; conversation?: ConversationRecord }> {
      const { settings } = await enabled(appId);
      const pass = passFor(appId, id, sealed);
      const outcome = await verifications.check(appId, id, code, {
        clientIp: visitor.ip,
        settings,
      });
      if (!outcome.valid) return { outcome };
      const conversation = await openConversation(appId, {
        phone: outcome.verification.to,
        name: pass.name,
        email: pass.email,
        locale: pass.locale,
      });
      return { outcome, conversation };
    },

    /** Authentication `none`: the chat opens at once, with whatever the visitor gave. */
    async openWithoutCode(
      appId: string,
      request: { name?: string; email?: string; locale?: string },
      visitor: Visitor,
    ): Promise<ConversationRecord> {
      const { messenger } = await enabled(appId);
      mustBe(messenger, 'none');
      requireAsked(messenger, request);
      const { locale } = localeOf(
        { ...visitor, locale: request.locale ?? visitor.locale },
        messenger,
      );
      return openConversation(appId, {
        phone: null,
        name: request.name ?? null,
        email: request.email?.toLowerCase() ?? null,
        locale,
      });
    },

    /** 404 unless the app's messenger is on. */
    assertEnabled: async (appId: string) => {
      await enabled(appId);
    },
  };
}

export type GateService = ReturnType<typeof createGateService>;
