import type { Generated } from 'kysely';
import type { ConsoleTables } from './console-schema.ts';

/** Table shapes as Kysely sees them. Times are integer milliseconds since the epoch. */
export interface Database extends ConsoleTables {
  apps: AppsTable;
  api_keys: ApiKeysTable;
  verifications: VerificationsTable;
  outbox_jobs: OutboxJobsTable;
  sandbox_messages: SandboxMessagesTable;
  idempotency_keys: IdempotencyKeysTable;
  fraud_decisions: FraudDecisionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  messenger_sessions: MessengerSessionsTable;
}

export interface AppsTable {
  id: string;
  name: string;
  created_at: number;
  /** The settings document as JSON, secrets encrypted; null until first replaced. */
  settings: string | null;
  /** How many times the settings were replaced (0 for never). */
  settings_revision: Generated<number>;
  settings_updated_at: number | null;
  /** The compatible APIs' names of the app (see domain/dialect-ids.ts); set for every app. */
  twilio_account_sid: string | null;
  twilio_service_sid: string | null;
  beem_app_id: number | null;
}

export interface ApiKeysTable {
  id: string;
  app_id: string;
  key_hash: string;
  prefix: string;
  /** Space-separated scope names (domain/api-scopes.ts). */
  scopes: string;
  created_at: number;
  revoked_at: number | null;
}

export interface VerificationsTable {
  id: string;
  app_id: string;
  destination: string;
  /** ISO 3166 country of a phone destination, for the analytics; null for email or unknown. */
  country: string | null;
  channel: string;
  locale: string | null;
  status: string;
  reason: string | null;
  code_hash: string;
  code_key_id: string;
  code_length: number;
  attempts: number;
  max_attempts: number;
  sends: number;
  max_sends: number;
  resend_cooldown_ms: number;
  created_at: number;
  updated_at: number;
  expires_at: number;
  last_sent_at: number;
  approved_at: number | null;
  tx_code: string | null;
  device_id: string | null;
  message_id: string | null;
  metadata: string | null;
  content: string | null;
  delivery_status: string;
  delivery_provider: string | null;
  delivery_updated_at: number;
  /** 1 for a test number's verification, else 0 (an integer: SQLite has no boolean). */
  test: Generated<number>;
  /** 1 when the sender made the code and otpd holds no hash of it, else 0. */
  external_code: Generated<number>;
  /** The sender's id for the code it made, read from its answer; null until then. */
  code_reference: string | null;
  /** The request's own SMS Retriever hash; null: the app's setting. */
  android_app_hash: string | null;
  /** JSON `ChatCodeForm` of a chat message's own code; null for every other code. */
  chat_code: string | null;
}

/**
 * Every column of `verifications`, by name: the statements kept prepared on PostgreSQL
 * (postgres/preparing-pool.ts) return these rather than `*`, so a column another otpd's
 * migration adds does not change the rows of a statement this one has prepared.
 */
export const VERIFICATION_COLUMNS = [
  'id',
  'app_id',
  'destination',
  'country',
  'channel',
  'locale',
  'status',
  'reason',
  'code_hash',
  'code_key_id',
  'code_length',
  'attempts',
  'max_attempts',
  'sends',
  'max_sends',
  'resend_cooldown_ms',
  'created_at',
  'updated_at',
  'expires_at',
  'last_sent_at',
  'approved_at',
  'tx_code',
  'device_id',
  'message_id',
  'metadata',
  'content',
  'delivery_status',
  'delivery_provider',
  'delivery_updated_at',
  'test',
  'external_code',
  'code_reference',
  'android_app_hash',
  'chat_code',
] as const satisfies readonly (keyof VerificationsTable)[];

// A column added to VerificationsTable and missing above fails the type check here.
type Unlisted = Exclude<keyof VerificationsTable, (typeof VERIFICATION_COLUMNS)[number]>;
const everyColumnListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyColumnListed;

export interface OutboxJobsTable {
  id: string;
  app_id: string;
  verification_id: string;
  channel: string;
  destination: string;
  code_ciphertext: string | null;
  status: string;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  /** Failover jobs only: the provider to start after (see Store.failoverVerification). */
  after_provider: string | null;
  /** A chat message's text, image and buttons, encrypted; null for a templated code. */
  message_ciphertext: string | null;
}

export interface SandboxMessagesTable {
  id: string;
  app_id: string;
  verification_id: string;
  destination: string;
  channel: string;
  body: string;
  created_at: number;
}

export interface IdempotencyKeysTable {
  app_id: string;
  idempotency_key: string;
  fingerprint: string;
  status_code: number | null;
  body: string | null;
  created_at: number;
  expires_at: number;
}

export interface FraudDecisionsTable {
  id: string;
  app_id: string;
  /** The number without its last 4 digits, e.g. `+90555124`. */
  prefix: string;
  country: string;
  channel: string;
  /** `block` or `monitor`. */
  action: string;
  /** The counts and thresholds behind the decision, as JSON. */
  reasons: string;
  created_at: number;
  expires_at: number;
  lifted_at: number | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  app_id: string;
  event_id: string;
  event_type: string;
  url: string;
  payload: string;
  /** `pending`, `delivered` or `failed`. */
  status: string;
  attempts: number;
  attempt_limit: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  last_status_code: number | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
  /** JSON array of WebhookAttempt, oldest first. */
  attempt_log: string;
}

/** A web messenger conversation (see messenger/conversation-store.ts). */
export interface ConversationsTable {
  id: string;
  app_id: string;
  status: string;
  phone: string | null;
  name: string | null;
  email: string | null;
  locale: string;
  /** The sequence number of its newest message; 0 before the first. */
  last_sequence: number;
  /** The console admin holding it (status `agent`); null otherwise (migration 0018). */
  agent_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface ConversationMessagesTable {
  id: string;
  app_id: string;
  conversation_id: string;
  sequence: number;
  author: string;
  text: string | null;
  image: string | null;
  /** The buttons as a JSON array. */
  buttons: string;
  /** The delivered verification (MessageVerification) as JSON; null on other messages. */
  verification: string | null;
  created_at: number;
}

export interface MessengerSessionsTable {
  id: string;
  app_id: string;
  conversation_id: string;
  token_hash: string;
  expires_at: number;
  revoked_at: number | null;
}
