import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DirectSend, DirectSendOutcome } from '../../delivery/direct-send.ts';
import type { Provider } from '../../delivery/provider-ports.ts';
import { principalOf } from '../../http/auth.ts';
import { unroutedError } from '../../http/route-methods.ts';
import type { Clock } from '../../kernel/clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Keyring } from '../../ports/keyring.ts';
import type { AppSettings } from '../../settings/domain/settings.ts';
import type { CheckOutcome } from '../../verification/domain/verification.ts';
import { checkView } from '../../verification/http/verification-views.ts';
import type {
  VerificationService,
  VerificationSettings,
} from '../../verification/verifications.ts';
import { convertalkErrors, sendConvertalkError } from './convertalk-errors.ts';
import {
  sendOtpAnswer,
  sendOtpBody,
  verifyOtpAnswer,
  verifyOtpBody,
} from './convertalk-schemas.ts';
import { openSystemOtp, sealSystemOtp } from './system-otp.ts';
import { convertalkRecipient } from './to-number.ts';

/** A Twilio sender built for one request from the credentials it brought. */
export interface RequestTwilio {
  accountSid: string;
  authToken: string;
  from: string;
  baseUrl: string;
}

export interface ConvertalkRouteDeps {
  sendDirect: DirectSend;
  verifications: Pick<VerificationService, 'check'>;
  keyring: Pick<Keyring, 'encrypt' | 'decrypt'>;
  settingsFor: (appId: string) => Promise<VerificationSettings & Pick<AppSettings, 'dialects'>>;
  /** Builds the Twilio provider for one request; it goes through the outbound guard. */
  twilioFor: (config: RequestTwilio) => Provider;
  clock: Clock;
  logger: Logger;
}

/** Every error a Convertalk route may answer, beyond 403 on send. */
const errors = convertalkErrors(400, 401, 404, 413, 415, 429, 500, 503);

function sendMessage(outcome: DirectSendOutcome): string {
  switch (outcome.status) {
    case 'sent':
      return 'The code was sent by SMS.';
    case 'test':
      return 'A test number: no SMS was sent; its fixed code works.';
    case 'failed':
      return `The code could not be sent: ${outcome.detail}`;
  }
}

function verifyMessage(outcome: CheckOutcome, attemptsRemaining: number): string {
  if (outcome.valid) return 'The code is correct.';
  switch (outcome.reason) {
    case 'incorrect_code':
      return `The code is wrong; ${attemptsRemaining} attempt${attemptsRemaining === 1 ? '' : 's'} left.`;
    case 'max_attempts_reached':
      return 'Too many wrong codes; request a new one.';
    case 'expired':
      return 'The code has expired; request a new one.';
    case 'already_approved':
      return 'The code was already used.';
    case 'canceled':
      return 'The code was replaced by a newer one or canceled; use the newest.';
    default:
      return 'The code could not be delivered; request a new one.';
  }
}

/**
 * Convertalk's chatbot endpoints (`/convertalk/integrations/custom-feature/…`), mapped onto
 * the native engine. The send is at most once: Twilio's credentials come with the request
 * and may not be kept, so the code cannot wait in the outbox for the dispatcher.
 */
export async function convertalkRoutes(app: FastifyInstance, deps: ConvertalkRouteDeps) {
  const { sendDirect, verifications, keyring, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['convertalk'];
  const security = [{ bearerAuth: [] }];
  app.setErrorHandler((error, request, reply) =>
    sendConvertalkError(error, request, reply, deps.logger),
  );
  app.setNotFoundHandler((request, reply) =>
    sendConvertalkError(unroutedError(request), request, reply, deps.logger),
  );

  api.post('/integrations/custom-feature/send-otp-sms', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'convertalkSendOtpSms',
      summary: 'Send a code by SMS through Twilio with the credentials given (Convertalk)',
      body: sendOtpBody,
      response: {
        200: sendOtpAnswer,
        ...errors,
        ...convertalkErrors(403),
      },
    },
    handler: async (request) => {
      const { app: owner } = principalOf(request);
      const { accountSID, authToken, fromNumber, toNumber } = request.body;
      const settings = await deps.settingsFor(owner.id);
      const { twilioBaseUrl, systemOtp } = settings.dialects.convertalk;
      const twilio = deps.twilioFor({
        accountSid: accountSID,
        authToken,
        from: fromNumber,
        baseUrl: twilioBaseUrl,
      });
      const to = convertalkRecipient(toNumber, settings.preferredCountry);
      const outcome = await sendDirect(owner, { to, channel: 'sms' }, twilio, { settings });
      const v = outcome.verification;
      return {
        success: outcome.status !== 'failed',
        status: outcome.status === 'failed' ? ('failed' as const) : ('sent' as const),
        message: sendMessage(outcome),
        systemOtp: systemOtp === 'code' ? outcome.code : sealSystemOtp(keyring, owner.id, v.id),
        verificationId: v.id,
        expiresAt: new Date(v.expiresAt).toISOString(),
        ...(outcome.status === 'failed' ? { errorCode: outcome.errorCode } : {}),
      };
    },
  });

  api.post('/integrations/custom-feature/verify-user-otp', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'convertalkVerifyUserOtp',
      summary: 'Check the code a person typed against a systemOtp (Convertalk)',
      body: verifyOtpBody,
      response: { 200: verifyOtpAnswer, ...errors },
    },
    handler: async (request) => {
      const appId = principalOf(request).app.id;
      const { systemOtp, userOtp } = request.body;
      const invalid = {
        success: false,
        verified: false,
        status: 'invalid_system_otp' as const,
        attemptsRemaining: 0,
        message: 'systemOtp is not one this app was given by send-otp-sms.',
      };
      const id = openSystemOtp(keyring, appId, systemOtp);
      if (id === undefined) return invalid;
      let outcome: CheckOutcome;
      try {
        outcome = await verifications.check(appId, id, userOtp);
      } catch (error) {
        // Purged after its retention: as unknown as a made-up reference.
        if (error instanceof OtpdError && error.code === 'verification_not_found') return invalid;
        throw error;
      }
      const view = checkView(outcome, clock.now());
      return {
        success: true,
        verified: view.valid,
        status: view.status,
        attemptsRemaining: view.attemptsRemaining,
        message: verifyMessage(outcome, view.attemptsRemaining),
      };
    },
  });
}
