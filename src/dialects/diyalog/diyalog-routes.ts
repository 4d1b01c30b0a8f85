import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppService } from '../../apps/apps.ts';
import { admit, principalOf, requireScopes } from '../../http/auth.ts';
import { bodyProblemResponses, problemResponses, problems } from '../../http/schemas.ts';
import type { Clock } from '../../kernel/clock.ts';
import { OtpdError } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { AppSettings } from '../../settings/domain/settings.ts';
import { type ChatButton, chatCodeForm } from '../../verification/domain/chat-message.ts';
import type {
  VerificationService,
  VerificationSettings,
} from '../../verification/verifications.ts';
import type { DiyalogPostbacks } from '../diyalog-postbacks.ts';
import { signPayload } from '../domain/diyalog-signing.ts';
import {
  botParams,
  postbackAnswer,
  postbackBody,
  sendmokAnswer,
  sendmokBody,
} from './diyalog-schemas.ts';

export interface DiyalogRouteDeps {
  apps: Pick<AppService, 'authenticate'>;
  verifications: Pick<VerificationService, 'startChatMessage'>;
  postbacks: Pick<DiyalogPostbacks, 'press'>;
  settingsFor: (appId: string) => Promise<VerificationSettings & Pick<AppSettings, 'dialects'>>;
  clock: Clock;
}

/** The bot's access token in the path is one of the app's API keys. */
function requireBotToken(apps: Pick<AppService, 'authenticate'>) {
  return async (request: FastifyRequest) => {
    const token = (request.params as { botAccessToken?: string }).botAccessToken ?? '';
    const principal = await apps.authenticate(token);
    if (!principal) throw new OtpdError('invalid_api_key', 'the bot access token is unknown');
    admit(request, principal);
  };
}

/**
 * Diyalog's bot endpoints (`/diyalog/v1/bots/…`), mapped onto the native engine: sendmok
 * sends the app's own message over the `messenger` channel's providers through the outbox,
 * postback takes button presses back. Errors are native problems.
 */
export async function diyalogRoutes(app: FastifyInstance, deps: DiyalogRouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['diyalog'];
  // The bot access token in the path is the credential: no Authorization header.
  const security: [] = [];
  // onRequest: an unknown token learns nothing from validation errors.
  api.addHook('onRequest', requireBotToken(deps.apps));
  requireScopes(app);

  api.post('/v1/bots/sendmok/:botAccessToken', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'diyalogSendmok',
      summary: 'Send a chat message, with a code, image and buttons (Diyalog sendmok)',
      params: botParams,
      body: sendmokBody,
      response: {
        200: sendmokAnswer,
        ...problemResponses,
        ...bodyProblemResponses,
        ...problems(409),
      },
    },
    handler: async (request) => {
      const { app: owner } = principalOf(request);
      const body = request.body;
      const messageId = body.messageId ?? newId('chat', deps.clock.now());
      const settings = await deps.settingsFor(owner.id);
      const { secret } = settings.dialects.diyalog;
      const buttons = body.buttonsV2.map((b): ChatButton => {
        if (!b.payloadHidden) return { ...b, payloadSeenByUser: b.payloadSeenByUser ?? null };
        if (secret === null) {
          throw new OtpdError(
            'dialect_not_configured',
            'a hidden payload is signed with dialects.diyalog.secret, which the app has not set',
          );
        }
        return {
          ...b,
          payload: signPayload(secret, messageId, b.payload),
          payloadSeenByUser: b.payloadSeenByUser ?? null,
        };
      });
      const v = await deps.verifications.startChatMessage(
        owner,
        { to: body.customerNo, txCode: body.txCode, deviceId: body.deviceId, messageId },
        {
          code: body.mokValue,
          message: { text: body.mokMessage, imageUrl: body.imageUrl ?? null, buttons },
          codeForm:
            body.mokValue === undefined ? undefined : chatCodeForm(body.mokValue, body.buttonsV2),
        },
        { settings },
      );
      return { recipient_id: v.to, message_id: messageId, verification_id: v.id };
    },
  });

  api.post('/v1/bots/postback/:botAccessToken', {
    config: { scope: 'verifications' },
    schema: {
      tags,
      security,
      operationId: 'diyalogPostback',
      summary: 'Report a button press; a press of the code approves (Diyalog postback)',
      params: botParams,
      body: postbackBody,
      response: { 200: postbackAnswer, ...problemResponses, ...bodyProblemResponses },
    },
    handler: async (request) => {
      const { app: owner } = principalOf(request);
      const outcome = await deps.postbacks.press(owner.id, request.body);
      return { success: true as const, ...outcome };
    },
  });
}
