import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../http/auth.ts';
import {
  bodyProblemResponses,
  channelSchema,
  countrySchema,
  problemResponses,
} from '../../http/schemas.ts';
import type { TestSend } from '../test-send.ts';

export const testSendBody = z
  .object({
    channel: channelSchema.describe('The channel whose providers to try'),
    to: z
      .string()
      .min(1)
      .max(254)
      .describe('Phone number (E.164, or national with `country`) or email address'),
    country: countrySchema.optional(),
  })
  .strict();

export const testAttempt = z
  .object({
    provider: z.string().describe("The provider's name"),
    ok: z.boolean().describe('Whether it took the message'),
    latencyMs: z.number().int(),
    error: z.string().optional().describe("The provider's stable error code, when it failed"),
    detail: z.string().optional(),
    response: z
      .object({
        status: z.number().int(),
        body: z.string().describe("Truncated to 2000 characters; the app's secrets masked"),
      })
      .nullable()
      .describe("The gateway's answer; null when there was none (timeout, sandbox, SMTP)"),
  })
  .meta({ id: 'TestSendAttempt' });

/** Trying the app's saved delivery route with one real message. */
export async function testSendRoutes(app: FastifyInstance, deps: { testSend: TestSend }) {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/settings/test-send', {
    config: { scope: 'settings:write' },
    schema: {
      tags: ['settings'],
      security: [{ bearerAuth: [] }],
      operationId: 'testSend',
      summary: "Send one test message through the channel's configured providers",
      description:
        'Tries the providers in order, as a delivery would, until one takes the message, and ' +
        "answers each attempt with the gateway's answer (secrets masked). The message carries a " +
        'fresh sample code that is stored nowhere; nothing is recorded as a verification or in ' +
        'the message log. A sender that makes its own code is asked to make one.',
      body: testSendBody,
      response: {
        200: z.object({ attempts: z.array(testAttempt) }),
        ...problemResponses,
        ...bodyProblemResponses,
      },
    },
    handler: async (request) => {
      const { app } = principalOf(request);
      const outcome = await deps.testSend(app, request.body);
      request.log.info(
        {
          appId: app.id,
          channel: request.body.channel,
          attempts: outcome.attempts.map((a) => ({
            provider: a.provider,
            ok: a.ok,
            error: a.error,
          })),
        },
        'test message sent',
      );
      return outcome;
    },
  });
}
