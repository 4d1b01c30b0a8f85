import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One MIME part, decoded. */
export interface MailPart {
  contentType: string;
  text: string;
}

/** A message as the receiver got it, parsed the way a mail client would read it. */
export interface ReceivedMail {
  /** Envelope sender and recipients (MAIL FROM, RCPT TO). */
  envelopeFrom: string;
  envelopeTo: string[];
  /** Header values by lower-cased name, unfolded (the last one when repeated). */
  headers: Record<string, string>;
  /** The text/plain and text/html parts, decoded. */
  text: string | undefined;
  html: string | undefined;
  /** The message as sent, for searching. */
  raw: string;
}

export interface SmtpReceiverOptions {
  /** Require AUTH (PLAIN or LOGIN) with exactly this account. */
  auth?: { user: string; pass: string };
  /** Answer RCPT TO with this reply code (e.g. 550 mailbox unavailable, 451 try later). */
  rejectRecipient?: number;
  /** Offer STARTTLS (with smtp-server's built-in test certificate); default off. */
  starttls?: boolean;
  /** Listen on this port (e.g. one a closed receiver used); default an ephemeral one. */
  port?: number;
}

export interface SmtpReceiver {
  host: string;
  port: number;
  /** Every message accepted, oldest first. */
  messages: ReceivedMail[];
  /** Every login attempt's user, accepted or not. */
  logins: string[];
  /** Every login attempt's password, accepted or not: what a server someone else runs learns. */
  passwords: string[];
  close(): Promise<void>;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function splitHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function splitEntity(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  if (end < 0) return { headers: splitHeaders(raw), body: '' };
  const gap = raw.slice(end).startsWith('\r\n\r\n') ? 4 : 2;
  return { headers: splitHeaders(raw.slice(0, end)), body: raw.slice(end + gap) };
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** The leaf parts of an entity, multipart or not. */
function partsOf(raw: string): MailPart[] {
  const { headers, body } = splitEntity(raw);
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!contentType.toLowerCase().startsWith('multipart/') || !boundary) {
    return [{ contentType: contentType.toLowerCase(), text: decodeBody(headers, body) }];
  }
  const sections = body.split(`--${boundary}`).slice(1);
  return sections
    .filter((section) => !section.startsWith('--'))
    .flatMap((section) => partsOf(section.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
}

/** A message as a mail client would show it: headers, text and HTML. */
export function parseMail(raw: string, envelopeFrom = '', envelopeTo: string[] = []): ReceivedMail {
  const { headers } = splitEntity(raw);
  const parts = partsOf(raw);
  const find = (type: string) => parts.find((p) => p.contentType.startsWith(type))?.text;
  return {
    envelopeFrom,
    envelopeTo,
    headers,
    text: find('text/plain'),
    html: find('text/html'),
    raw,
  };
}

/**
 * A real SMTP server (`smtp-server`) on loopback and an ephemeral port that records what it
 * accepts — the email counterpart of the fake gateway. Without `starttls` it offers no TLS, so
 * a client configured with `starttls: "off"` talks to it in clear (and may log in in clear).
 */
export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const logins: string[] = [];
  const passwords: string[] = [];
  const server = new SMTPServer({
    logger: false,
    secure: false,
    disabledCommands: [
      ...(options.starttls ? [] : ['STARTTLS']),
      ...(options.auth ? [] : ['AUTH']),
    ],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '');
      passwords.push(auth.password ?? '');
      if (
        options.auth &&
        auth.username === options.auth.user &&
        auth.password === options.auth.pass
      ) {
        callback(null, { user: auth.username });
      } else {
        callback(
          Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }),
        );
      }
    },
    onRcptTo(_address, _session, callback) {
      const code = options.rejectRecipient;
      if (code === undefined) return callback();
      callback(
        Object.assign(new Error('Requested action not taken: mailbox unavailable'), {
          responseCode: code,
        }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        messages.push(
          parseMail(
            raw,
            from,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    logins,
    passwords,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
