import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpProvider } from '../../src/delivery/adapters/http-provider.ts';
import { type OutboundMessage, ProviderError } from '../../src/delivery/provider-ports.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { createOutboundClient } from '../../src/outbound/guarded-client.ts';
import {
  answer,
  type FakeGateway,
  hang,
  startFakeGateway,
  succeed,
} from '../helpers/fake-gateway.ts';

const CODE = '482913';
const API_KEY = 'live-key-7c1f';
const message: OutboundMessage = {
  appId: 'app_1',
  verificationId: 'ver_1',
  channel: 'sms',
  to: '+905551234567',
  body: `Your Shop code is ${CODE}. It expires in 10 minutes.`,
  locale: 'tr',
  code: CODE,
  messageId: 'order-42',
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

let gateway: FakeGateway;
beforeAll(async () => {
  gateway = await startFakeGateway();
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

const sent = () => {
  const request = gateway.requests.at(-1);
  if (!request) throw new Error('the gateway received nothing');
  return request;
};

describe('http provider against a fake gateway', () => {
  it('posts JSON with every placeholder filled, and returns the gateway message id', async () => {
    const gw = provider({
      request: {
        url: `${gateway.url}/send?key={{apiKey}}&ref={{messageId}}`,
        headers: { Authorization: 'Bearer {{apiKey}}', 'X-Locale': '{{locale}}' },
        body: {
          to: '{{to}}',
          msisdn: '{{toDigits}}',
          text: '{{message}}',
          otp: {
            code: '{{code}}',
            ref: '{{verificationId}}',
            parts: ['{{locale}}', 7, true, null],
          },
        },
      },
      messageIdPointer: '/id',
    });
    await expect(gw.send(message)).resolves.toMatchObject({ providerMessageId: 'gw-1' });
    const request = sent();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/send?key=${API_KEY}&ref=order-42`);
    expect(request.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      'x-locale': 'tr',
      'content-type': 'application/json',
    });
    expect(JSON.parse(request.body)).toEqual({
      to: '+905551234567',
      msisdn: '905551234567',
      text: message.body,
      otp: { code: CODE, ref: 'ver_1', parts: ['tr', 7, true, null] },
    });
  });

  it('URL-encodes placeholders in the URL only', async () => {
    await provider({
      request: { url: `${gateway.url}/send?to={{to}}&text={{message}}`, body: { to: '{{to}}' } },
    }).send(message);
    const url = new URL(sent().url, gateway.url);
    expect(url.search).toContain('to=%2B905551234567');
    expect(url.searchParams.get('text')).toBe(message.body);
    expect(JSON.parse(sent().body).to).toBe('+905551234567');
  });

  it('posts a form', async () => {
    await provider({
      request: { encoding: 'form', body: { To: '{{to}}', Body: '{{message}}', Priority: 1 } },
    }).send(message);
    expect(sent().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent().body))).toEqual({
      To: '+905551234567',
      Body: message.body,
      Priority: '1',
    });
  });

  it('sends the fields in the query for a GET gateway', async () => {
    await provider({
      request: {
        method: 'GET',
        url: `${gateway.url}/api/sms?user=u1`,
        headers: {},
        encoding: 'query',
        body: { to: '{{toDigits}}', msg: '{{message}}', key: '{{apiKey}}' },
      },
    }).send(message);
    const url = new URL(sent().url, gateway.url);
    expect(sent().method).toBe('GET');
    expect(sent().body).toBe('');
    expect(url.pathname).toBe('/api/sms');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      user: 'u1',
      to: '905551234567',
      msg: message.body,
      key: API_KEY,
    });
  });

  it('does not fill placeholders that arrive inside a value', async () => {
    await provider().send({ ...message, body: 'code {{apiKey}} {{code}}' });
    expect(JSON.parse(sent().body).text).toBe('code {{apiKey}} {{code}}');
  });

  describe('success rules', () => {
    const rule = {
      success: { jsonPointer: '/status/ok', equals: true, bodyNotContains: 'INSUFFICIENT' },
      messageIdPointer: '/messages/0/id',
    };

    it('accepts an answer that meets every rule and reads a nested id', async () => {
      gateway.behave(answer(202, { status: { ok: true }, messages: [{ id: 98765 }] }));
      await expect(provider(rule).send(message)).resolves.toMatchObject({
        providerMessageId: '98765',
      });
    });

    it.each([
      ['the pointer holds another value', { status: { ok: false } }],
      ['the pointer finds nothing', { ok: true }],
      ['the body says it failed', { status: { ok: true }, error: 'INSUFFICIENT balance' }],
      ['the body is not JSON', 'OK'],
    ])('refuses a 200 where %s, without retrying', async (_name, body) => {
      gateway.behave(answer(200, body));
      const error = await failure(provider(rule).send(message));
      expect(error).toMatchObject({ code: 'success_rule_failed', retryable: false });
    });

    it('checks bodyContains on a text answer', async () => {
      const textRule = { success: { bodyContains: 'ACCEPTED' } };
      gateway.behave(answer(200, 'STATUS: ACCEPTED id=1'));
      await expect(provider(textRule).send(message)).resolves.toMatchObject({
        providerMessageId: null,
      });
      gateway.behave(answer(200, 'STATUS: REJECTED'));
      expect((await failure(provider(textRule).send(message))).code).toBe('success_rule_failed');
    });

    it('refuses a 2xx status the config does not list', async () => {
      gateway.behave(answer(204));
      const error = await failure(provider({ success: { status: [200] } }).send(message));
      expect(error).toMatchObject({ code: 'http_204', retryable: false });
    });
  });

  describe('error classification', () => {
    it.each([
      [500, true],
      [503, true],
      [429, true],
      [408, true],
      [400, false],
      [401, false],
      [404, false],
      [302, false],
    ])('HTTP %i: retryable %s', async (status, retryable) => {
      gateway.behave(answer(status, { error: 'nope' }, { location: 'http://127.0.0.1:1/' }));
      const error = await failure(provider().send(message));
      expect(error).toMatchObject({ code: `http_${status}`, retryable });
      expect(gateway.requests).toHaveLength(1);
    });

    it('a hanging gateway times out, retryably', async () => {
      gateway.behave(hang);
      const started = Date.now();
      const error = await failure(provider({ timeoutMs: 300 }).send(message));
      expect(error).toMatchObject({ code: 'timeout', retryable: true });
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('a gateway that is down fails the connection, retryably', async () => {
      const down = await startFakeGateway();
      const url = `${down.url}/send`;
      await down.close();
      const error = await failure(provider({ request: { url } }).send(message));
      expect(error).toMatchObject({ code: 'connection_failed', retryable: true });
    });

    it('a gateway on a blocked address is refused without retrying', async () => {
      const guarded = createOutboundClient({ allowNetworks: [], logger });
      const error = await failure(provider({}, { outbound: guarded }).send(message));
      expect(error).toMatchObject({ code: 'blocked_address', retryable: false });
      expect(gateway.requests).toHaveLength(0);
    });

    it('refuses a URL that a var turns invalid, before sending anything', async () => {
      for (const encoding of ['json', 'query']) {
        const gw = provider({
          request: { url: 'http://{{host}}/send', encoding, body: { to: '{{to}}' } },
          vars: { apiKey: API_KEY, host: 'gw example' },
        });
        const error = await failure(gw.send(message));
        expect(error).toMatchObject({ code: 'invalid_url', retryable: false });
      }
      expect(gateway.requests).toHaveLength(0);
    });

    it('refuses to send {{code}} when the dispatcher did not pass the code', async () => {
      const gw = provider({ request: { body: { otp: '{{code}}' } } });
      const error = await failure(gw.send({ ...message, code: undefined }));
      expect(error).toMatchObject({ code: 'code_unavailable', retryable: false });
      expect(gateway.requests).toHaveLength(0);
    });
  });

  it('never puts the code, the message or credentials in logs or errors', async () => {
    logLines.length = 0;
    const errors: string[] = [];
    const guarded = createOutboundClient({ allowNetworks: [], logger });
    for (const [behaviour, deps] of [
      [answer(500, `rejected ${CODE}`), { outbound }],
      [answer(200, `{"ok":false,"echo":"${CODE}"}`), { outbound }],
      [succeed, { outbound: guarded }],
    ] as const) {
      gateway.behave(behaviour);
      const gw = provider(
        {
          request: { body: { text: '{{message}}', otp: '{{code}}' } },
          success: { jsonPointer: '/ok', equals: true },
        },
        deps,
      );
      const error = await failure(gw.send(message));
      errors.push(`${error.code} ${error.message}`);
    }
    const seen = [...logLines, ...errors].join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of [CODE, API_KEY, message.body, '/send']) expect(seen).not.toContain(secret);
  });
});

describe('http provider that makes its own code (mode 3)', () => {
  const maker = (overrides: Record<string, unknown> = {}) =>
    provider({
      request: { body: { to: '{{to}}', id: '{{verificationId}}' } },
      generatesCode: true,
      referencePointer: '/ref',
      ...overrides,
    });
  const noCode = { ...message, body: '', code: undefined };

  it('sends no code, and returns the reference and the answer', async () => {
    gateway.behave(answer(200, { ok: true, ref: 'ref-9' }));
    const sender = maker();
    expect(sender.generatesCode).toBe(true);
    await expect(sender.send(noCode)).resolves.toEqual({
      providerMessageId: null,
      reference: 'ref-9',
      response: { status: 200, body: '{"ok":true,"ref":"ref-9"}' },
    });
    expect(JSON.parse(sent().body)).toEqual({ to: message.to, id: 'ver_1' });
  });

  it('fails without retry when the answer has no reference: the code went out unnamed', async () => {
    gateway.behave(answer(200, { ok: true }));
    const error = await failure(maker().send(noCode));
    expect(error).toMatchObject({ code: 'reference_missing', retryable: false });
    expect(error.response).toEqual({ status: 200, body: '{"ok":true}' });
  });

  it("reports the gateway's answer on a refusal, outside the error message", async () => {
    gateway.behave(answer(503, `down ${API_KEY}`));
    const error = await failure(maker().send(noCode));
    expect(error.response).toEqual({ status: 503, body: `down ${API_KEY}` });
    expect(error.message).not.toContain(API_KEY);
  });
});
