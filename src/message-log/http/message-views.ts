import type { MessageCursor, MessageLogEntry } from '../message-log-ports.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The public shape of a message log entry. */
export function messageView(m: MessageLogEntry) {
  return {
    id: m.id,
    verificationId: m.verificationId,
    channel: m.channel,
    to: m.to,
    country: m.country,
    provider: m.provider,
    providerMessageId: m.providerMessageId,
    status: m.status,
    timeline: m.timeline.map((e) => ({
      status: e.status,
      at: iso(e.at),
      ...(e.error ? { error: e.error } : {}),
    })),
    latencyMs: m.latencyMs,
    errorCode: m.errorCode,
    price: m.price,
    txCode: m.txCode,
    deviceId: m.deviceId,
    messageId: m.messageId,
    createdAt: iso(m.createdAt),
  };
}

/** An opaque page token; clients pass it back unchanged. */
export function encodeCursor(cursor: MessageCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** The cursor in a token, or null when the token is not one of ours. */
export function decodeCursor(token: string): MessageCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string'
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {}
  return null;
}

const CSV_COLUMNS = [
  'id',
  'createdAt',
  'verificationId',
  'channel',
  'to',
  'country',
  'provider',
  'providerMessageId',
  'status',
  'latencyMs',
  'errorCode',
  'txCode',
  'deviceId',
  'messageId',
  'timeline',
  'price',
  'priceCurrency',
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * A cell a spreadsheet would run as a formula (`=`, `@`, `+`, `-`, tab, CR first) gets a
 * leading `'`, except a plain signed number such as an E.164 destination.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=@+\-\t\r]/.test(text) && !/^[+-]?\d+$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

export function csvRow(m: MessageLogEntry): string {
  const view = messageView(m);
  const cells = CSV_COLUMNS.map((c) => {
    if (c === 'timeline') return csvCell(JSON.stringify(view.timeline));
    if (c === 'price') return csvCell(view.price?.amount ?? null);
    if (c === 'priceCurrency') return csvCell(view.price?.currency ?? null);
    return csvCell(view[c]);
  });
  return `${cells.join(',')}\r\n`;
}
