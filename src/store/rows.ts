import { type Insertable, type Selectable, sql } from 'kysely';
import { parseStoredScopes } from '../apps/domain/api-scopes.ts';
import { phoneCountry } from '../kernel/phone-facts.ts';
import { type Channel, isPhoneChannel } from '../kernel/recipients.ts';
import type {
  ApiKeyRecord,
  AppRecord,
  OutboxJob,
  SandboxMessage,
  StoredAppSettings,
  WebhookAttempt,
  WebhookDelivery,
} from '../ports/store.ts';
import type { ChatCodeForm } from '../verification/domain/chat-message.ts';
import type {
  DeliveryStatus,
  VerificationReason,
  VerificationRecord,
  VerificationStatus,
} from '../verification/domain/verification.ts';
import type { DeliveryType } from '../webhooks/domain/events.ts';
import type {
  ApiKeysTable,
  AppsTable,
  OutboxJobsTable,
  SandboxMessagesTable,
  VerificationsTable,
  WebhookDeliveriesTable,
} from './schema.ts';

// PostgreSQL returns bigint columns as strings; SQLite returns numbers. Both become numbers
// here (millisecond timestamps stay far below 2^53).
const num = (v: number | string): number => Number(v);
const numOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

export type AppRow = Pick<
  Selectable<AppsTable>,
  'id' | 'name' | 'created_at' | 'twilio_account_sid' | 'twilio_service_sid' | 'beem_app_id'
>;

export function toApp(row: AppRow): AppRecord {
  const app: AppRecord = { id: row.id, name: row.name, createdAt: num(row.created_at) };
  if (row.twilio_account_sid && row.twilio_service_sid && row.beem_app_id !== null) {
    app.dialects = {
      twilioAccountSid: row.twilio_account_sid,
      twilioServiceSid: row.twilio_service_sid,
      beemAppId: num(row.beem_app_id),
    };
  }
  return app;
}

export function toStoredSettings(
  row: Pick<Selectable<AppsTable>, 'settings' | 'settings_revision' | 'settings_updated_at'>,
): StoredAppSettings {
  return {
    json: row.settings,
    revision: num(row.settings_revision),
    updatedAt: numOrNull(row.settings_updated_at),
  };
}

export function toApiKey(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    appId: row.app_id,
    keyHash: row.key_hash,
    prefix: row.prefix,
    scopes: parseStoredScopes(row.scopes),
    createdAt: num(row.created_at),
    revokedAt: numOrNull(row.revoked_at),
  };
}

export function toVerification(row: Selectable<VerificationsTable>): VerificationRecord {
  return {
    id: row.id,
    appId: row.app_id,
    to: row.destination,
    channel: row.channel as Channel,
    locale: row.locale,
    status: row.status as VerificationStatus,
    reason: row.reason as VerificationReason | null,
    codeHash: row.code_hash,
    codeKeyId: row.code_key_id,
    codeLength: row.code_length,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    sends: row.sends,
    maxSends: row.max_sends,
    resendCooldownMs: num(row.resend_cooldown_ms),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    expiresAt: num(row.expires_at),
    lastSentAt: num(row.last_sent_at),
    approvedAt: numOrNull(row.approved_at),
    txCode: row.tx_code,
    deviceId: row.device_id,
    messageId: row.message_id,
    metadata: row.metadata === null ? null : JSON.parse(row.metadata),
    content: row.content,
    deliveryStatus: row.delivery_status as DeliveryStatus,
    deliveryProvider: row.delivery_provider,
    deliveryUpdatedAt: num(row.delivery_updated_at),
    test: num(row.test) === 1,
    externalCode: num(row.external_code) === 1,
    codeReference: row.code_reference,
    androidAppHash: row.android_app_hash,
    chatCode: row.chat_code === null ? null : (JSON.parse(row.chat_code) as ChatCodeForm),
  };
}

