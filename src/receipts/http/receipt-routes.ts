import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseForm } from '../../http/body-parsers.ts';
import { sendProblem } from '../../http/errors.ts';
import { problems } from '../../http/schemas.ts';
import { OtpdError } from '../../kernel/errors.ts';
import type { ReceiptSources } from '../receipt-sources.ts';

/** The header an http gateway may carry its receipt token in, instead of `?token=`. */
export const RECEIPT_TOKEN_HEADER = 'x-otpd-receipt-token';

const accepted = z
  .object({
    outcome: z
      .enum(['applied', 'unchanged', 'unknown_message', 'ignored'])
      .describe(
        '`applied`: the status moved; `unchanged`: recorded, status kept (duplicate or late); ' +
          '`unknown_message`: no such message of the app; `ignored`: a status otpd does not track',
      ),
  })
  .meta({ id: 'ReceiptAccepted' });

const responses = { 200: accepted, ...problems(400, 403, 413, 415, 500, 503) };

/**
 * Delivery receipts. Providers call these, so they sit outside the API-key scope: each is
 * authenticated by its provider's own means (Twilio's signature, a gateway's token), and
 * every receipt that passes is answered 200 so providers do not retry it forever.
 */
export async function receiptRoutes(
  app: FastifyInstance,
  deps: { sources: ReceiptSources; publicUrl?: string },
) {
  // Twilio posts forms; in this scope only, within the app's body limit.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, parseForm(body.toString())),
  );
  // Receipts come as forms too: say so when a body is neither. Other errors go up to the
  // app's handler.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code !== 'FST_ERR_CTP_INVALID_MEDIA_TYPE') throw error;
    return sendProblem(
      reply,
      new OtpdError(
        'unsupported_media_type',
        'send the receipt as application/json or application/x-www-form-urlencoded',
      ),
    );
  });
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['receipts'];

  /** The URL the provider called: OTPD_PUBLIC_URL's origin and prefix when set. */
  const calledUrl = (request: FastifyRequest) =>
    deps.publicUrl
      ? `${deps.publicUrl}${request.url}`
      : `${request.protocol}://${request.host}${request.url}`;

  api.post('/v1/receipts/twilio/:appId', {
    schema: {
      tags,
      security: [],
      operationId: 'twilioReceipt',
      summary: "Twilio's StatusCallback for messages an app sent through Twilio",
      description:
        'Set `statusCallback` of the twilio provider to this URL. Signed with the auth token of ' +
        "the app's twilio provider whose accountSid is the callback's AccountSid " +
        '(X-Twilio-Signature over OTPD_PUBLIC_URL, or the URL as requested, and the form).',
      params: z.object({ appId: z.string().min(1).max(100) }),
      body: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
      response: responses,
    },
    handler: async (request) => {
      const signature = request.headers['x-twilio-signature'];
      const outcome = await deps.sources.twilio(request.params.appId, {
        url: calledUrl(request),
        form: request.body,
        signature: typeof signature === 'string' ? signature : undefined,
      });
      return { outcome };
    },
  });

  api.post('/v1/receipts/http/:appId/:provider', {
    schema: {
      tags,
      security: [],
      operationId: 'httpReceipt',
      summary: "A gateway's delivery receipt, read with its http provider's `receipt` config",
      description:
        'JSON (or form fields). Authenticated by the `receipt.token` of the named http provider, ' +
        `sent as \`?token=\` or the \`${RECEIPT_TOKEN_HEADER}\` header.`,
      params: z.object({
        appId: z.string().min(1).max(100),
        provider: z.string().min(1).max(63),
      }),
      querystring: z.object({ token: z.string().max(256).optional() }),
      body: z.unknown(),
      response: responses,
    },
    handler: async (request) => {
      const header = request.headers[RECEIPT_TOKEN_HEADER];
      const outcome = await deps.sources.http(request.params.appId, request.params.provider, {
        body: request.body,
        token: request.query.token ?? (typeof header === 'string' ? header : undefined),
      });
      return { outcome };
    },
  });
}
