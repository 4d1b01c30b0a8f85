import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answer, startFakeGateway } from '../../../test/helpers/fake-gateway.ts';
import {
  accept,
  type FakeTwilio,
  hangUp,
  startFakeTwilio,
  twilioError,
} from '../../../test/helpers/fake-twilio.ts';
import { createLogger } from '../../observability/logger.ts';
import { createOutboundClient } from '../../outbound/guarded-client.ts';
import { twilioProvider } from '../adapters/twilio-provider.ts';
import { type OutboundMessage, ProviderError } from '../provider-ports.ts';

const ACCOUNT = `AC${'a1'.repeat(16)}`;
const TOKEN = 'tw-token-5f0c2e9d81b7a463';
const SERVICE = `MG${'b2'.repeat(16)}`;
const CODE = '730142';
const message: OutboundMessage = {
  appId: 'app_1',
  verificationId: 'ver_1',
  channel: 'sms',
  to: '+905551234567',
  body: `Your Shop code is ${CODE}. It expires in 10 minutes.`,
  locale: 'en',
  code: CODE,
  messageId: null,
};

const logLines: string[] = [];
const logger = createLogger(
  'trace',
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);
const outbound = createOutboundClient({ allowNetworks: ['127.0.0.0/8'], logger });

let twilio: FakeTwilio;
beforeAll(async () => {
  twilio = await startFakeTwilio({ [ACCOUNT]: TOKEN });
});
afterAll(() => twilio.close());
beforeEach(() => {
  twilio.posts.length = 0;
  twilio.behave(accept);
});

function provider(overrides: Record<string, unknown> = {}, deps = { outbound }) {
  const config = twilioProvider.configSchema.parse({
    name: 'tw',
    accountSid: ACCOUNT,
    authToken: TOKEN,
    from: '+15017122661',
    baseUrl: twilio.url,
    ...overrides,
  });
  return twilioProvider.create(config, deps);
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('the send succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const lastPost = () => {
  const post = twilio.posts.at(-1);
  if (!post) throw new Error('Twilio received nothing');
  return post;
};

describe('twilio provider against a fake Twilio', () => {
  it('creates a message with Basic auth and a form, and returns its sid', async () => {
    const receipt = await provider().send(message);
    expect(receipt.providerMessageId).toBe(twilio.sids.at(-1));
    expect(receipt.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    const post = lastPost();
    expect(post.accountSid).toBe(ACCOUNT);
    expect(post.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
    );
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post.headers.accept).toBe('application/json');
    expect(post.form).toEqual({ To: '+905551234567', From: '+15017122661', Body: message.body });
  });

  it('prefixes both addresses with whatsapp: on the whatsapp channel', async () => {
    await provider().send({ ...message, channel: 'whatsapp' });
    expect(lastPost().form).toMatchObject({
      To: 'whatsapp:+905551234567',
      From: 'whatsapp:+15017122661',
    });
  });

  it('sends through a Messaging Service instead of a number, with a status callback', async () => {
    const callback = 'https://otpd.example/v1/receipts/twilio/app_1';
    await provider({
      from: undefined,
      messagingServiceSid: SERVICE,
      statusCallback: callback,
    }).send({ ...message, channel: 'whatsapp' });
    expect(lastPost().form).toEqual({
      To: 'whatsapp:+905551234567',
      MessagingServiceSid: SERVICE,
      Body: message.body,
      StatusCallback: callback,
    });
  });

  it('accepts a baseUrl with a trailing slash', async () => {
    await provider({ baseUrl: `${twilio.url}/` }).send(message);
    expect(twilio.posts).toHaveLength(1);
  });

  describe('errors', () => {
    it.each([
      [400, 21211, 'twilio_21211'],
      [400, 21610, 'twilio_21610'],
      [400, 21408, 'twilio_21408'],
      [400, 21614, 'twilio_21614'],
      [404, 20404, 'twilio_20404'],
    ])('HTTP %i with Twilio code %i is final', async (status, code, expected) => {
      twilio.behave(twilioError(status, code, `The 'To' number ${message.to} is not valid`));
      const error = await failure(provider().send(message));
      expect(error).toMatchObject({ code: expected, retryable: false });
      // Twilio's own text quotes the number; the error keeps to a description.
      expect(error.message).not.toContain(message.to);
    });

    it.each([
      [429, 20429],
      [500, 20500],
      [503, 20503],
    ])('HTTP %i is retryable', async (status, code) => {
      twilio.behave(twilioError(status, code));
      const error = await failure(provider().send(message));
      expect(error).toMatchObject({ code: `twilio_${code}`, retryable: true });
    });

    it('a wrong auth token is final: the same credentials would fail again', async () => {
      const before = twilio.unauthorized;
      const error = await failure(provider({ authToken: 'wrong-token' }).send(message));
      expect(error).toMatchObject({ code: 'twilio_20003', retryable: false });
      expect(twilio.unauthorized).toBe(before + 1);
      expect(twilio.posts).toHaveLength(0);
    });

    it('a hanging Twilio times out, retryable', async () => {
      twilio.behave(hangUp);
      const error = await failure(provider({ timeoutMs: 200 }).send(message));
      expect(error).toMatchObject({ code: 'timeout', retryable: true });
    });

    it('a refused connection is retryable', async () => {
      const closed = await startFakeTwilio({});
      const url = closed.url;
      await closed.close();
      const error = await failure(provider({ baseUrl: url }).send(message));
      expect(error).toMatchObject({ code: 'connection_failed', retryable: true });
    });

    it.each([
      [502, 'http_502', true],
      [403, 'http_403', false],
    ])(
      'HTTP %i without a Twilio body (a proxy) is named by its status',
      async (status, code, retryable) => {
        const proxy = await startFakeGateway(answer(status, '<html>Bad</html>'));
        try {
          const error = await failure(provider({ baseUrl: proxy.url }).send(message));
          expect(error).toMatchObject({ code, retryable });
        } finally {
          await proxy.close();
        }
      },
    );

    it('a 201 without a readable sid is still sent, with no message id', async () => {
      const odd = await startFakeGateway(answer(201, 'created'));
      try {
        await expect(provider({ baseUrl: odd.url }).send(message)).resolves.toEqual({
          providerMessageId: null,
          response: { status: 201, body: 'created' },
        });
      } finally {
        await odd.close();
      }
    });

    it('an internal address is refused unless the operator allows it', async () => {
      const guarded = createOutboundClient({ allowNetworks: [], logger });
      const error = await failure(provider({}, { outbound: guarded }).send(message));
      expect(error).toMatchObject({ code: 'blocked_address', retryable: false });
    });
  });

  it('never logs the token, the code or the body', () => {
    const output = logLines.join('');
    expect(output).toContain('blocked'); // the guard did log something
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64'));
    expect(output).not.toContain(CODE);
    expect(output).not.toContain(message.to);
  });
});
