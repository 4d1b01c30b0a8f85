import { describe, expect, it } from 'vitest';
import type { ConversationInbox, InboxMessage } from '../../messenger/conversation-inbox-ports.ts';
import { webMessengerProvider } from '../adapters/web-messenger-provider.ts';
import { ProviderError } from '../provider-ports.ts';

/** An inbox that keeps what it is given and answers `outcome`. */
function inbox(outcome: Awaited<ReturnType<ConversationInbox['deliver']>>) {
  const given: InboxMessage[] = [];
  const port: ConversationInbox = {
    deliver: async (message) => {
      given.push(message);
      return outcome;
    },
  };
  return { given, port };
}

const base = {
  appId: 'app_1',
  verificationId: 'ver_1',
  channel: 'messenger' as const,
  to: 'conv_1',
  locale: 'en',
};

describe('web messenger provider', () => {
  it('hands a sendmok message over whole: text, code, image, buttons and its Diyalog id', async () => {
    const { given, port } = inbox({ delivered: true, messageId: 'cmsg_1' });
    const provider = webMessengerProvider.create({}, { conversations: port });
    const buttons = [
      {
        type: 'postback' as const,
        title: 'Not me',
        payload: 'deny.5f',
        payloadHidden: true,
        payloadSeenByUser: null,
      },
    ];
    const receipt = await provider.send({
      ...base,
      body: 'Your code is 482913',
      code: '482913',
      messageId: 'otp-1',
      chat: { imageUrl: 'https://cdn.example.com/otp.png', buttons },
    });
    expect(receipt).toEqual({ providerMessageId: 'cmsg_1' });
    expect(given).toEqual([
      {
        appId: 'app_1',
        verificationId: 'ver_1',
        to: 'conv_1',
        text: 'Your code is 482913',
        code: '482913',
        imageUrl: 'https://cdn.example.com/otp.png',
        buttons,
        diyalogMessageId: 'otp-1',
      },
    ]);
  });

  it('gives a native message no Diyalog id, and a chat message without a code no code', async () => {
    const { given, port } = inbox({ delivered: true, messageId: 'cmsg_2' });
    const provider = webMessengerProvider.create({}, { conversations: port });
    await provider.send({ ...base, body: 'Code 1234', code: '1234', messageId: 'mine' });
    await provider.send({
      ...base,
      body: 'Hello',
      code: '',
      messageId: 'otp-2',
      chat: { imageUrl: null, buttons: [] },
    });
    expect(given.map((m) => [m.code, m.diyalogMessageId])).toEqual([
      ['1234', null],
      [null, 'otp-2'],
    ]);
  });

  it('fails for good when the conversation is unknown or closed', async () => {
    for (const reason of ['unknown_conversation', 'conversation_closed'] as const) {
      const { port } = inbox({ delivered: false, reason });
      const provider = webMessengerProvider.create({}, { conversations: port });
      const failure = await provider.send({ ...base, body: 'Code 1234', code: '1234' }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ProviderError);
      expect(failure).toMatchObject({ code: reason, retryable: false });
      expect(String((failure as Error).message)).not.toContain('1234');
    }
  });

  it('delivers only the messenger channel and has nothing to configure', () => {
    expect(webMessengerProvider.metadata.channels).toEqual(['messenger']);
    expect(() => webMessengerProvider.configSchema.parse({ url: 'x' })).toThrow();
  });
});
