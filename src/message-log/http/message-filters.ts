import type { MessageFilters } from '../message-log-ports.ts';

/**
 * A query string turns an unescaped `+` into a space, so `?to=+90555…` arrives as
 * ` 90555…`: digits alone are read as an international number. Emails compare lower-cased.
 */
function storedForm(to: string): string {
  const trimmed = to.trim();
  if (/^\d+$/.test(trimmed)) return `+${trimmed}`;
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
}

/** The log's filters as a validated query string gives them. */
export interface MessageFilterQuery {
  txCode?: string;
  deviceId?: string;
  messageId?: string;
  verificationId?: string;
  to?: string;
  status?: MessageFilters['status'];
  channel?: MessageFilters['channel'];
  provider?: string;
  country?: string;
  from?: string;
  until?: string;
}

export function filtersFrom(q: MessageFilterQuery): MessageFilters {
  return {
    txCode: q.txCode,
    deviceId: q.deviceId,
    messageId: q.messageId,
    verificationId: q.verificationId,
    to: q.to === undefined ? undefined : storedForm(q.to),
    status: q.status,
    channel: q.channel,
    provider: q.provider,
    country: q.country?.toUpperCase(),
    from: q.from === undefined ? undefined : Date.parse(q.from),
    until: q.until === undefined ? undefined : Date.parse(q.until),
  };
}
