import type { Channel } from '../../kernel/recipients.ts';
import type { MessageEvent, MessageLogEntry, MessageStatus } from '../message-log-ports.ts';
import type { MessageLogTable } from './schema.ts';

/** A stored row as the port's entry. */
export function toEntry(row: MessageLogTable): MessageLogEntry {
  return {
    id: row.id,
    appId: row.app_id,
    verificationId: row.verification_id,
    channel: row.channel as Channel,
    to: row.destination,
    country: row.country,
    provider: row.provider,
    providerMessageId: row.provider_message_id,
    status: row.status as MessageStatus,
    timeline: JSON.parse(row.timeline) as MessageEvent[],
    latencyMs: Number(row.latency_ms),
    errorCode: row.error_code,
    price:
      row.price_amount === null || row.price_currency === null
        ? null
        : { amount: Number(row.price_amount), currency: row.price_currency },
    txCode: row.tx_code,
    deviceId: row.device_id,
    messageId: row.message_id,
    createdAt: Number(row.created_at),
  };
}
