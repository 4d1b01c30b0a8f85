import type { Kysely, Migration } from 'kysely';
import { runMigrations } from '../../database/migration-runner.ts';
import { migration as initial } from './0001_initial.ts';
import { migration as appSettings } from './0002_app_settings.ts';
import { migration as testVerifications } from './0004_test_verifications.ts';
import { migration as fraudDecisions } from './0005_fraud_decisions.ts';
import { migration as webhookDeliveries } from './0006_webhook_deliveries.ts';
import { migration as senderCodes } from './0007_sender_codes.ts';
import { migration as appDialectIds } from './0008_app_dialect_ids.ts';
import { migration as receiptFailover } from './0009_receipt_failover.ts';
import { migration as chatMessages } from './0010_chat_messages.ts';
import { migration as verificationAppHash } from './0011_verification_app_hash.ts';
import { migration as messenger } from './0012_messenger.ts';
import { migration as conversationMessageVerifications } from './0013_conversation_message_verifications.ts';
import { migration as apiKeyScopes } from './0014_api_key_scopes.ts';
import { migration as verificationCountry } from './0015_verification_country.ts';
import { migration as consoleTables } from './0016_console.ts';
import { migration as chatCodeForm } from './0017_chat_code_form.ts';
import { migration as conversationAgents } from './0018_conversation_agents.ts';
import { migration as webhookAttemptLog } from './0019_webhook_attempt_log.ts';
import { migration as hotPathIndexes } from './0020_hot_path_indexes.ts';
import { migration as claimIndexes } from './0021_claim_indexes.ts';
import { migration as queueDueIndexes } from './0022_queue_due_indexes.ts';

/**
 * The Store's one migration history, written with Kysely's schema builder in types both
 * SQLite and PostgreSQL accept. Each key is the name recorded in the database's
 * `kysely_migration` table and the name of the migration's file: never rename, reorder or
 * edit a released migration; add the next file and list it here (a test checks that files
 * and list agree). The numbers skip 0003: none was ever written.
 */
export const STORE_MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_app_settings': appSettings,
  '0004_test_verifications': testVerifications,
  '0005_fraud_decisions': fraudDecisions,
  '0006_webhook_deliveries': webhookDeliveries,
  '0007_sender_codes': senderCodes,
  '0008_app_dialect_ids': appDialectIds,
  '0009_receipt_failover': receiptFailover,
  '0010_chat_messages': chatMessages,
  '0011_verification_app_hash': verificationAppHash,
  '0012_messenger': messenger,
  '0013_conversation_message_verifications': conversationMessageVerifications,
  '0014_api_key_scopes': apiKeyScopes,
  '0015_verification_country': verificationCountry,
  '0016_console': consoleTables,
  '0017_chat_code_form': chatCodeForm,
  '0018_conversation_agents': conversationAgents,
  '0019_webhook_attempt_log': webhookAttemptLog,
  '0020_hot_path_indexes': hotPathIndexes,
  '0021_claim_indexes': claimIndexes,
  '0022_queue_due_indexes': queueDueIndexes,
};

/** Brings the store's schema up to date. */
export function migrateToLatest(
  db: Kysely<unknown>,
  dialect: 'sqlite' | 'postgres' = 'sqlite',
): Promise<void> {
  return runMigrations(db, dialect, STORE_MIGRATIONS);
}
