import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../http/auth.ts';
import { clientAddress } from '../../http/client-address.ts';
import { runIdempotent } from '../../http/idempotency.ts';
import {
  bodyProblemResponses,
  checkBody,
  checkByDestinationBody,
  checkView as checkSchema,
  idParams,
  problemResponses,
  problems,
  resendBody,
  startBody,
  verificationView as verificationSchema,
} from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { IdempotencyStore } from '../../ports/idempotency-store.ts';
import type { VerificationService } from '../verifications.ts';
import { checkView, verificationView } from './verification-views.ts';

export interface VerificationRouteDeps {
  verifications: VerificationService;
  store: Pick<
    IdempotencyStore,
    'claimIdempotencyKey' | 'completeIdempotencyKey' | 'releaseIdempotencyKey'
  >;
  clock: Clock;
}

const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .describe('Replays the first response for a repeated request'),
});

/** The native verification API: start, read, check, resend, cancel. */
export async function verificationRoutes(app: FastifyInstance, deps: VerificationRouteDeps) {
  const { verifications, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['verifications'];
  const security = [{ bearerAuth: [] }];

  api.post('/v1/verifications', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'startVerification',
      summary: 'Start a verification: generate a code and queue its delivery',
      headers: idempotencyHeader,
      body: startBody,
      response: {
        201: verificationSchema,
        ...problemResponses,
        ...bodyProblemResponses,
        ...problems(403, 409, 422),
      },
    },
    handler: async (request, reply) => {
      const { app: owner } = principalOf(request);
      await runIdempotent(deps, owner.id, request, reply, async () => {
        const clientIp = clientAddress(request, request.body.clientIp);
        const v = await verifications.start(owner, { ...request.body, clientIp });
        return { statusCode: 201, body: verificationView(v, clock.now()) };
      });
    },
  });

  api.get('/v1/verifications/:id', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'getVerification',
      summary: 'Read a verification, finished or not',
      params: idParams,
      response: { 200: verificationSchema, ...problemResponses },
    },
    handler: async (request) => {
      const v = await verifications.get(principalOf(request).app.id, request.params.id);
      return verificationView(v, clock.now());
    },
  });

  api.post('/v1/verifications/check', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'checkVerificationByDestination',
      summary: "Check a code against the destination's newest verification",
      headers: idempotencyHeader,
      body: checkByDestinationBody,
      response: {
        200: checkSchema,
        ...problemResponses,
        ...bodyProblemResponses,
        ...problems(409, 422),
      },
    },
    handler: async (request, reply) => {
      const appId = principalOf(request).app.id;
      await runIdempotent(deps, appId, request, reply, async () => {
        const clientIp = clientAddress(request, request.body.clientIp);
        const outcome = await verifications.checkDestination(appId, { ...request.body, clientIp });
        return { statusCode: 200, body: checkView(outcome, clock.now()) };
      });
    },
  });

  api.post('/v1/verifications/:id/check', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'checkVerification',
      summary: 'Check a code; every business outcome answers 200 with `valid` and `reason`',
      headers: idempotencyHeader,
      params: idParams,
      body: checkBody,
      response: {
        200: checkSchema,
        ...problemResponses,
        ...bodyProblemResponses,
        ...problems(409, 422),
      },
    },
    handler: async (request, reply) => {
      const appId = principalOf(request).app.id;
      await runIdempotent(deps, appId, request, reply, async () => {
        const { code } = request.body;
        const clientIp = clientAddress(request, request.body.clientIp);
        const outcome = await verifications.check(appId, request.params.id, code, { clientIp });
        return { statusCode: 200, body: checkView(outcome, clock.now()) };
      });
    },
  });

  api.post('/v1/verifications/:id/resend', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'resendVerification',
      summary: 'Send a new code; the previous one stops working, the attempt budget carries over',
      params: idParams,
      body: resendBody,
      response: {
        200: verificationSchema,
        ...problemResponses,
        ...bodyProblemResponses,
        ...problems(403, 409),
      },
    },
    handler: async (request) => {
      const appId = principalOf(request).app.id;
      const clientIp = clientAddress(request, request.body?.clientIp);
      const v = await verifications.resend(appId, request.params.id, { clientIp });
      return verificationView(v, clock.now());
    },
  });

  api.post('/v1/verifications/:id/cancel', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'cancelVerification',
      summary: 'Cancel a pending verification',
      params: idParams,
      response: {
        200: verificationSchema,
        ...problemResponses,
        ...bodyProblemResponses,
        ...problems(409),
      },
    },
    handler: async (request) => {
      const v = await verifications.cancel(principalOf(request).app.id, request.params.id);
      return verificationView(v, clock.now());
    },
  });
}
