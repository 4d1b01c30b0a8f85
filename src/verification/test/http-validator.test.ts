import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  answer,
  type FakeGateway,
  hang,
  startFakeGateway,
} from '../../../test/helpers/fake-gateway.ts';
import { verificationRecord } from '../../../test/helpers/records.ts';
import { createLogger } from '../../observability/logger.ts';
import { createOutboundClient } from '../../outbound/guarded-client.ts';
import { httpValidator } from '../adapters/http-validator.ts';
import { ValidatorUnavailable } from '../validator-ports.ts';

const CODE = '482913';
const KEY = 'validator-key-9d2e';
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
const v = verificationRecord({
  id: 'ver_1',
  externalCode: true,
  codeHash: '',
  codeKeyId: '',
  codeReference: 'ref-77',
});

let service: FakeGateway;
beforeAll(async () => {
  service = await startFakeGateway();
});
afterAll(() => service.close());
beforeEach(() => {
  service.requests.length = 0;
});

function validator(overrides: Record<string, unknown> = {}) {
  const config = httpValidator.configSchema.parse({
    request: {
      url: `${service.url}/verify/{{reference}}`,
      headers: { 'X-Key': '{{key}}' },
      body: { code: '{{code}}', to: '{{toDigits}}', id: '{{verificationId}}' },
    },
    success: { status: [200], jsonPointer: '/valid', equals: true },
    timeoutMs: 300,
    vars: { key: KEY },
    ...overrides,
  });
  return httpValidator.create(config, { outbound });
}

async function noVerdict(promise: Promise<boolean>): Promise<ValidatorUnavailable> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidatorUnavailable);
  return error as ValidatorUnavailable;
}

describe('http validator', () => {
  it('asks with the template filled in and reads a yes', async () => {
    service.behave(answer(200, { valid: true }));
    await expect(validator().check(v, CODE)).resolves.toBe(true);
    const [asked] = service.requests;
    expect(asked?.url).toBe('/verify/ref-77');
    expect(asked?.headers['x-key']).toBe(KEY);
    expect(JSON.parse(asked?.body ?? '{}')).toEqual({
      code: CODE,
      to: '905551234567',
      id: 'ver_1',
    });
  });

  it('reads a no from the success rule and from a wrong-code status', async () => {
    service.behave(answer(200, { valid: false }));
    await expect(validator().check(v, CODE)).resolves.toBe(false);
    service.behave(answer(404, { error: 'unknown' }));
    await expect(validator().check(v, CODE)).resolves.toBe(false);
    service.behave(answer(409, 'conflict'));
    expect((await noVerdict(validator().check(v, CODE))).code).toBe('http_409');
    service.behave(answer(409, 'conflict'));
    await expect(validator({ wrongCodeStatus: [409] }).check(v, CODE)).resolves.toBe(false);
  });

  it('a text rule reads the body', async () => {
    const rule = { success: { status: [200], bodyContains: 'APPROVED' } };
    service.behave(answer(200, 'STATUS=APPROVED'));
    await expect(validator(rule).check(v, CODE)).resolves.toBe(true);
    service.behave(answer(200, 'STATUS=DENIED'));
    await expect(validator(rule).check(v, CODE)).resolves.toBe(false);
  });

  it.each([
    ['garbage', answer(200, '<html>oops</html>'), 'unreadable_answer'],
    ['JSON without the value', answer(200, { result: 'ok' }), 'unreadable_answer'],
    ['a 5xx', answer(502, 'bad gateway'), 'http_502'],
    ['a 429', answer(429, 'slow down'), 'http_429'],
    ['a 401', answer(401, 'who are you'), 'http_401'],
    ['nothing in time', hang, 'timeout'],
  ])('gives no verdict for %s', async (_what, behaviour, cause) => {
    service.behave(behaviour);
    const error = await noVerdict(validator().check(v, CODE));
    expect(error.code).toBe(cause);
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain(CODE);
  });

  it('gives no verdict before the sender named the code, when the template needs the reference', async () => {
    service.behave(answer(200, { valid: true }));
    const unnamed = { ...v, codeReference: null };
    expect((await noVerdict(validator().check(unnamed, CODE))).code).toBe('no_reference');
    expect(service.requests).toHaveLength(0);
    const byNumber = validator({
      request: { url: `${service.url}/verify`, body: { to: '{{to}}', code: '{{code}}' } },
    });
    await expect(byNumber.check(unnamed, CODE)).resolves.toBe(true);
  });

  it('refuses a bad config naming each field', () => {
    const result = httpValidator.configSchema.parse.bind(httpValidator.configSchema);
    expect(() =>
      result({ request: { url: 'https://v.example/{{message}}' }, wrongCodeStatus: [200] }),
    ).toThrow(/unknown placeholder \{\{message\}\}/);
    const parsed = (input: unknown) => {
      try {
        result(input);
        return [];
      } catch (error) {
        return (error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join('.'));
      }
    };
    expect(parsed({ request: { url: 'https://v.example' }, wrongCodeStatus: [429] })).toEqual([
      'wrongCodeStatus',
    ]);
    expect(
      parsed({
        request: { url: 'https://v.example' },
        success: { status: [200, 404] },
      }),
    ).toEqual(['wrongCodeStatus']);
    expect(parsed({ request: { url: 'ftp://v.example' } })).toEqual(['request.url']);
  });

  it('logs nothing that carries the code or the key', () => {
    const output = logLines.join('');
    expect(output).not.toContain(KEY);
    expect(output).not.toContain(CODE);
  });
});
