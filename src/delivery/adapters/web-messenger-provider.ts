import { z } from 'zod';
import type { ConversationInbox } from '../../messenger/conversation-inbox-ports.ts';
import { ProviderError, type ProviderPlugin } from '../provider-ports.ts';

const configSchema = z.object({}).strict();

interface WebMessengerDeps {
  conversations: ConversationInbox;
}

/**
 * otpd's own web messenger as a `messenger` channel provider: the destination (`to`, or
 * Diyalog's `customerNo`) is a conversation id, or the verified phone of the app's open
 * conversation, and the message appears in that chat at once — text, image, buttons, and a
 * code form filled with its code. Nothing leaves otpd, so there is nothing to configure.
 */
export const webMessengerProvider: ProviderPlugin<
  z.infer<typeof configSchema>,
  WebMessengerDeps
> = {
  metadata: {
    type: 'webMessenger',
    name: 'Web messenger',
    channels: ['messenger'],
    description:
      "Shows the message in an open chat of otpd's web messenger; `to` is the conversation " +
      "id or the verified phone (with or without +) of the app's open conversation.",
    destinationFields: [],
  },
  configSchema,
  create(_config, deps) {
    return {
      name: 'web-messenger',
      async send(message) {
        const outcome = await deps.conversations.deliver({
          appId: message.appId,
          verificationId: message.verificationId,
          to: message.to,
          text: message.body,
          // The code travels in the message, as it would in an SMS; never in a log (I6).
          code: message.code ? message.code : null,
          imageUrl: message.chat?.imageUrl ?? null,
          buttons: message.chat?.buttons ?? [],
          diyalogMessageId: message.chat ? (message.messageId ?? null) : null,
        });
        if (!outcome.delivered) {
          // A conversation never comes back once closed or unknown: trying again cannot help.
          throw new ProviderError(outcome.reason, false, `no open conversation: ${outcome.reason}`);
        }
        return { providerMessageId: outcome.messageId };
      },
    };
  },
};
