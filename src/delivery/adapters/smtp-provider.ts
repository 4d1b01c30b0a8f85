import { lookup } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import type { GetSocketCallback } from 'nodemailer/lib/mailer';
import type { AddressPolicy } from '../../outbound/address-policy.ts';
import { pinnedLookup, type ResolvedAddress } from '../../outbound/guarded-client.ts';
import { type OutboundMessage, ProviderError, type ProviderPlugin } from '../provider-ports.ts';
import {
  type SmtpProviderConfig,
  SUBJECT_PLACEHOLDER,
  smtpProviderConfigSchema,
} from './smtp-provider-config.ts';

export interface SmtpProviderDeps {
  /** The outbound guard's address rule with the operator's OTPD_ALLOW_NETWORKS. */
  addressPolicy: AddressPolicy;
}

/**
 * Every address of the mail server, each allowed by the outbound address rule (fail closed:
 * one internal address among public ones is still a refusal), so an app cannot point otpd at
 * an internal relay. A refusal is this configuration's fault: not retryable.
 */
async function checkedAddresses(host: string, policy: AddressPolicy): Promise<ResolvedAddress[]> {
  const family = isIP(host);
  let addresses: ResolvedAddress[];
  if (family !== 0) {
    addresses = [{ address: host, family }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'resolution failed';
      throw new ProviderError('connection_failed', true, `${host} did not resolve (${reason})`);
    }
  }
  if (addresses.length === 0) {
    throw new ProviderError('connection_failed', true, `${host} resolved to no address`);
  }
  for (const { address } of addresses) {
    const verdict = policy.check(address);
    if (!verdict.allowed) {
      throw new ProviderError(
        'blocked_address',
        false,
        `${host} resolves to ${address} (${verdict.range}), which otpd may not reach`,
      );
    }
  }
  return addresses;
}

/**
 * A TCP connection to the checked addresses only (nothing is resolved twice, so a DNS answer
 * cannot change between the check and the connect). Nodemailer runs SMTP, TLS and STARTTLS
 * over it, with the configured host name for SNI and certificate checks.
 */
