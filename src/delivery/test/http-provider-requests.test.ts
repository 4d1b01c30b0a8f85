import { describe, expect, it } from 'vitest';
import { answer, type FakeGateway, succeed } from '../../../test/helpers/fake-gateway.ts';
import { createOutboundClient } from '../../outbound/guarded-client.ts';
import { API_KEY, CODE, failure, message, useHttpGateway } from './http-provider-fixture.ts';

let gateway: FakeGateway;
const { logLines, logger, outbound, provider, sent } = useHttpGateway((started) => {
  gateway = started;
});

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
      request: {
        url: `${gateway.url}/send?to={{to}}&text={{message}}`,
        body: { to: '{{to}}' },
      },
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
