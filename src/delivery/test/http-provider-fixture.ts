import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type FakeGateway, startFakeGateway, succeed } from '../../../test/helpers/fake-gateway.ts';
import { createLogger } from '../../observability/logger.ts';
import { createOutboundClient } from '../../outbound/guarded-client.ts';
import { httpProvider } from '../adapters/http-provider.ts';
import { type OutboundMessage, ProviderError } from '../provider-ports.ts';

/* What the http-provider-*.test.ts files share: the message, a fake gateway and a logger. */

export const CODE = '482913';
export const API_KEY = 'live-key-7c1f';
export const message: OutboundMessage = {
  appId: 'app_1',
  verificationId: 'ver_1',
  channel: 'sms',
  to: '+905551234567',
  body: `Your Shop code is ${CODE}. It expires in 10 minutes.`,
  locale: 'tr',
  code: CODE,
  messageId: 'order-42',
};

/**
 * A fake gateway that succeeds unless told otherwise, started before the calling file's tests,
 * handed to `bind`, emptied before each and closed after; `provider` builds an http provider
 * that sends to it.
 */
export function useHttpGateway(bind: (gateway: FakeGateway) => void) {
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

  let gateway: FakeGateway;
  beforeAll(async () => {
    gateway = await startFakeGateway();
    bind(gateway);
  });
  afterAll(() => gateway.close());
  beforeEach(() => {
    gateway.requests.length = 0;
    gateway.behave(succeed);
  });

  function provider(overrides: Record<string, unknown> = {}, deps = { outbound }) {
    const { request, ...rest } = overrides;
    const config = httpProvider.configSchema.parse({
      name: 'gw-a',
      request: {
        url: `${gateway.url}/send?key={{apiKey}}`,
        headers: { Authorization: 'Bearer {{apiKey}}' },
        body: { to: '{{to}}', text: '{{message}}' },
        ...(request as object),
      },
      vars: { apiKey: API_KEY },
      ...rest,
    });
    return httpProvider.create(config, deps);
  }

  const sent = () => {
    const request = gateway.requests.at(-1);
    if (!request) throw new Error('the gateway received nothing');
    return request;
  };

  return {
    logLines,
    logger,
    outbound,
    provider,
    sent,
  };
}

export async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('the send succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
