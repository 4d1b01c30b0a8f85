import type { FieldError } from '../../kernel/errors.ts';
import { resolvePointer } from '../../kernel/json-pointer.ts';
import type { MessageStatus } from './message-status.ts';

/**
 * How a gateway's delivery receipts read: the http provider's `receipt` setting, as its schema
 * (providers/http-provider-config.ts) validated it. Each pointer is one JSON pointer or several
 * tried in order.
 */
export interface HttpReceiptConfig {
  token: string;
  messageIdPointer: string | string[];
  statusPointer: string | string[];
  errorPointer?: string | string[] | undefined;
  statusMap: Record<string, MessageStatus>;
}

/** What a gateway's receipt says, read with its provider's `receipt` config. */
export interface ReadReceipt {
  providerMessageId: string;
  /** The gateway's own word for the status, as sent. */
  reported: string;
  /** otpd's status for it; null when the status map does not know it (the receipt is ignored). */
  status: MessageStatus | null;
  error: string | null;
}

/** A scalar at the first pointer that finds one, as text. */
function scalarAt(body: unknown, pointers: string | readonly string[]): string | undefined {
  for (const pointer of typeof pointers === 'string' ? [pointers] : pointers) {
    const value = resolvePointer(body, pointer);
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** Exact first, then ignoring case: gateways are not consistent about `Delivered`. */
export function mapStatus(
  statusMap: Record<string, MessageStatus>,
  reported: string,
): MessageStatus | null {
  if (Object.hasOwn(statusMap, reported)) return statusMap[reported] ?? null;
  const lower = reported.toLowerCase();
  for (const [name, status] of Object.entries(statusMap)) {
    if (name.toLowerCase() === lower) return status;
  }
  return null;
}

const where = (pointers: string | readonly string[]) =>
  `body${typeof pointers === 'string' ? pointers : pointers[0]}`.replaceAll('/', '.');

/** Reads a receipt body, or names what is missing. */
export function readHttpReceipt(
  config: HttpReceiptConfig,
  body: unknown,
): { receipt: ReadReceipt } | { errors: FieldError[] } {
  const providerMessageId = scalarAt(body, config.messageIdPointer);
  const reported = scalarAt(body, config.statusPointer);
  const errors: FieldError[] = [];
  if (providerMessageId === undefined) {
    errors.push({ field: where(config.messageIdPointer), message: 'no message id here' });
  }
  if (reported === undefined) {
    errors.push({ field: where(config.statusPointer), message: 'no status here' });
  }
  if (providerMessageId === undefined || reported === undefined) return { errors };
  const error = config.errorPointer ? (scalarAt(body, config.errorPointer) ?? null) : null;
  return {
    receipt: {
      providerMessageId,
      reported,
      status: mapStatus(config.statusMap, reported),
      // Error codes are short machine words; anything longer is not one.
      error: error === null ? null : error.slice(0, 100),
    },
  };
}
