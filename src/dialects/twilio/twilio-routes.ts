import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppService } from '../../apps/apps.ts';
import { principalOf, requireScopes } from '../../http/auth.ts';
import { parseFlatForm } from '../../http/body-parsers.ts';
import { unroutedError } from '../../http/route-methods.ts';
import type { Clock } from '../../kernel/clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { Logger } from '../../observability/logger.ts';
import type { SettingsService } from '../../settings/settings-service.ts';
import type { CheckOutcome } from '../../verification/domain/verification.ts';
import { effectiveStatus } from '../../verification/domain/verification.ts';
import type { VerificationService } from '../../verification/verifications.ts';
import type { AppDialectIds } from '../domain/dialect-ids.ts';
import { nativeVerificationId } from './sids.ts';
import { requireTwilioAuth } from './twilio-auth.ts';
import {
  sendTwilioError,
  type TwilioContext,
  TwilioError,
  toTwilioError,
  twilioInvalid,
  twilioNotFound,
} from './twilio-errors.ts';
import { toStartRequest } from './twilio-requests.ts';
import {
  checkForm,
  createVerificationForm,
  serviceParams,
  twilioCheck,
  twilioErrors,
  twilioVerification,
  updateVerificationForm,
  verificationParams,
} from './twilio-schemas.ts';
import { twilioCheckView, twilioVerificationView } from './twilio-views.ts';

export interface TwilioRouteDeps {
  apps: Pick<AppService, 'authenticate'>;
  verifications: VerificationService;
  settings: Pick<SettingsService, 'get'>;
  clock: Clock;
  logger: Logger;
}

/** Which limit a refusal names: sends on create, checks on VerificationCheck. */
function contextOf(request: FastifyRequest): TwilioContext {
  const url = request.routeOptions.url ?? '';
  if (url.endsWith('/VerificationCheck')) return 'check';
  if (request.method === 'POST' && url.endsWith('/Verifications')) return 'send';
  return 'other';
}

