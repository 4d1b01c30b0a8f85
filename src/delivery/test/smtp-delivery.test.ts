import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp-receiver.ts';

const PASSWORD = 'smtp-pass-5e1d-secret';
const WRONG_PASSWORD = 'wrong-pass-0b7a-secret';

/** An app that sends codes by email through an SMTP server set in its settings. */
describe('delivery through smtp', () => {
  let server: TestServer;
  let receiver: SmtpReceiver;
  let rejecting: SmtpReceiver;

  beforeAll(async () => {
    // The receivers listen on loopback, which the address rule refuses unless allowed.
    server = await startServer({ env: { OTPD_ALLOW_NETWORKS: '127.0.0.0/8' } });
    receiver = await startSmtpReceiver({ auth: { user: 'otpd', pass: PASSWORD } });
    rejecting = await startSmtpReceiver({ rejectRecipient: 550 });
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
    await rejecting.close();
  });

  const smtp = (name: string, at: { port: number }, extra: Record<string, unknown> = {}) => ({
    type: 'smtp',
    name,
    host: '127.0.0.1',
    port: at.port,
    starttls: 'off',
    auth: { user: 'otpd', pass: PASSWORD },
    from: 'Mail Shop <otp@shop.example>',
    subject: '{{app}} sign-in code',
    html: true,
    timeoutMs: 2_000,
    ...extra,
  });

  async function appWithEmail(
    providers: object[],
    target: TestServer = server,
    name = 'Mail Shop',
  ): Promise<Client> {
    const { client } = await target.createApp(name);
    const put = await client.request('PUT', '/v1/settings', { channels: { email: { providers } } });
    expect(put.status).toBe(200);
    return client;
  }

  async function settled(client: Client, id: string) {
    for (let i = 0; i < 200; i++) {
      const { body } = await client.get(`/v1/verifications/${id}`);
      if (body.delivery.status !== 'queued') return body;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`verification ${id} was never delivered`);
  }

  async function logLine(target: TestServer, pattern: RegExp) {
    for (let i = 0; i < 200; i++) {
      const line = target.logs.find((l) => pattern.test(l));
      if (line) return line;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no log line matching ${pattern}`);
  }

  it('emails the code; the person reads it from the message and uses it', async () => {
    const client = await appWithEmail([smtp('mail', receiver)]);
    const before = receiver.messages.length;
    const created = await client.post('/v1/verifications', {
      to: 'Person@Example.COM',
      channel: 'email',
    });
    expect(created.status).toBe(201);
    const read = await settled(client, created.body.id);
    expect(read.delivery).toMatchObject({ status: 'sent', provider: 'mail' });

    const mails = receiver.messages.slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.envelopeTo).toEqual(['person@example.com']);
    expect(mail?.headers.from).toBe('Mail Shop <otp@shop.example>');
    expect(mail?.headers.to).toBe('person@example.com');
    expect(mail?.headers.subject).toBe('Mail Shop sign-in code');
    const code = /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1];
    expect(code).toBeDefined();
    expect(mail?.text).toContain('Mail Shop');
    expect(mail?.html).toMatch(new RegExp(`<strong[^>]*>${code}</strong>`));

    const checked = await client.post(`/v1/verifications/${created.body.id}/check`, { code });
    expect(checked.body).toMatchObject({ valid: true, status: 'approved' });
  });

  it('shows the password masked in the settings, and belongs to the email channel only', async () => {
    const client = await appWithEmail([smtp('mail', receiver)]);
    const { body } = await client.get('/v1/settings');
    const entry = body.channels.email.providers[0];
    expect(entry.auth.user).toBe('otpd');
    expect(entry.auth.pass).not.toBe(PASSWORD);
    expect(JSON.stringify(body)).not.toContain(PASSWORD);

    // Stored encrypted: not in the database file or its WAL.
    for (const file of readdirSync(server.dataDir)) {
      expect(readFileSync(join(server.dataDir, file)).includes(PASSWORD), file).toBe(false);
    }
    const spec = JSON.stringify(await (await fetch(`${server.url}/openapi.json`)).json());
    expect(spec).toContain('starttls');

    const onSms = await client.request('PUT', '/v1/settings', {
      channels: { sms: { providers: [smtp('mail', receiver)] } },
    });
    expect(onSms.status).toBe(400);
  });

  it('a wrong password fails at once, not retried; the next provider then delivers', async () => {
    const alone = await appWithEmail([
      smtp('bad-login', receiver, { auth: { user: 'otpd', pass: WRONG_PASSWORD } }),
    ]);
    const first = await alone.post('/v1/verifications', { to: 'a@example.com', channel: 'email' });
    const failed = await settled(alone, first.body.id);
    expect(failed.delivery.status).toBe('failed');
    expect(failed.status).toBe('failed');

    const before = receiver.messages.length;
    const both = await appWithEmail([
      smtp('bad-login', receiver, { auth: { user: 'otpd', pass: WRONG_PASSWORD } }),
      smtp('good-login', receiver),
    ]);
    const second = await both.post('/v1/verifications', { to: 'b@example.com', channel: 'email' });
    const sent = await settled(both, second.body.id);
    expect(sent.delivery).toMatchObject({ status: 'sent', provider: 'good-login' });
    expect(receiver.messages.slice(before).map((m) => m.envelopeTo)).toEqual([['b@example.com']]);
  });

  it('a 550 from the receiver is final: the verification fails, nothing is retried', async () => {
    const client = await appWithEmail([smtp('mail', rejecting, { auth: undefined })]);
    const created = await client.post('/v1/verifications', {
      to: 'c@example.com',
      channel: 'email',
    });
    const read = await settled(client, created.body.id);
    expect(read).toMatchObject({ status: 'failed', delivery: { status: 'failed' } });
    await logLine(server, /"lastError":"mail: smtp_550"/);
  });

  it('a receiver that is down is retried, and delivered once it is back', async () => {
    const down = await startSmtpReceiver();
    const port = down.port;
    await down.close();
    const client = await appWithEmail([smtp('later', { port }, { auth: undefined })]);
    const created = await client.post('/v1/verifications', {
      to: 'd@example.com',
      channel: 'email',
    });
    await logLine(server, /"lastError":"later: connection_failed".*will retry/);
    const pending = await client.get(`/v1/verifications/${created.body.id}`);
    expect(pending.body).toMatchObject({ status: 'pending', delivery: { status: 'queued' } });

    const back = await startSmtpReceiver({ port });
    try {
      for (let i = 0; i < 300 && back.messages.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(back.messages.map((m) => m.envelopeTo)).toEqual([['d@example.com']]);
      const read = await settled(client, created.body.id);
      expect(read.delivery).toMatchObject({ status: 'sent', provider: 'later' });
    } finally {
      await back.close();
    }
  });

  it('refuses a loopback SMTP host unless the operator allows it', async () => {
    const strict = await startServer();
    try {
      const before = receiver.messages.length;
      const loginsBefore = receiver.logins.length;
      const client = await appWithEmail([smtp('mail', receiver)], strict);
      const created = await client.post('/v1/verifications', {
        to: 'e@example.com',
        channel: 'email',
      });
      const read = await settled(client, created.body.id);
      expect(read).toMatchObject({ status: 'failed', delivery: { status: 'failed' } });
      await logLine(strict, /"lastError":"mail: blocked_address"/);
      expect(receiver.messages).toHaveLength(before);
      expect(receiver.logins).toHaveLength(loginsBefore);
      expect(strict.logs.join('')).not.toContain(PASSWORD);
    } finally {
      await strict.close();
    }
  });

  it('keeps passwords and codes out of the logs', () => {
    const output = server.logs.join('');
    expect(output).toContain('message sent');
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(WRONG_PASSWORD);
    for (const mail of receiver.messages) {
      const code = /\b(\d{6})\b/.exec(mail.text ?? '')?.[1];
      // Standing alone: a longer number or an id may hold the same six digits by chance.
      if (code) expect(output).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`));
    }
  });
});
