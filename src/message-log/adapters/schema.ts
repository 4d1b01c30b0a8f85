/** The message log's own database: one table, apart from the Store's. */
export interface MessageLogTable {
  /** Time-ordered and, within one process, increasing (message-ids.ts): the sort tie-break. */
  id: string;
  app_id: string;
  verification_id: string;
  channel: string;
  destination: string;
  country: string | null;
  provider: string;
  provider_message_id: string | null;
  status: string;
  /** JSON array of `{status, at, error?}`, oldest first. */
  timeline: string;
  latency_ms: number | string;
  error_code: string | null;
  /** What the provider charged (a receipt's price), in `price_currency`; null when unknown. */
  price_amount: number | string | null;
  price_currency: string | null;
  tx_code: string | null;
  device_id: string | null;
  message_id: string | null;
  /** bigint: PostgreSQL hands it back as a string. */
  created_at: number | string;
}

export interface MessageLogDatabase {
  message_log: MessageLogTable;
}
