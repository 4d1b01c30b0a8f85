import { describe, expect, it } from 'vitest';
import { type OutboundClient, OutboundError } from '../../ports/outbound.ts';
import {
  createProviderRegistry,
  PROVIDER_PLUGINS,
  type ProviderDeps,
} from '../adapters/provider-registry.ts';
import { twilioProvider } from '../adapters/twilio-provider.ts';
import { messagesUrl, twilioProviderConfigSchema } from '../adapters/twilio-provider-config.ts';
import { ProviderError } from '../provider-ports.ts';

const ACCOUNT = `AC${'0f'.repeat(16)}`;
const SERVICE = `MG${'1e'.repeat(16)}`;
const valid = { name: 'tw', accountSid: ACCOUNT, authToken: 'secret-token', from: '+15017122661' };

const messagesOf = (input: unknown) =>
  (twilioProviderConfigSchema.safeParse(input).error?.issues ?? []).map(
    (i) => `${i.path.join('.')}: ${i.message}`,
  );

describe('twilio provider config', () => {
  it('fills defaults: the Twilio API and a 5 s limit', () => {
    const config = twilioProviderConfigSchema.parse(valid);
    expect(config).toEqual({ ...valid, baseUrl: 'https://api.twilio.com', timeoutMs: 5_000 });
    expect(messagesUrl(config)).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages.json`,
    );
  });

  it('takes a Messaging Service in place of a number', () => {
    const { from: _from, ...rest } = valid;
    expect(
      twilioProviderConfigSchema.safeParse({ ...rest, messagingServiceSid: SERVICE }).success,
    ).toBe(true);
  });

  it('wants exactly one sender', () => {
    const { from: _from, ...none } = valid;
    expect(messagesOf(none)).toEqual(['from: set exactly one of from and messagingServiceSid']);
    expect(messagesOf({ ...valid, messagingServiceSid: SERVICE })).toEqual([
      'messagingServiceSid: set exactly one of from and messagingServiceSid',
    ]);
  });

  it.each([
    [{ accountSid: 'AC123' }, 'accountSid'],
    [{ accountSid: `SK${'0f'.repeat(16)}` }, 'accountSid'],
    [{ authToken: '' }, 'authToken'],
    [{ from: '05551234567' }, 'from'],
    [{ from: 'whatsapp:+15017122661' }, 'from'],
    [{ statusCallback: 'ftp://otpd.example/cb' }, 'statusCallback'],
    [{ baseUrl: 'https://api.twilio.com?x=1' }, 'baseUrl'],
    [{ baseUrl: 'https://user:pw@api.twilio.com' }, 'baseUrl'],
    [{ timeoutMs: 10 }, 'timeoutMs'],
    [{ name: 'a b' }, 'name'],
    [{ region: 'ie1' }, ''],
  ])('refuses %j naming the field', (override, field) => {
    const issues = messagesOf({ ...valid, ...override });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.split(':')[0]).toBe(field);
  });

  it('is registered for sms and whatsapp, with the token declared secret', () => {
    const deps = { outbound: { request: async () => ({}) } } as unknown as ProviderDeps;
    const registry = createProviderRegistry(PROVIDER_PLUGINS, deps);
    expect(registry.types).toContain('twilio');
    expect(registry.supports('twilio', 'sms')).toBe(true);
    expect(registry.supports('twilio', 'whatsapp')).toBe(true);
    expect(registry.supports('twilio', 'email')).toBe(false);
    expect(registry.secretFieldsOf('twilio')).toEqual(['authToken']);
    const bad = registry.entrySchema.safeParse({ type: 'twilio', ...valid, from: undefined });
    expect(bad.error?.issues.map((i) => i.message)).toContain(
      'set exactly one of from and messagingServiceSid',
    );
  });
});

describe('twilio error classification', () => {
  const message = {
    appId: 'app_1',
    verificationId: 'ver_1',
    channel: 'sms' as const,
    to: '+905551234567',
    body: 'code 123456',
    locale: 'en',
  };
  const withAnswer = (answer: () => Promise<{ status: number; body: string }>) => {
    const outbound: OutboundClient = {
      request: async () => ({ headers: {}, ...(await answer()) }),
    };
    return twilioProvider.create(twilioProviderConfigSchema.parse(valid), { outbound });
  };
  const twilioBody = (status: number, code: number) =>
    JSON.stringify({ code, message: 'x', status, more_info: 'https://www.twilio.com/docs/errors' });
  const classify = async (answer: () => Promise<{ status: number; body: string }>) => {
    const error = await withAnswer(answer)
      .send(message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    const { code, retryable } = error as ProviderError;
    return { code, retryable };
  };

  it.each([
    [400, 21211, false],
    [400, 21610, false],
    [400, 21408, false],
    [401, 20003, false],
    [429, 20429, true],
    [500, 20500, true],
    [503, 20503, true],
    [408, 0, true],
  ])('HTTP %i with code %i: retryable %s', async (status, code, retryable) => {
    const result = await classify(async () => ({
      status,
      body: code ? twilioBody(status, code) : '',
    }));
    expect(result).toEqual({ code: code ? `twilio_${code}` : `http_${status}`, retryable });
  });

  it.each([
    ['timeout', true],
    ['connection_failed', true],
    ['blocked_address', false],
    ['response_too_large', false],
  ] as const)('outbound %s: retryable %s', async (code, retryable) => {
    const result = await classify(async () => {
      throw new OutboundError(code, 'failed');
    });
    expect(result).toEqual({ code, retryable });
  });

  it('refuses a channel Twilio does not deliver', async () => {
    const provider = withAnswer(async () => ({ status: 201, body: '{"sid":"SM1"}' }));
    await expect(provider.send({ ...message, channel: 'email' })).rejects.toMatchObject({
      code: 'unsupported_channel',
      retryable: false,
    });
  });
});