export function fromVerification(v: VerificationRecord): Insertable<VerificationsTable> {
  return {
    id: v.id,
    app_id: v.appId,
    destination: v.to,
    country: isPhoneChannel(v.channel) ? (phoneCountry(v.to) ?? null) : null,
    channel: v.channel,
    locale: v.locale,
    status: v.status,
    reason: v.reason,
    code_hash: v.codeHash,
    code_key_id: v.codeKeyId,
    code_length: v.codeLength,
    attempts: v.attempts,
    max_attempts: v.maxAttempts,
    sends: v.sends,
    max_sends: v.maxSends,
    resend_cooldown_ms: v.resendCooldownMs,
    created_at: v.createdAt,
    updated_at: v.updatedAt,
    expires_at: v.expiresAt,
    last_sent_at: v.lastSentAt,
    approved_at: v.approvedAt,
    tx_code: v.txCode,
    device_id: v.deviceId,
    message_id: v.messageId,
    metadata: v.metadata === null ? null : JSON.stringify(v.metadata),
    content: v.content,
    delivery_status: v.deliveryStatus,
    delivery_provider: v.deliveryProvider,
    delivery_updated_at: v.deliveryUpdatedAt,
    test: v.test ? 1 : 0,
    external_code: v.externalCode ? 1 : 0,
    code_reference: v.codeReference,
    android_app_hash: v.androidAppHash,
    chat_code: v.chatCode === null ? null : JSON.stringify(v.chatCode),
  };
}

/** What a job's end erases: the code and the chat message, once no provider needs them (I1). */
export const ERASED = { code_ciphertext: null, message_ciphertext: null } as const;

/** ERASED as the assignments of a hand-written UPDATE's `set`. */
export const erasedAssignments = () =>
  sql.join(Object.keys(ERASED).map((column) => sql`${sql.ref(column)} = null`));

export function toJob(row: Selectable<OutboxJobsTable>): OutboxJob {
  return {
    id: row.id,
    appId: row.app_id,
    verificationId: row.verification_id,
    channel: row.channel as Channel,
    to: row.destination,
    codeCiphertext: row.code_ciphertext,
    status: row.status as OutboxJob['status'],
    attempts: row.attempts,
    nextAttemptAt: num(row.next_attempt_at),
    leaseUntil: numOrNull(row.lease_until),
    lastError: row.last_error,
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    afterProvider: row.after_provider,
    messageCiphertext: row.message_ciphertext,
  };
}

export function fromJob(job: OutboxJob): OutboxJobsTable {
  return {
    id: job.id,
    app_id: job.appId,
    verification_id: job.verificationId,
    channel: job.channel,
    destination: job.to,
    code_ciphertext: job.codeCiphertext,
    status: job.status,
    attempts: job.attempts,
    next_attempt_at: job.nextAttemptAt,
    lease_until: job.leaseUntil,
    last_error: job.lastError,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    after_provider: job.afterProvider,
    message_ciphertext: job.messageCiphertext,
  };
}

export function toSandboxMessage(row: Selectable<SandboxMessagesTable>): SandboxMessage {
  return {
    id: row.id,
    appId: row.app_id,
    verificationId: row.verification_id,
    to: row.destination,
    channel: row.channel as Channel,
    body: row.body,
    createdAt: num(row.created_at),
  };
}

export function toWebhookDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    appId: row.app_id,
    eventId: row.event_id,
    eventType: row.event_type as DeliveryType,
    url: row.url,
    payload: row.payload,
    status: row.status as WebhookDelivery['status'],
    attempts: row.attempts,
    attemptLimit: row.attempt_limit,
    nextAttemptAt: num(row.next_attempt_at),
    leaseUntil: numOrNull(row.lease_until),
    lastError: row.last_error,
    lastStatusCode: row.last_status_code,
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    deliveredAt: numOrNull(row.delivered_at),
    attemptLog: JSON.parse(row.attempt_log) as WebhookAttempt[],
  };
}

export function fromWebhookDelivery(d: WebhookDelivery): WebhookDeliveriesTable {
  return {
    id: d.id,
    app_id: d.appId,
    event_id: d.eventId,
    event_type: d.eventType,
    url: d.url,
    payload: d.payload,
    status: d.status,
    attempts: d.attempts,
    attempt_limit: d.attemptLimit,
    next_attempt_at: d.nextAttemptAt,
    lease_until: d.leaseUntil,
    last_error: d.lastError,
    last_status_code: d.lastStatusCode,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    delivered_at: d.deliveredAt,
    attempt_log: JSON.stringify(d.attemptLog),
  };
}
