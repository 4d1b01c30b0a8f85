import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppService } from '../../apps/apps.ts';
import { principalOf, requireScopes } from '../../http/auth.ts';
import { sendProblem, toOtpdError } from '../../http/errors.ts';
import { unroutedError } from '../../http/route-methods.ts';
import { problems } from '../../http/schemas.ts';
import type { Logger } from '../../observability/logger.ts';
import type { VerificationService } from '../../verification/verifications.ts';
import { newBeemVerificationId, pinIdOf, verificationIdOfPin } from '../domain/beem-pin-ids.ts';
import { requireBeemAuth } from './beem-auth.ts';
import { type BeemCode, beemMessage, CHECK_CODES, ERROR_CODES } from './beem-messages.ts';

export interface BeemRouteDeps {
  apps: Pick<AppService, 'authenticate'>;
  verifications: VerificationService;
  logger: Logger;
}

const scalar = z.union([z.string().max(64), z.number()]);
/** Long enough that any pin or pin id a person or client sends is read, not refused. */
const typed = z.union([z.string().max(1_024), z.number()]);
const requestBody = z
  .object({
    appId: scalar.optional().describe("The app's numeric Beem id (number or string)"),
    msisdn: scalar.optional().describe('International digits without `+`, e.g. 255712345678'),
  })
  .nullish();
const verifyBody = z
  .object({
    pinId: z.string().max(1_024).optional().describe('The `pinId` (a UUID) the request answered'),
    pin: typed.optional().describe('The code the user typed (a string keeps leading zeros)'),
  })
  .nullish();
const message = z.object({ code: z.number().int(), message: z.string() });
const requestAnswer = z.object({
  data: z.object({
    pinId: z.uuid().optional().describe('A UUID naming the PIN, for the verify call'),
    message,
  }),
});
const verifyAnswer = z
  .object({ data: z.object({ message }) })
  .meta({ id: 'BeemResult', description: "A result in Beem's shape: its code and message" });
/** Beem's answers to what it refuses; server failures stay problems, for clients to retry. */
const errors = {
  400: verifyAnswer,
  401: verifyAnswer,
  413: verifyAnswer,
  415: verifyAnswer,
  ...problems(500, 503),
};

const present = (v: string | number | undefined) => v !== undefined && String(v).trim() !== '';
const answer = (code: BeemCode) => ({ data: { message: beemMessage(code) } });

/** Beem OTP, mounted under a prefix (`/beem`): a translation onto the native service. */
export async function beemRoutes(app: FastifyInstance, deps: BeemRouteDeps) {
  const { verifications, logger } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['beem'];
  const security = [{ basicAuth: [] }];

  function sendBeemError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    const native = toOtpdError(error as FastifyError, logger, request);
    const mapped = ERROR_CODES[native.code];
    if (!mapped) return sendProblem(reply, native);
    const onVerify = request.url.split('?')[0]?.endsWith('/verify') ?? false;
    const [onRequestCode, onVerifyCode, status] = mapped;
    if (native.extra.retryAfterMs !== undefined) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(native.extra.retryAfterMs / 1000))));
    }
    if (status === 401) reply.header('www-authenticate', 'Basic realm="otpd"');
    if (native.extra.allow) reply.header('allow', native.extra.allow.join(', '));
    return reply.status(status).send(answer(onVerify ? onVerifyCode : onRequestCode));
  }
  app.setErrorHandler((error, request, reply) => sendBeemError(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendBeemError(unroutedError(request), request, reply));
  app.addHook('onRequest', requireBeemAuth(deps.apps));
  requireScopes(app);

  for (const base of ['/v1', '/api/v1']) {
    api.post(`${base}/request`, {
      config: { scope: 'verifications' },
      schema: {
        tags,
        security,
        operationId: base === '/v1' ? 'beemRequest' : 'beemApiRequest',
        summary: 'Send a PIN by SMS; every business outcome answers 200 with a Beem code',
        body: requestBody,
        response: { 200: requestAnswer, ...errors },
      },
      handler: async (request) => {
        const { app: owner } = principalOf(request);
        const { appId, msisdn } = request.body ?? {};
        if (!present(appId)) return answer(104);
        if (String(appId).trim() !== String(owner.dialects?.beemAppId)) return answer(106);
        if (!present(msisdn)) return answer(103);
        const digits = String(msisdn).trim().replace(/^\+/, '');
        if (!/^[1-9]\d{5,14}$/.test(digits)) return answer(102);
        const v = await verifications.start(
          owner,
          { to: `+${digits}`, channel: 'sms' },
          { makeId: newBeemVerificationId },
        );
        return { data: { pinId: pinIdOf(v.id) ?? v.id, message: beemMessage(100) } };
      },
    });

    api.post(`${base}/verify`, {
      config: { scope: 'verifications' },
      schema: {
        tags,
        security,
        operationId: base === '/v1' ? 'beemVerify' : 'beemApiVerify',
        summary: 'Check a PIN; every business outcome answers 200 with a Beem code',
        body: verifyBody,
        response: { 200: verifyAnswer, ...errors },
      },
      handler: async (request) => {
        const appId = principalOf(request).app.id;
        const { pinId, pin } = request.body ?? {};
        if (!present(pinId)) return answer(112);
        if (!present(pin)) return answer(111);
        const id = verificationIdOfPin(String(pinId).trim());
        if (id === undefined) return answer(113);
        const outcome = await verifications.check(appId, id, String(pin).trim());
        return answer(CHECK_CODES[outcome.valid ? 'approved' : (outcome.reason ?? 'failed')]);
      },
    });
  }
}