async function guardedSocket(config: SmtpProviderConfig, port: number, policy: AddressPolicy) {
  const addresses = await checkedAddresses(config.host, policy);
  return new Promise<Socket>((resolve, reject) => {
    const socket = connect({
      host: config.host,
      port,
      lookup: pinnedLookup(addresses),
      autoSelectFamily: true,
    });
    const fail = (error: ProviderError) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(config.timeoutMs, () =>
      fail(new ProviderError('timeout', true, `${config.host}:${port} did not accept in time`)),
    );
    const onError = (error: NodeJS.ErrnoException) =>
      fail(
        new ProviderError('connection_failed', true, `${config.host}:${port}: ${error.code ?? ''}`),
      );
    socket.once('error', onError);
    socket.once('connect', () => {
      // Nodemailer attaches its own handlers in the same tick it receives the socket.
      socket.setTimeout(0);
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

interface NodemailerFailure {
  code?: string;
  responseCode?: number;
  command?: string;
}

/**
 * A nodemailer failure as a `ProviderError`. Never carries the server's reply text: it may
 * echo the recipient, and the code's message is none of the log's business (I6).
 * - a 4xx reply is the server's passing trouble (greylisting, a full queue): retryable;
 * - a 5xx reply (550 mailbox unavailable, 554 rejected) is its considered answer: not;
 * - a failed login is this configuration's fault: not retryable, except a 4xx
 *   ("454 temporary authentication failure");
 * - a TLS failure (a bad certificate, STARTTLS required but refused) is configuration: not;
 * - refused, dropped or timed-out connections are passing trouble: retryable.
 */
export function smtpFailure(error: unknown, host: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const e = (error ?? {}) as NodemailerFailure;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const to = e.command ? ` to ${e.command.split(' ')[0]}` : '';
  const temporary = reply !== undefined && reply >= 400 && reply < 500;
  switch (e.code) {
    case 'EAUTH':
    case 'ENOAUTH':
      return new ProviderError(
        'auth_failed',
        temporary,
        `${host} refused the login${reply ? ` (${reply})` : ''}`,
      );
    case 'ETLS':
    case 'EREQUIRETLS':
      return new ProviderError('tls_failed', false, `TLS with ${host} failed${to}`);
    case 'EABORT':
    case 'ETIMEDOUT':
      return new ProviderError('timeout', true, `${host} did not finish in time`);
  }
  if (reply !== undefined && reply >= 400) {
    return new ProviderError(`smtp_${reply}`, reply < 500, `${host} answered ${reply}${to}`);
  }
  switch (e.code) {
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
    case 'EPROTOCOL':
      return new ProviderError('connection_failed', true, `${host}: ${e.code}`);
    case 'EENVELOPE':
    case 'EMESSAGE':
      return new ProviderError('invalid_message', false, `${host}: the message was refused`);
  }
  return new ProviderError('send_failed', true, `sending through ${host} failed`);
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The body as minimal HTML: escaped, line breaks kept, every stand-alone code emphasised. */
export function htmlBody(body: string, code: string | undefined): string {
  let html = escapeHtml(body);
  if (code && /^[0-9A-Za-z]+$/.test(code)) {
    html = html.replace(
      new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`, 'g'),
      `<strong style="font-size:1.4em;letter-spacing:0.15em">${code}</strong>`,
    );
  }
  html = html.replace(/\r?\n/g, '<br>\n');
  return `<!doctype html><html><body><p>${html}</p></body></html>`;
}

/**
 * One plain mailbox. Nodemailer would read `a@x.example,b@y.example` or `A <b@y.example>` as
 * other or more recipients than the verification names; refuse those instead.
 */
const PLAIN_MAILBOX = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+$/;

function subjectOf(config: SmtpProviderConfig, message: OutboundMessage): string {
  // The app name comes from the app itself; a line break in it must not start a header.
  const app = (message.appName ?? 'otpd').replace(/[\r\n]+/g, ' ');
  return config.subject.replace(SUBJECT_PLACEHOLDER, (whole, name: string) =>
    name === 'app' ? app : whole,
  );
}

/**
 * Email through an SMTP server with nodemailer. One transport per provider,
 * not pooled: every message opens its own connection to an address checked just before
 * (no pooled socket outlives the check that allowed it), and a provider rebuilt when the
 * app's settings change leaves no idle connections behind. One-time codes are a message at a
 * time per person, so the handshake per message costs little.
 */
export const smtpProvider: ProviderPlugin<SmtpProviderConfig, SmtpProviderDeps> = {
  metadata: {
    type: 'smtp',
    name: 'SMTP email',
    channels: ['email'],
    description: 'Sends email through an SMTP server (TLS, STARTTLS, login), text and HTML.',
    secretFields: ['auth.pass'],
    // Where the password goes, and whether it may cross the network in clear.
    destinationFields: ['host', 'port', 'secure', 'starttls'],
  },
  configSchema: smtpProviderConfigSchema,
  create(config, deps) {
    const port = config.port ?? (config.secure ? 465 : 587);
    const transport = nodemailer.createTransport({
      host: config.host,
      port,
      secure: config.secure,
      requireTLS: !config.secure && config.starttls === 'required',
      opportunisticTLS: !config.secure && config.starttls === 'opportunistic',
      ignoreTLS: !config.secure && config.starttls === 'off',
      // Log in even when the server does not announce AUTH: sending unauthenticated instead
      // would quietly bypass the configured account.
      auth: config.auth,
      forceAuth: config.auth !== undefined,
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
      logger: false,
      debug: false,
      disableFileAccess: true,
      disableUrlAccess: true,
      getSocket(_options: unknown, callback: GetSocketCallback) {
        guardedSocket(config, port, deps.addressPolicy).then(
          (connection) => callback(null, { connection }),
          (error: Error) => callback(error),
        );
      },
    });
    return {
      name: config.name,
      async send(message) {
        if (!PLAIN_MAILBOX.test(message.to)) {
          throw new ProviderError('invalid_recipient', false, 'not one plain email address');
        }
        const mail = {
          from: config.from,
          to: message.to,
          subject: subjectOf(config, message),
          text: message.body,
          ...(config.html ? { html: htmlBody(message.body, message.code) } : {}),
          headers: {
            // RFC 3834: an automatic message; out-of-office replies should not answer it.
            'Auto-Submitted': 'auto-generated',
            'X-Auto-Response-Suppress': 'All',
          },
          signal: AbortSignal.timeout(config.timeoutMs),
        };
        try {
          const info = await transport.sendMail(mail);
          return { providerMessageId: info.messageId ?? null };
        } catch (error) {
          throw smtpFailure(error, config.host);
        }
      },
    };
  },
};