/** Twilio Verify v2, mounted under a prefix (`/twilio`): a translation onto the native service. */
export async function twilioRoutes(app: FastifyInstance, deps: TwilioRouteDeps) {
  const { verifications, clock, logger } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['twilio'];
  const security = [{ basicAuth: [] }];
  const consumes = ['application/x-www-form-urlencoded'];

  // Twilio's clients send forms; only this scope parses them (the native API stays JSON).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, parseFlatForm(String(body))),
  );
  app.setErrorHandler((error, request, reply) =>
    sendTwilioError(reply, toTwilioError(error, contextOf(request), logger, request)),
  );
  app.setNotFoundHandler((request, reply) => {
    const unrouted = unroutedError(request);
    const error =
      unrouted.code === 'route_not_found'
        ? twilioNotFound(`${request.method} ${request.url.split('?')[0]}`)
        : toTwilioError(unrouted, 'other', logger, request);
    return sendTwilioError(reply, error);
  });
  app.addHook('onRequest', requireTwilioAuth(deps.apps));
  requireScopes(app);

  /** The app's identities, when the path names its service; any other service is absent. */
  function serviceOf(request: FastifyRequest, serviceSid: string): AppDialectIds {
    const ids = principalOf(request).app.dialects;
    if (!ids || ids.twilioServiceSid !== serviceSid) {
      throw twilioNotFound(`no service ${serviceSid}`);
    }
    return ids;
  }

  /** Where this API is reached, as the client called it (prefix or dialect host). */
  function baseUrl(request: FastifyRequest): string {
    const path = request.originalUrl.split('?')[0] ?? '';
    return `${request.protocol}://${request.host}${path.slice(0, path.indexOf('/v2/'))}`;
  }

  /**
   * A pending verification of the app, named by its SID or, as Twilio allows, by its `To`
   * (the destination's newest). Twilio forgets finished ones, so they are 404.
   */
  async function pending(appId: string, sidOrTo: string) {
    const missing = () => twilioNotFound('no such pending verification');
    const id = sidOrTo.startsWith('VE') ? nativeVerificationId(sidOrTo) : undefined;
    if (sidOrTo.startsWith('VE') && !id) throw missing();
    const found = id
      ? verifications.get(appId, id)
      : verifications.latestOf(appId, { to: sidOrTo });
    const v = await found.catch((error: unknown) => {
      throw error instanceof OtpdError && error.code === 'verification_not_found'
        ? missing()
        : error;
    });
    if (effectiveStatus(v, clock.now()).status !== 'pending') throw missing();
    return v;
  }

  api.post('/v2/Services/:ServiceSid/Verifications', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'twilioCreateVerification',
      summary: 'Start a verification (Twilio Verify v2)',
      consumes,
      params: serviceParams,
      body: createVerificationForm,
      response: { 201: twilioVerification, ...twilioErrors },
    },
    handler: async (request, reply) => {
      const ids = serviceOf(request, request.params.ServiceSid);
      const { app: owner } = principalOf(request);
      const settings = await deps.settings.get(owner.id);
      const v = await verifications.start(owner, toStartRequest(request.body, settings), {
        settings,
      });
      reply.status(201);
      return twilioVerificationView(v, ids, clock.now(), baseUrl(request));
    },
  });

  api.get('/v2/Services/:ServiceSid/Verifications/:Sid', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'twilioFetchVerification',
      summary: 'Fetch a pending verification (404 once it is finished, as with Twilio)',
      params: verificationParams,
      response: { 200: twilioVerification, ...twilioErrors },
    },
    handler: async (request) => {
      const ids = serviceOf(request, request.params.ServiceSid);
      const v = await pending(principalOf(request).app.id, request.params.Sid);
      return twilioVerificationView(v, ids, clock.now(), baseUrl(request));
    },
  });

  api.post('/v2/Services/:ServiceSid/Verifications/:Sid', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'twilioUpdateVerification',
      summary: 'Cancel (`Status=canceled`) or approve (`Status=approved`) a pending verification',
      consumes,
      params: verificationParams,
      body: updateVerificationForm,
      response: { 200: twilioVerification, ...twilioErrors },
    },
    handler: async (request) => {
      const ids = serviceOf(request, request.params.ServiceSid);
      const appId = principalOf(request).app.id;
      const { Status } = request.body;
      if (Status !== 'canceled' && Status !== 'approved') {
        throw twilioInvalid('Status must be canceled or approved');
      }
      const v = await pending(appId, request.params.Sid);
      // Twilio lets an app approve a verification it confirmed another way (its own
      // custom code, a call): the verification ends approved and `verification.approved` fires.
      const done =
        Status === 'approved'
          ? await verifications.approve(appId, v.id)
          : await verifications.cancel(appId, v.id);
      return twilioVerificationView(done, ids, clock.now(), baseUrl(request));
    },
  });

  api.post('/v2/Services/:ServiceSid/VerificationCheck', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'twilioCreateVerificationCheck',
      summary: 'Check a code by `To` (newest verification) or by `VerificationSid`',
      consumes,
      params: serviceParams,
      body: checkForm,
      response: { 200: twilioCheck, ...twilioErrors },
    },
    handler: async (request) => {
      const ids = serviceOf(request, request.params.ServiceSid);
      const appId = principalOf(request).app.id;
      const { Code, To, VerificationSid, Amount, Payee } = request.body;
      if (!Code) throw twilioInvalid('Code is required');
      const target = VerificationSid ?? To;
      if (target && (Amount !== undefined || Payee !== undefined)) {
        // PSD2 dynamic linking: a code approves only the transaction it was sent for. Another
        // amount or payee is a wrong answer that compares no code and spends no attempt.
        const v = await pending(appId, target);
        if (v.metadata?.amount !== Amount || v.metadata?.payee !== Payee) {
          return twilioCheckView({ verification: v, valid: false, reason: null }, ids, clock.now());
        }
      }
      let outcome: CheckOutcome;
      if (VerificationSid) {
        const id = nativeVerificationId(VerificationSid);
        if (!id) throw twilioNotFound(`no verification ${VerificationSid}`);
        outcome = await verifications.check(appId, id, Code);
      } else if (To) {
        outcome = await verifications.checkDestination(appId, { to: To, code: Code });
      } else {
        throw twilioInvalid('either To or VerificationSid must be specified');
      }
      return checkAnswer(outcome, ids);
    },
  });

  /**
   * Twilio's answer to a check: 200 for every code it compared — the wrong code that spends
   * the last attempt included, still `pending` as Twilio shows it — and 60202 only for a
   * check after the budget is spent.
   */
  function checkAnswer(outcome: CheckOutcome, ids: AppDialectIds) {
    if (outcome.valid || outcome.reason === 'incorrect_code') {
      return twilioCheckView(outcome, ids, clock.now());
    }
    if (outcome.reason === 'max_attempts_reached' && outcome.counted) {
      return { ...twilioCheckView(outcome, ids, clock.now()), status: 'pending' };
    }
    if (outcome.reason === 'max_attempts_reached') throw new TwilioError(60202, 429);
    throw twilioNotFound('the verification is finished');
  }
}
