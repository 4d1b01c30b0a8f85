import type { SendGate } from '../abuse/send-gate.ts';
import type { Clock } from '../kernel/clock.ts';
import type { EmailRules } from '../kernel/email-address.ts';
import { newId } from '../kernel/ids.ts';
import { type Channel, normalizeRecipient } from '../kernel/recipients.ts';
import { createSecretMask, maskStrings } from '../settings/domain/secret-forms.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { generateCode } from '../verification/domain/codes.ts';
import { type GatewayResponse, type OutboundMessage, ProviderError } from './provider-ports.ts';

/** How much of a gateway's answer is shown: enough to read an error, not a whole page. */
export const MAX_SHOWN_BODY = 2_000;

export interface TestSendRequest {
  channel: Channel;
  to: string;
  country?: string;
}

export interface TestAttempt {
  provider: string;
  ok: boolean;
  latencyMs: number;
  /** The provider's stable error code, when it failed. */
  error?: string;
  /** What the failure means, in words that name no secret. */
  detail?: string;
  /** The gateway's answer (body truncated); null without one. Shown only through `shownAttempts`. */
  response: GatewayResponse | null;
}

export interface TestSendDeps {
  settings: Pick<SettingsService, 'get' | 'providersFor' | 'secretValues'>;
  clock: Clock;
  /** What email addresses the operator accepts beyond the usual grammar; default none. */
  emailRules?: EmailRules;
  /**
   * The checks and limits every send passes: a test message is a real one, so geo
   * permissions, the pumping guard and the send limits apply to it and count it (its
   * number is not looked up among the test numbers: it is sent like any other).
   */
  gate: Pick<SendGate, 'beforeSend'>;
}

/**
 * The attempts as the app may see them — the one place test-send output is made safe: every
 * form of every secret of the app (as is, URL-encoded, base64 also inside Basic credentials,
 * hex, JSON-escaped) masked in every text of every attempt (the gateway's answer, error
 * codes and details, and whatever an attempt carries later), then bodies cut short. Masking
 * comes first, so the cut never leaves part of a secret unmasked.
 */
export function shownAttempts(attempts: TestAttempt[], secrets: readonly string[]): TestAttempt[] {
  const masked = maskStrings(attempts, createSecretMask(secrets));
  return masked.map((attempt) => {
    const { response } = attempt;
    if (response === null || response.body.length <= MAX_SHOWN_BODY) return attempt;
    return {
      ...attempt,
      response: { ...response, body: `${response.body.slice(0, MAX_SHOWN_BODY)}…` },
    };
  });
}

/**
 * Sends one real message through an app's configured route for a channel, as the dispatcher
 * would — providers in order until one takes it — so an admin can try a configuration. The
 * code in it is fresh and stored nowhere; nothing is recorded as a verification or in the
 * message log. Each attempt comes back with the gateway's answer; none of it is logged (I6).
 */
export function createTestSend(deps: TestSendDeps) {
  const { settings, clock } = deps;
  return async function testSend(
    app: { id: string; name: string },
    request: TestSendRequest,
  ): Promise<{ attempts: TestAttempt[] }> {
    const { channel } = request;
    const appSettings = await settings.get(app.id);
    const to = normalizeRecipient(
      request.to,
      channel,
      request.country ?? appSettings.preferredCountry ?? undefined,
      deps.emailRules,
    );
    await deps.gate.beforeSend(app.id, appSettings, { to, channel });
    const providers = await settings.providersFor(app.id, channel);
    // Every secret of the app, not only the provider's: a gateway may echo anything it got.
    const secrets = await settings.secretValues(app.id);
    const code = generateCode(appSettings.verification.codeLength);
    const message = (makesCode: boolean): OutboundMessage => ({
      appId: app.id,
      verificationId: newId('tst', clock.now()),
      channel,
      to,
      body: makesCode
        ? ''
        : `${app.name}: test message from otpd. Sample code ${code}; it is valid for nothing.`,
      locale: appSettings.defaultLocale,
      code: makesCode ? undefined : code,
      appName: app.name,
    });
    const attempts: TestAttempt[] = [];
    for (const provider of providers) {
      const startedAt = clock.now();
      try {
        const receipt = await provider.send(message(provider.generatesCode === true));
        attempts.push({
          provider: provider.name,
          ok: true,
          latencyMs: Math.max(0, clock.now() - startedAt),
          response: receipt?.response ?? null,
        });
        break;
      } catch (error) {
        const failure =
          error instanceof ProviderError ? error : new ProviderError('provider_crashed', true);
        attempts.push({
          provider: provider.name,
          ok: false,
          latencyMs: Math.max(0, clock.now() - startedAt),
          error: failure.code,
          detail: failure.message,
          response: failure.response ?? null,
        });
      }
    }
    return { attempts: shownAttempts(attempts, secrets) };
  };
}

export type TestSend = ReturnType<typeof createTestSend>;
