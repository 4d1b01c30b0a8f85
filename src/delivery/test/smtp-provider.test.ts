import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp-receiver.ts';
import { createAddressPolicy } from '../../outbound/address-policy.ts';
import { smtpProvider } from '../adapters/smtp-provider.ts';
import { type OutboundMessage, ProviderError } from '../provider-ports.ts';

const LOOPBACK_ALLOWED = { addressPolicy: createAddressPolicy(['127.0.0.0/8']) };

const message: OutboundMessage = {
  appId: 'app_1',
  verificationId: 'ver_1',
  channel: 'email',
  to: 'person@example.com',
  body: 'Your <Shop & Co> verification code is 482913. It expires in 10 minutes.',
  locale: 'en',
  code: '482913',
  appName: 'Shop & Co',
};

function provider(receiver: { host: string; port: number }, extra: Record<string, unknown> = {}) {
  const config = smtpProvider.configSchema.parse({
    name: 'mail',
    host: receiver.host,
    port: receiver.port,
    starttls: 'off',
    from: 'Shop <otp@shop.example>',
    timeoutMs: 2_000,
    ...extra,
  });
  return smtpProvider.create(config, LOOPBACK_ALLOWED);
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** The smtp provider against a real SMTP server (smtp-server) on loopback. */
describe('smtp provider', () => {
  let open: SmtpReceiver;
  let locked: SmtpReceiver;
  beforeAll(async () => {
    open = await startSmtpReceiver();
    locked = await startSmtpReceiver({ auth: { user: 'otpd', pass: 'smtp-pass-9f2c' } });
  });
  afterAll(async () => {
    await open.close();
    await locked.close();
  });

  it('sends the rendered body as text, from, to and subject as configured', async () => {
    const receipt = await provider(open).send(message);
    const mail = open.messages.at(-1);
    expect(mail?.envelopeFrom).toBe('otp@shop.example');
    expect(mail?.envelopeTo).toEqual(['person@example.com']);
    expect(mail?.headers.from).toBe('Shop <otp@shop.example>');
    expect(mail?.headers.to).toBe('person@example.com');
    expect(mail?.headers.subject).toBe('Your Shop & Co verification code');
    expect(mail?.headers['auto-submitted']).toBe('auto-generated');
    expect(mail?.text?.trim()).toBe(message.body);
    expect(mail?.html).toBeUndefined();
    expect(receipt.providerMessageId).toBe(mail?.headers['message-id']);
  });

  it('adds an escaped HTML part with the code emphasised when html is on', async () => {
    await provider(open, { html: true, subject: '{{app}}: your code' }).send(message);
    const mail = open.messages.at(-1);
    expect(mail?.headers.subject).toBe('Shop & Co: your code');
    expect(mail?.text?.trim()).toBe(message.body);
    expect(mail?.html).toContain('Your &lt;Shop &amp; Co&gt; verification code is <strong');
    expect(mail?.html).toMatch(/<strong[^>]*>482913<\/strong>/);
    expect(mail?.html).not.toContain('<Shop');
  });

  it('logs in with the configured account', async () => {
    await provider(locked, { auth: { user: 'otpd', pass: 'smtp-pass-9f2c' } }).send(message);
    expect(locked.messages.at(-1)?.text).toContain('482913');
  });

  it('a refused login is not retryable, and its error carries no password', async () => {
    const before = locked.messages.length;
    const error = await failure(
      provider(locked, { auth: { user: 'otpd', pass: 'wrong-pass-77' } }).send(message),
    );
    expect(error).toMatchObject({ code: 'auth_failed', retryable: false });
    expect(error.message).not.toContain('wrong-pass-77');
    expect(locked.messages).toHaveLength(before);
  });

  it('a server that wants a login and gets none refuses the message: not retryable', async () => {
    const error = await failure(provider(locked).send(message));
    expect(error.retryable).toBe(false);
    expect(error.code).toMatch(/^smtp_5\d\d$/);
  });

  it('a configured login is never skipped, even when the server does not offer AUTH', async () => {
    const before = open.messages.length;
    const error = await failure(
      provider(open, { auth: { user: 'otpd', pass: 'smtp-pass-9f2c' } }).send(message),
    );
    expect(error).toMatchObject({ code: 'auth_failed', retryable: false });
    expect(open.messages).toHaveLength(before);
  });

  it('sends to the one mailbox the verification names, never a list or a display name', async () => {
    const before = open.messages.length;
    for (const to of ['victim@example.com,postmaster', 'Someone <other@example.com>', 'a@b@c']) {
      const error = await failure(provider(open).send({ ...message, to }));
      expect(error).toMatchObject({ code: 'invalid_recipient', retryable: false });
    }
    expect(open.messages).toHaveLength(before);
  });

  it('a permanent 5xx reply (550 mailbox unavailable) is not retryable', async () => {
    const rejecting = await startSmtpReceiver({ rejectRecipient: 550 });
    try {
      const error = await failure(provider(rejecting).send(message));
      expect(error).toMatchObject({ code: 'smtp_550', retryable: false });
      expect(error.message).not.toContain('person@example.com');
    } finally {
      await rejecting.close();
    }
  });

  it('a temporary 4xx reply (451 try later) is retryable', async () => {
    const busy = await startSmtpReceiver({ rejectRecipient: 451 });
    try {
      const error = await failure(provider(busy).send(message));
      expect(error).toMatchObject({ code: 'smtp_451', retryable: true });
    } finally {
      await busy.close();
    }
  });

  it('a server that is down is retryable', async () => {
    const gone = await startSmtpReceiver();
    await gone.close();
    const error = await failure(provider(gone).send(message));
    expect(error).toMatchObject({ code: 'connection_failed', retryable: true });
  });

  it('a server that never greets times out, retryable, within timeoutMs', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const error = await failure(
        provider({ host: '127.0.0.1', port }, { timeoutMs: 600 }).send(message),
      );
      expect(error).toMatchObject({ code: 'timeout', retryable: true });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.close();
    }
  });

  it('STARTTLS required but not offered is a configuration fault: not retryable', async () => {
    const error = await failure(provider(open, { starttls: 'required' }).send(message));
    expect(error).toMatchObject({ code: 'tls_failed', retryable: false });
  });

  it('refuses loopback unless the operator allows it, before connecting', async () => {
    let connections = 0;
    const watched: Server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => watched.listen(0, '127.0.0.1', resolve));
    const port = (watched.address() as { port: number }).port;
    try {
      const config = smtpProvider.configSchema.parse({
        name: 'mail',
        host: '127.0.0.1',
        port,
        from: 'otp@shop.example',
      });
      const strict = smtpProvider.create(config, { addressPolicy: createAddressPolicy([]) });
      const error = await failure(strict.send(message));
      expect(error).toMatchObject({ code: 'blocked_address', retryable: false });
      expect(error.message).toContain('loopback');
      const mapped = smtpProvider.create(
        { ...config, host: '::ffff:127.0.0.1' },
        { addressPolicy: createAddressPolicy([]) },
      );
      expect(await failure(mapped.send(message))).toMatchObject({ code: 'blocked_address' });
      expect(connections).toBe(0);
    } finally {
      watched.close();
    }
  });
});
